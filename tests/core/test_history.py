"""Undo and redo through a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdesk.history import History
from perfdesk.model import Indicator, Level1Group, Level2Group, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as store:
        yield store  # type: ignore[misc]


def _named(name: str) -> Project:
    project = Project.new()
    project.set_field("项目名称", name)
    return project


def test_edit_is_stored_at_once_and_undone_and_redone(store: Store, db_path: Path) -> None:
    history = History(store)
    pid = history.create(_named("宣传项目"), "新建项目")
    history.edit(pid, lambda p: p.set_field("项目名称", "科普宣传项目"), "修改项目名称")

    with Store(db_path) as other:  # another connection sees the edit: it is committed
        assert other.get(pid).name == "科普宣传项目"
    assert history.undo_description() == "修改项目名称"

    change = history.undo()
    assert change is not None and change.project_id == pid
    assert store.get(pid).name == "宣传项目"
    assert history.redo_description() == "修改项目名称"

    history.redo()
    assert store.get(pid).name == "科普宣传项目"


def test_creation_is_undone_by_deleting(store: Store) -> None:
    history = History(store)
    pid = history.create(_named("新项目"), "新建项目")
    history.undo()
    assert not store.exists(pid)
    history.redo()
    assert store.get(pid).name == "新项目"


def test_deletion_is_undone_with_the_same_id_and_everything_in_it(store: Store) -> None:
    history = History(store)
    [pid, _] = store.add_many(sample_projects())
    original = store.get(pid)

    history.delete(pid, "删除项目")
    assert not store.exists(pid)
    history.undo()
    assert store.get(pid) == original
    history.redo()
    assert not store.exists(pid)
    assert store.count() == 1


def test_typing_in_one_field_merges_until_sealed(store: Store) -> None:
    history = History(store)
    pid = history.create(_named(""), "新建项目")
    for text in ("科", "科普", "科普项目"):
        history.edit(
            pid,
            lambda p, t=text: p.set_field("项目名称", t),
            "修改项目名称",
            merge_key="field:项目名称",
        )
    assert len(history) == 2  # creation + one merged edit
    history.seal()
    history.edit(
        pid,
        lambda p: p.set_field("项目名称", "科普项目二"),
        "修改项目名称",
        merge_key="field:项目名称",
    )
    assert len(history) == 3

    history.undo()
    assert store.get(pid).name == "科普项目"
    history.undo()
    assert store.get(pid).name == ""


def test_edits_of_different_fields_do_not_merge(store: Store) -> None:
    history = History(store)
    pid = history.create(_named("甲"), "新建项目")
    history.edit(pid, lambda p: p.set_field("项目名称", "乙"), "修改项目名称", merge_key="a")
    history.edit(
        pid, lambda p: p.set_field("申报单位名称", "某单位"), "修改申报单位名称", merge_key="b"
    )
    history.undo()
    assert store.get(pid).name == "乙" and store.get(pid).unit == ""


def test_a_new_edit_after_undo_clears_redo(store: Store) -> None:
    history = History(store)
    pid = history.create(_named("甲"), "新建项目")
    history.edit(pid, lambda p: p.set_field("项目名称", "乙"), "修改项目名称")
    history.undo()
    assert history.can_redo()
    history.edit(pid, lambda p: p.set_field("项目名称", "丙"), "修改项目名称")
    assert not history.can_redo()


def test_an_edit_that_changes_nothing_is_not_a_step(store: Store) -> None:
    history = History(store)
    pid = history.create(_named("甲"), "新建项目")
    history.edit(pid, lambda p: p.set_field("项目名称", "甲"), "修改项目名称")
    assert len(history) == 1


def test_tree_edits_undo_across_projects(store: Store) -> None:
    history = History(store)
    first = history.create(_named("一"), "新建项目")
    second = history.create(_named("二"), "新建项目")
    tree = [Level1Group("产出目标", [Level2Group("数量", [Indicator("推送条数", "≥1400条")])])]
    history.edit(first, lambda p: setattr(p, "indicators", tree), "添加指标")
    history.edit(second, lambda p: p.set_budget("项目总预算", "1,000,000"), "修改项目总预算")

    assert history.undo() is not None
    change = history.undo()
    assert change is not None and change.project_id == first
    assert store.get(first).indicators == []
    assert store.get(second).budget["项目总预算"] is None
    history.redo()
    assert store.get(first).indicator_rows()[0].name == "推送条数"


def test_duplicate_and_next_year_copies_are_undoable(store: Store) -> None:
    history = History(store)
    pid = history.create(_named("甲"), "新建项目")
    copy_id = history.duplicate(pid, "复制项目")
    next_id = history.copy_to_next_year(pid, "复制到下一年度")
    assert store.get(next_id).year == store.get(pid).year + 1
    history.undo()
    history.undo()
    assert not store.exists(copy_id) and not store.exists(next_id)


def test_the_stack_is_bounded(store: Store) -> None:
    history = History(store, limit=3)
    pid = history.create(_named("0"), "新建项目")
    for n in range(1, 6):
        history.edit(pid, lambda p, n=n: p.set_field("项目名称", str(n)), "修改项目名称")
    assert len(history) == 3
    while history.undo():
        pass
    assert store.get(pid).name == "2"


def test_a_pause_in_typing_starts_a_new_step(store: Store) -> None:
    now = [100.0]
    history = History(store, merge_seconds=5, clock=lambda: now[0])
    pid = history.create(_named(""), "新建项目")
    for text, at in (("第一段", 101.0), ("第一段。", 104.0), ("第一段。第二段", 20_000.0)):
        now[0] = at
        history.edit(
            pid, lambda p, t=text: p.set_section("项目概况", t), "修改项目概况", merge_key="s"
        )
    assert len(history) == 3  # creation, the first burst, the text after the pause
    history.undo()
    assert store.get(pid).sections["项目概况"] == "第一段。"
