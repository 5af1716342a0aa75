"""The current Shanghai layout (sh2026) as data, and the store, exchange and next-year copy on it."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from testdata import SH2026_PROJECT

from perfdesk import exchange
from perfdesk.layouts import (
    UnknownLayoutError,
    all_layouts,
    current_layout,
    get_layout,
    layout_from_data,
    register_layout,
    unregister_layout,
)
from perfdesk.model import Project
from perfdesk.store import Store, next_year_copy
from perfdesk.values import format_money


def sh2026_project() -> Project:
    return exchange.read_file(SH2026_PROJECT)[0]


def test_the_layouts_are_shipped_default_and_current_first() -> None:
    assert list(all_layouts()) == ["sh2020", "sh2026", "national"]


def test_sh2026_header_and_title() -> None:
    spec = get_layout("sh2026")
    assert spec.title == "财政项目支出绩效目标申报表"
    assert spec.caption(2025) == "（2025年度）"
    assert spec.field_labels == (
        "项目名称", "项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期",
    )  # fmt: skip
    assert spec.unit_field == "实施单位"
    assert spec.money_decimals == 2
    assert format_money(Decimal("10308000"), spec.money_decimals) == "10,308,000.00"


def test_sh2026_budget_is_two_columns_with_parts() -> None:
    spec = get_layout("sh2026")
    columns = [[m.label for m in column] for column in spec.budget_columns]
    assert columns == [
        ["项目资金总额", "财政资金", "其他资金"],
        ["年度资金申请总额", "当年财政拨款", "上年结转资金", "年度其他资金"],
    ]
    assert spec.budget_parts("项目资金总额") == ("财政资金", "其他资金")
    assert spec.budget_parts("年度资金申请总额") == ("当年财政拨款", "上年结转资金", "年度其他资金")
    # both columns print 其他资金; the keys differ
    assert spec.money_spec("年度其他资金").printed == "其他资金"
    assert (spec.budget_total_field, spec.budget_current_field) == (
        "项目资金总额",
        "年度资金申请总额",
    )


def test_sh2026_parts_and_period() -> None:
    spec = get_layout("sh2026")
    assert [p.heading for p in spec.parts] == ["项目绩效目标", "项目经费情况说明"]
    assert spec.documents == ("form", "项目经费情况说明")
    explanation = spec.parts_of("项目经费情况说明")[0].sections
    assert explanation[0] == "一、项目概述" and explanation[-1] == "七、绩效目标"
    assert len(explanation) == 7
    printed = {s for part in spec.parts for s in part.sections}
    assert spec.holding_section not in printed
    assert spec.period_section == "项目总体目标"
    assert spec.period("2024-01-01", "2026-12-31") == "(2024年-2026年)"
    assert spec.period("2025-01-01", "2025-12-31") == ""
    assert spec.period("", "2026-12-31") == ""


def test_sh2026_indicator_hierarchy() -> None:
    spec = get_layout("sh2026")
    assert spec.indicator_columns == ("一级指标", "二级指标", "三级指标", "年度指标值")
    assert spec.level1_names == ("成本指标", "产出指标", "效益指标", "满意度指标")
    assert spec.level1_with_role("output") == ("产出指标",)
    assert spec.level1_with_role("outcome") == ("效益指标",)
    assert spec.usual_level2("效益指标") == (
        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
    )  # fmt: skip
    assert "指标值" in spec.labels_for("年度指标值")


def test_sh2020_keeps_its_single_part() -> None:
    spec = get_layout("sh2020")
    assert spec.parts[0].sections == spec.sections
    assert spec.documents == ("form",)
    assert [[m.label for m in c] for c in spec.budget_columns] == [list(spec.budget_labels)]


def sh2026_data() -> dict[str, Any]:
    path = Path(__file__).resolve().parents[2] / "perfdesk/layouts/sh2026.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def test_a_mistyped_label_in_a_layout_file_is_refused() -> None:
    data = sh2026_data()
    data["section_parts"][0]["sections"].append("项目总目标")
    with pytest.raises(ValueError, match="项目总目标"):
        layout_from_data(data)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.update(print_ordr=[]), "print_ordr"),  # a mistyped key
        (lambda d: d.update(print_order=["title", "header", "budget"]), "print_order"),
        (
            lambda d: d["converts_from"]["sh2020"]["sections"].update(项目概况="一、概况"),
            "一、概况",
        ),
        (lambda d: d["converts_from"]["sh2020"]["budget"].update(项目总预算=["总额"]), "总额"),
        (lambda d: d["converts_from"]["sh2020"].update(level_1={}), "level_1"),
        (lambda d: d.update(budget_previous_executed_field="上年执行数"), "上年执行数"),
    ],
)
def test_what_a_layout_file_says_is_checked_when_it_loads(
    change: Callable[[dict[str, Any]], None], named: str
) -> None:
    data = sh2026_data()
    change(data)
    with pytest.raises(ValueError, match=named):
        layout_from_data(data)


def test_what_differs_between_the_shipped_layouts_is_their_data() -> None:
    sh2020, sh2026 = get_layout("sh2020"), get_layout("sh2026")
    assert sh2020.label_colon and not sh2026.label_colon
    assert sh2020.print_order.index("narratives") < sh2020.print_order.index("budget")
    assert sh2026.print_order.index("budget") < sh2026.print_order.index("narratives")
    assert sh2020.budget_previous_executed_field == "同名项目上年预算执行数"
    assert current_layout() is sh2026 and set(sh2026.converts_from) == {"sh2020"}


def test_a_registered_layout_is_known_until_removed() -> None:
    data = sh2026_data()
    data.update(key="xx2031", name="某区 2031 版", current=False)
    with pytest.raises(ValueError, match="sh2026"):
        register_layout(sh2026_data())  # a key that exists already
    layout = register_layout(data)
    try:
        assert get_layout("xx2031") is layout and list(all_layouts())[-1] == "xx2031"
        assert Project.new("xx2031", 2031).spec is layout
    finally:
        unregister_layout("xx2031")
    with pytest.raises(UnknownLayoutError):
        get_layout("xx2031")


def test_new_sh2026_project_has_every_field_section_and_amount() -> None:
    project = Project.new("sh2026", 2025)
    spec = project.spec
    assert set(project.fields) == set(spec.field_labels)
    assert set(project.sections) == set(spec.sections)
    assert project.budget == dict.fromkeys(spec.budget_labels)


def test_sh2026_store_round_trip(db_path: Path) -> None:
    project = sh2026_project()
    with Store(db_path) as store:
        project_id = store.add(project)
    with Store(db_path) as store:
        back = store.get(project_id)
    assert back == project
    assert back.budget["上年结转资金"] == Decimal("236000")
    assert back.budget["其他资金"] == Decimal("0")


def test_sh2026_exchange_round_trip() -> None:
    project = sh2026_project()
    text = exchange.dumps([project])
    data = json.loads(text)["projects"][0]
    assert list(data["budget"]) == list(project.spec.budget_labels)
    assert data["budget"]["年度资金申请总额"] == "3436000"
    (back,) = exchange.loads(text)
    assert back == project


def test_sh2026_next_year_copy_of_a_multi_year_project_keeps_its_dates(db_path: Path) -> None:
    project = sh2026_project()  # 2024-2026, form year 2025
    copy = next_year_copy(project)
    assert copy.year == 2026
    assert copy.fields["计划开始日期"] == "2024-01-01"
    assert copy.fields["计划完成日期"] == "2026-12-31"
    assert copy.budget == project.budget  # no 上年 amount on this form: nothing moves
    assert copy.indicators == project.indicators
    with Store(db_path) as store:
        new_id = store.copy_to_next_year(store.add(project))
        assert store.get(new_id).year == 2026


def test_next_year_copy_of_a_one_year_project_moves_its_dates() -> None:
    project = Project.new("sh2026", 2025)
    project.set_field("计划开始日期", "2025-01-01")
    project.set_field("计划完成日期", "2025-12-31")
    copy = next_year_copy(project)
    assert (copy.fields["计划开始日期"], copy.fields["计划完成日期"]) == (
        "2026-01-01",
        "2026-12-31",
    )
