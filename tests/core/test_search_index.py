"""The window's search (summaries in memory, the store's indexes for the terms) answers as
the store's own search does."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.search_index import SearchIndex
from perfdesk.store import Store

QUERIES = [
    None,
    "",
    "科",
    "科普",
    "宣传 微信",
    "预算执行率",
    "=100%",
    "上海科技报社",
    "档案",
    "鬼",
    "abc",
    "ABC",
    "2020",
    "  科普   资源 ",
]


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as store:
        store.add_many(sample_projects())
        other = Project.new(year=2021)
        other.set_field("项目名称", "档案数字化 ABC 系统")
        other.set_field("申报单位名称", "市档案馆")
        store.add(other)
        yield store  # type: ignore[misc]


def test_same_answers_as_the_store(store: Store) -> None:
    index = SearchIndex(store)
    for query in QUERIES:
        for year in (None, 2020, 2021):
            for unit in (None, "市档案馆"):
                expected = store.list_projects(year=year, unit=unit, search=query)
                assert index.list_projects(year=year, unit=unit, search=query) == expected, (
                    query,
                    year,
                    unit,
                )


def test_refresh_follows_edits_and_deletions(store: Store) -> None:
    index = SearchIndex(store)
    project = store.get(1)
    project.set_field("项目名称", "全新的名称")
    store.save(project)
    index.refresh(1)
    assert [s.name for s in index.list_projects(search="全新")] == ["全新的名称"]
    store.delete(1)
    index.refresh(1)
    assert index.count() == 2
    assert index.list_projects(search="全新") == []
    new_id = store.add(Project.new())
    index.reload()
    assert index.count() == 3 and index.list_projects()[-1].id == new_id


def test_answers_stay_the_stores_through_edits_additions_and_deletions(store: Store) -> None:
    index = SearchIndex(store)

    def same() -> None:
        for query in ("", *QUERIES):
            assert index.list_projects(search=query) == store.list_projects(search=query), query

    same()  # (the searched order is kept from here on and changed in place)
    project = store.get(2)
    project.set_field("项目名称", "改过的名称 XYZ")
    store.save(project)
    index.refresh(2)
    added = Project.new(year=2022)
    added.set_field("项目名称", "新加的科普项目")
    new_id = store.add(added)
    index.refresh(new_id)
    store.delete(1)
    index.refresh(1)
    same()
    assert [s.id for s in index.list_projects()] == [s.id for s in store.list_projects()]
