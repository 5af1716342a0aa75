"""The store through a real SQLite file."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.errors import DatabaseError, InvalidValueError, NotFoundError
from perfdesk.model import IndicatorRow, Level1Group, Level2Group, Project
from perfdesk.sample import sample_projects
from perfdesk.schema import APPLICATION_ID, SCHEMA_VERSION
from perfdesk.store import Store


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as opened:
        yield opened


def _project(name: str = "科普讲座", unit: str = "上海科技报社", year: int = 2024) -> Project:
    project = Project.new("sh2020", year)
    project.set_field("项目名称", name)
    project.set_field("申报单位名称", unit)
    project.set_field("计划开始日期", "2024-01-01")
    project.set_field("计划完成日期", "2024-12-31")
    project.set_section("项目概况", "举办系列科普讲座十场。")
    project.set_budget("项目总预算", "1,000,000")
    project.set_budget("项目当年预算", "600000")
    project.set_rows([IndicatorRow("产出目标", "数量", "讲座场次", "≥10场")])
    return project


def test_new_file_is_marked_as_ours_with_the_schema_version(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_connection_settings(store: Store) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_add_and_get_round_trip(store: Store) -> None:
    project = _project()
    project_id = store.add(project)
    loaded = store.get(project_id)
    assert loaded == project
    assert loaded.budget["项目总预算"] == Decimal("1000000")
    assert loaded.budget["同名项目上年预算额"] is None  # blank stays blank, not 0


def test_seed_projects_survive_the_store_exactly(store: Store) -> None:
    originals = sample_projects()
    ids = store.add_many([p.clone() for p in originals])
    for project_id, original in zip(ids, originals, strict=True):
        original.id = project_id
        assert store.get(project_id) == original


def test_empty_groups_are_kept(store: Store) -> None:
    project = _project()
    project.indicators.append(Level1Group("效果目标", [Level2Group("社会效益")]))
    project.indicators.append(Level1Group("影响力目标"))
    project_id = store.add(project)
    assert store.get(project_id).indicators == project.indicators


def test_save_replaces_everything(store: Store) -> None:
    project = _project()
    store.add(project)
    project.set_field("项目名称", "科普讲座（修订）")
    project.set_budget("项目当年预算", "")
    project.set_rows([IndicatorRow("效果目标", "社会效益", "受众满意度", "≥90%")])
    store.save(project)
    assert store.get(project.id or 0) == project
    assert store.list_projects()[0].name == "科普讲座（修订）"


def test_save_of_a_deleted_project_is_refused(store: Store) -> None:
    project = _project()
    store.add(project)
    store.delete(project.id or 0)
    with pytest.raises(NotFoundError):
        store.save(project)


def test_delete_and_put_back_keeps_the_id(store: Store) -> None:
    first = store.add(_project("甲"))
    store.add(_project("乙"))
    removed = store.delete(first)
    assert [s.name for s in store.list_projects()] == ["乙"]
    assert store.list_projects(search="甲") == []
    store.put_back(removed)
    assert store.get(first) == removed
    assert [s.id for s in store.list_projects(search="甲")] == [first]


def test_delete_cascades_to_every_child_table(store: Store) -> None:
    project_id = store.add(_project())
    store.delete(project_id)
    for table in ("project_fields", "project_sections", "project_budget", "indicator_nodes"):
        count = store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count == 0, table


def test_a_failed_change_leaves_nothing_behind(store: Store) -> None:
    store.add(_project("甲"))
    bad = _project("乙")
    bad.layout = "no-such-layout"
    with pytest.raises(InvalidValueError, match="未知的表样"):
        store.add(bad)
    assert [s.name for s in store.list_projects()] == ["甲"]


def test_duplicate(store: Store) -> None:
    original = store.add(_project())
    copy_id = store.duplicate(original)
    copy = store.get(copy_id)
    assert copy.name == "科普讲座（副本）"
    assert copy.rows() == store.get(original).rows()


def test_copy_to_next_year(store: Store) -> None:
    original = store.add(_project(year=2024))
    store.get(original)
    next_id = store.copy_to_next_year(original)
    copy = store.get(next_id)
    assert copy.year == 2025
    assert copy.fields["计划开始日期"] == "2025-01-01"
    assert copy.fields["计划完成日期"] == "2025-12-31"
    assert copy.budget["同名项目上年预算额"] == Decimal("600000")
    assert copy.budget["同名项目上年预算执行数"] is None
    assert copy.rows() == store.get(original).rows()
    assert store.get(original).year == 2024


def test_copy_to_next_year_from_29_february(store: Store) -> None:
    project = _project()
    project.set_field("计划开始日期", "2024-02-29")
    copy = store.get(store.copy_to_next_year(store.add(project)))
    assert copy.fields["计划开始日期"] == "2025-02-28"


def test_list_filters_and_chinese_search(store: Store) -> None:
    a = store.add(_project("微信公众号运维", "上海科技报社", 2020))
    b = store.add(_project("科普资源平台建设", "上海科技报社", 2021))
    c = store.add(_project("图书馆设备购置", "市图书馆", 2021))
    assert [s.id for s in store.list_projects()] == [a, b, c]
    assert [s.id for s in store.list_projects(year=2021)] == [b, c]
    assert [s.id for s in store.list_projects(unit="市图书馆")] == [c]
    assert [s.id for s in store.list_projects(search="资源平台")] == [b]  # trigram index
    assert [s.id for s in store.list_projects(search="微信")] == [a]  # two characters: scanned
    assert [s.id for s in store.list_projects(search="讲座场次")] == [a, b, c]  # indicators
    assert [s.id for s in store.list_projects(search="购置 图书")] == [c]  # every word
    assert store.list_projects(search="100%") == []  # LIKE wildcards are literal
    assert store.years() == [2021, 2020]
    assert store.units() == ["上海科技报社", "市图书馆"]


def test_a_newer_database_is_refused_unchanged(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="更新版本"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused_unchanged(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="不是 PerfDesk 数据库"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_unchanged(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        Store(db_path)
    assert db_path.read_bytes() == b"this is not a database" * 100
