"""A layout is data: a third one, added as a JSON document only, works across the core."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk import checks, exchange
from perfdesk.checks import check
from perfdesk.layouts import Layout, _from_json, _validate, all_layouts, get_layout
from perfdesk.library import insert_rows, load_templates
from perfdesk.model import IndicatorRow, Project
from perfdesk.store import Store

LAYOUTS = Path(__file__).resolve().parents[2] / "perfdesk" / "layouts"


def third_layout_data() -> dict[str, object]:
    """A made-up county form: other labels, three budget columns, no holding section."""
    data = json.loads((LAYOUTS / "sh2026.json").read_text("utf-8"))
    data.update(
        key="xx2030",
        name="某县 2030 版",
        title="项目支出绩效目标表",
        unit_field="预算单位",
        fields=[
            {"label": "项目名称", "kind": "text"},
            {"label": "预算单位", "kind": "text"},
            {"label": "计划开始日期", "kind": "date"},
            {"label": "计划完成日期", "kind": "date"},
            {"label": "联系人", "kind": "text", "required": False},
        ],
        sections=["绩效目标", "备注"],
        section_parts=[{"heading": "", "sections": ["绩效目标", "备注"]}],
        period_section="绩效目标",
        holding_section="",
        budget=[
            {"label": "总额", "printed": "资金总额", "column": 0},
            {"label": "本级", "printed": "本级资金", "column": 1},
            {"label": "上级", "printed": "上级补助", "column": 2},
        ],
        budget_total_field="总额",
        budget_current_field="本级",
        multi_year=False,
        converts_from={},
    )
    return data


@pytest.fixture
def third_layout() -> Iterator[Layout]:
    layout = _validate(_from_json(third_layout_data()))
    registry = all_layouts()
    registry[layout.key] = layout
    yield layout
    del registry[layout.key]


def test_the_third_layout_is_stored_exchanged_and_checked(
    third_layout: Layout, db_path: Path
) -> None:
    assert get_layout("xx2030") is third_layout
    project = Project.new("xx2030", 2030)
    project.set_field("项目名称", "乡村科普e站")
    project.set_field("预算单位", "某县科协")
    project.set_field("计划开始日期", "2030-03-01")
    project.set_field("计划完成日期", "2030-02-01")
    project.set_budget("总额", "500000")
    project.set_budget("本级", "600000")
    project.set_rows([IndicatorRow("产出指标", "数量指标", "建成站点数", "=12")])
    with Store(db_path) as store:
        assert store.get(store.add(project)) == project
    (back,) = exchange.loads(exchange.dumps([project]))
    back.id = project.id  # the exchange format carries no database ids
    assert back == project
    found = {f.code: f.location for f in check(project)}
    assert found[checks.END_BEFORE_START].key == "计划完成日期"
    assert found[checks.CURRENT_ABOVE_TOTAL].key == "本级"
    assert found[checks.NO_UNIT].kind == "indicator"
    assert checks.NO_OUTCOME in found
    assert checks.REQUIRED_FIELD not in found  # 联系人 is optional
    assert [[m.label for m in c] for c in third_layout.budget_columns] == [
        ["总额"],
        ["本级"],
        ["上级"],
    ]
    assert project.budget["上级"] is None and project.budget["总额"] == Decimal("500000")


def test_templates_and_inserting_work_for_the_third_layout(third_layout: Layout) -> None:
    assert load_templates("xx2030") == []  # no template files name it: none offered
    project = Project.new("xx2030", 2030)
    rows = load_templates("sh2026")[0].rows  # same 一级/二级 names
    assert insert_rows(project, rows) == len(rows)
    assert [g.name for g in project.indicators] == list(third_layout.level1_names)
