from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import get_layout
from perfdesk.model import (
    Indicator,
    IndicatorRow,
    Level1Group,
    Level2Group,
    Part,
    Project,
    nodes_from_tree,
    rows_from_tree,
    tree_from_nodes,
    tree_from_rows,
)


def test_new_project_has_every_field_of_its_layout_empty() -> None:
    project = Project.new("sh2020", 2025)
    spec = get_layout("sh2020")
    assert list(project.fields) == list(spec.field_labels)
    assert list(project.sections) == list(spec.sections)
    assert project.budget == dict.fromkeys(spec.budget_labels)
    assert project.indicators == []


def test_typed_setters_normalize_at_the_boundary() -> None:
    project = Project.new()
    project.set_field("计划开始日期", "２０２０年１月１日")
    assert project.fields["计划开始日期"] == "2020-01-01"
    project.set_budget("项目总预算", "１，０００，０００")
    assert project.budget["项目总预算"] == Decimal("1000000")
    project.set_budget("项目总预算", "  ")
    assert project.budget["项目总预算"] is None
    with pytest.raises(InvalidValueError):
        project.set_field("计划开始日期", "2020-02-30")
    with pytest.raises(InvalidValueError):
        project.set_budget("项目总预算", "1e6")
    with pytest.raises(KeyError):
        project.set_field("不存在的字段", "x")


def test_year_and_tree_setters_and_what_changed() -> None:
    project = Project.new("sh2020", 2020)
    edited = project.clone()
    edited.set_year("２０２１年")
    assert edited.year == 2021
    with pytest.raises(InvalidValueError):
        edited.set_year("21")
    tree = [Level1Group("产出目标", [Level2Group("数量", [Indicator("推送条数", "≥1400条")])])]
    edited.set_indicators(tree)
    tree[0].name = "改在别处"  # the project keeps its own copy
    assert edited.indicators[0].name == "产出目标"
    assert project.changed_parts(edited) == {Part.YEAR, Part.INDICATORS}
    edited.set_field("项目名称", "新项目")
    edited.set_budget("项目总预算", "100")
    assert project.changed_parts(edited) == {Part.YEAR, Part.INDICATORS, Part.FIELDS, Part.BUDGET}
    assert project.changed_parts(project.clone()) == frozenset()


def test_layouts_name_their_levels_and_a_short_label() -> None:
    old, current = get_layout("sh2020"), get_layout("sh2026")
    assert (old.label, current.label) == ("2020 版", "现行版")
    assert (old.level_word, current.level_word) == ("目标", "指标")
    assert [current.level_name(d) for d in (1, 2, 3)] == ["一级指标", "二级指标", "三级指标"]
    assert "类别" in old.field_spec("项目类别").hint


def test_rows_group_consecutive_levels_in_print_order() -> None:
    rows = [
        IndicatorRow("产出目标", "数量", "甲", "1"),
        IndicatorRow("产出目标", "数量", "乙", "2"),
        IndicatorRow("产出目标", "质量", "丙", "合格"),
        IndicatorRow("效果目标", "社会效益", "丁", "提高"),
    ]
    tree = tree_from_rows(rows)
    assert [g.name for g in tree] == ["产出目标", "效果目标"]
    assert [g.name for g in tree[0].groups] == ["数量", "质量"]
    project = Project.new()
    project.indicators = tree
    assert project.rows() == rows


def test_empty_groups_survive_rows_and_nodes() -> None:
    tree = [
        Level1Group("产出目标", [Level2Group("数量")]),
        Level1Group("影响力目标"),
    ]
    project = Project.new()
    project.indicators = tree
    rows = project.rows()
    assert all(row.is_placeholder for row in rows)
    assert project.indicator_rows() == []
    assert tree_from_rows(rows) == tree
    assert tree_from_nodes(nodes_from_tree(tree)) == tree


def test_nameless_empty_groups_have_no_row() -> None:
    project = Project.new()
    project.indicators = [
        Level1Group(""),
        Level1Group("产出目标", [Level2Group("")]),
        Level1Group("", [Level2Group("数量")]),
    ]
    rows = project.rows()
    assert rows == [IndicatorRow("产出目标", "", "", ""), IndicatorRow("", "数量", "", "")]
    assert rows_from_tree(tree_from_rows(rows)) == rows
