"""The store never makes things worse: a damaged file is not written to, opening writes
nothing, a read-only store cannot write, and huge texts are stored whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import file_digest, wreck_a_page

from perfdesk.errors import DamagedDatabaseError, DatabaseError
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store, check_database, check_in_background


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return db_path


def test_opening_and_closing_writes_nothing(closed_db: Path) -> None:
    before = file_digest(closed_db)
    with Store(closed_db) as store:
        store.list_projects()
    assert file_digest(closed_db) == before
    assert sorted(p.name for p in closed_db.parent.iterdir()) == [closed_db.name]


def test_a_damaged_database_is_refused_before_anything_is_written(closed_db: Path) -> None:
    wreck_a_page(closed_db)
    before = file_digest(closed_db)
    with pytest.raises(DamagedDatabaseError, match=r"已损坏.*恢复"):
        Store(closed_db)
    assert file_digest(closed_db) == before
    assert check_database(closed_db)  # problems are reported...
    assert file_digest(closed_db) == before  # ...without writing either


def test_a_file_with_a_wrecked_header_is_reported_as_damaged(closed_db: Path) -> None:
    data = bytearray(closed_db.read_bytes())
    data[:100] = b"\x00" * 100
    closed_db.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError):
        Store(closed_db)


def test_a_damaged_database_can_still_be_read_read_only(closed_db: Path) -> None:
    wreck_a_page(closed_db)
    before = file_digest(closed_db)
    with Store(closed_db, read_only=True) as store:
        assert store.read_only
        with pytest.raises(DatabaseError, match="只读"):
            store.add(Project.new())
    assert file_digest(closed_db) == before


def test_read_only_on_a_sound_database_reads_everything(closed_db: Path) -> None:
    with Store(closed_db) as store:
        expected = [p.name for p in store.get_all()]
    with Store(closed_db, read_only=True) as store:
        assert [p.name for p in store.get_all()] == expected
        with pytest.raises(DatabaseError):
            store.delete(1)
    with Store(closed_db) as store:
        assert store.count() == 2


def test_read_only_needs_an_existing_file(db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="不存在"):
        Store(db_path, read_only=True)
    assert not db_path.exists()


def test_check_database_on_a_sound_file(closed_db: Path) -> None:
    assert check_database(closed_db) == []
    assert check_database(closed_db, quick=True) == []


def test_a_megabyte_of_text_is_stored_whole_and_found(db_path: Path) -> None:
    project = Project.new()
    body = ("项目概况第一段，" * 125_000)[:1_000_000] + "末尾标记"
    project.set_section(project.spec.sections[0], body)
    project.set_field(project.spec.name_field, "很长的项目")
    with Store(db_path) as store:
        project_id = store.add(project)
    with Store(db_path) as store:
        again = store.get(project_id)
        assert again.sections[project.spec.sections[0]] == body
        assert [s.id for s in store.list_projects(search="末尾标记")] == [project_id]
        assert check_database(db_path) == []


def test_the_quick_check_beside_start_up_finds_damage_without_writing(closed_db: Path) -> None:
    assert check_in_background(closed_db).result() == []
    wreck_a_page(closed_db)
    before = file_digest(closed_db)
    assert check_in_background(closed_db).result()
    assert file_digest(closed_db) == before
