"""Importing a form the database already holds (same layout, year, unit and name): skipped by
default, or replaced, or added as a new project — said on the command line, one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from testdata import SEED_TEXT, as_json, file_digest, perfdesk

from perfdesk.history import History
from perfdesk.importing import read_any
from perfdesk.sample import sample_projects
from perfdesk.store import OnDuplicate, Store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as store:
        yield store


def test_importing_a_file_again_stores_nothing_new_and_says_so(db_path: Path) -> None:
    first = perfdesk("--db", db_path, "import", SEED_TEXT)
    assert first.returncode == 0 and "已导入 2 个项目" in first.stderr
    before = file_digest(db_path)
    again = perfdesk("--db", db_path, "import", SEED_TEXT)
    assert again.returncode == 0, again.stderr
    assert "已在数据库中（编号 1），跳过" in again.stderr
    assert "已在数据库中（编号 2），跳过" in again.stderr
    assert "没有导入任何内容：这些表都已在数据库中" in again.stderr
    assert "已导入" not in again.stderr
    assert file_digest(db_path) == before


def test_replace_keeps_the_ids_and_takes_the_file(db_path: Path, tmp_path: Path) -> None:
    perfdesk("--db", db_path, "import", SEED_TEXT)
    edited = tmp_path / "edited.txt"
    text = SEED_TEXT.read_text(encoding="utf-8")
    edited.write_text(text.replace("报社例会制度、三审制度", "报社例会制度、四审制度"), "utf-8")
    done = perfdesk("--db", db_path, "import", "--on-duplicate", "replace", edited)
    assert done.returncode == 0, done.stderr
    assert "已替换数据库中的编号 1" in done.stderr and "已替换数据库中的编号 2" in done.stderr
    with Store(db_path) as store:
        assert [p.id for p in store.get_all()] == [1, 2]
        assert "四审制度" in store.get(1).sections["保证项目实施的制度、措施"]
        assert as_json([store.get(1)]) == as_json(read_any(edited).projects[:1])


def test_new_adds_the_forms_beside_the_stored_ones(db_path: Path) -> None:
    perfdesk("--db", db_path, "import", SEED_TEXT)
    done = perfdesk("--db", db_path, "import", "--on-duplicate", "new", SEED_TEXT)
    assert done.returncode == 0 and "已导入 2 个项目：编号 3, 4" in done.stderr
    with Store(db_path) as store:
        assert store.count() == 4


def test_an_unknown_choice_is_refused(db_path: Path) -> None:
    done = perfdesk("--db", db_path, "import", "--on-duplicate", "merge", SEED_TEXT)
    assert done.returncode != 0 and "merge" in done.stderr
    assert not db_path.exists() or Store(db_path).count() == 0


def test_another_year_or_unit_is_not_the_same_form(store: Store) -> None:
    original = sample_projects()[0]
    store.add(original)
    next_year = original.clone()
    next_year.year += 1
    other_unit = original.clone()
    other_unit.fields[original.spec.unit_field] = "上海市某某中心"
    assert store.same_form(original.clone()) == 1
    assert store.same_form(next_year) is None
    assert store.same_form(other_unit) is None


def test_replace_and_new_are_one_step_that_one_undo_takes_back(store: Store) -> None:
    history = History(store)
    first, second = sample_projects()
    history.create_many([first, second], "导入 2 个项目")
    stored = as_json(store.get_all())
    changed = first.clone()
    changed.sections["项目概况"] = "改过的概况"
    outcome = history.import_projects(
        [changed, second.clone()], [OnDuplicate.REPLACE, OnDuplicate.NEW], "导入 2 个项目"
    )
    assert outcome.replaced[0][0] == 1 and outcome.added == [3] and outcome.skipped == []
    assert store.get(1).sections["项目概况"] == "改过的概况" and store.count() == 3
    assert len(history) == 2
    history.undo()
    assert as_json(store.get_all()) == stored
    history.redo()
    assert store.get(1).sections["项目概况"] == "改过的概况" and store.count() == 3


def test_all_skipped_is_no_undo_step(store: Store) -> None:
    history = History(store)
    history.create_many(sample_projects(), "导入 2 个项目")
    outcome = history.import_projects(sample_projects(), [OnDuplicate.SKIP] * 2, "导入 2 个项目")
    assert outcome.skipped == [1, 2] and outcome.added == [] and len(history) == 1
