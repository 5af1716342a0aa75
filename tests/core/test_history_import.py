"""An import is one undo step however many projects it brings: History.create_many."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from perfdesk.exchange import project_to_json
from perfdesk.history import History
from perfdesk.sample import sample_projects
from perfdesk.store import Store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as store:
        yield store


def test_many_projects_come_and_go_in_one_step(store: Store, db_path: Path) -> None:
    history = History(store)
    kept = history.create(sample_projects()[0], "新建项目")
    ids = history.create_many(sample_projects() * 3, "导入 6 个项目")
    assert len(ids) == 6 and store.count() == 7
    assert len(history) == 2 and history.undo_description() == "导入 6 个项目"

    change = history.undo()
    assert change is not None and change.project_id == ids[0]
    assert [p.id for p in store.get_all()] == [kept]
    with Store(db_path) as other:  # committed, as one transaction
        assert other.count() == 1

    history.redo()
    assert [project_to_json(store.get(i)) for i in ids] == [
        project_to_json(p) for p in sample_projects() * 3
    ]
    history.undo()
    history.undo()
    assert store.count() == 0


def test_nothing_to_import_is_no_step(store: Store) -> None:
    history = History(store)
    assert history.create_many([], "导入") == []
    assert not history.can_undo()
