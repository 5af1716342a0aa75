"""The standard block and the suggestions drawn from earlier projects."""

from __future__ import annotations

from pathlib import Path

from perfdesk.indicator_tree import used_names, used_targets, with_standard_block
from perfdesk.layouts import get_layout
from perfdesk.model import Indicator, Level1Group, Level2Group, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store


def test_standard_block_goes_first_and_keeps_what_is_there() -> None:
    layout = get_layout("sh2020")
    tree = [
        Level1Group("产出目标", [Level2Group("数量", [Indicator("推送条数", "≥1400条")])]),
    ]
    merged = with_standard_block(tree, layout)
    assert [g.name for g in merged] == ["投入与管理", "产出目标"]
    names = [i.name for g in merged[0].groups for i in g.indicators]
    assert names == [row.name for row in layout.standard_block]
    assert tree[0].name == "产出目标" and len(tree) == 1  # the input is not changed

    again = with_standard_block(merged, layout)
    assert again == merged  # inserting twice adds nothing


def test_standard_block_keeps_a_value_the_officer_changed() -> None:
    layout = get_layout("sh2020")
    tree = with_standard_block([], layout)
    tree[0].groups[0].indicators[1].target = "≥95%"
    merged = with_standard_block(tree, layout)
    assert merged[0].groups[0].indicators[1].target == "≥95%"


def test_suggestions_come_from_every_stored_project(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
        names = used_names(store, 3)
        assert names[0] in {row.name for row in get_layout("sh2020").standard_block}
        assert "预算执行率" in names
        assert "投入与管理" in used_names(store, 1)
        assert "=100%" in used_targets(store)
        store.add(Project.new())
        assert used_names(store, 2)  # empty projects add nothing, break nothing
