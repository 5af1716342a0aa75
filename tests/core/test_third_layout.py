"""A layout is data: a third one, added as a JSON document only, works across the core."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from county_layout import county_layout
from testdata import as_json

from perfdesk import checks, exchange
from perfdesk.checks import check
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.layouts import Layout, get_layout
from perfdesk.library import insert_rows, load_templates
from perfdesk.model import IndicatorRow, Project
from perfdesk.store import Store


@pytest.fixture
def third_layout() -> Iterator[Layout]:
    with county_layout() as layout:
        yield layout


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


def test_the_third_layout_exports_and_imports_back(third_layout: Layout, tmp_path: Path) -> None:
    project = Project.new("xx2030", 2030)
    project.set_field("项目名称", "乡村科普e站")
    project.set_field("预算单位", "某县科协")
    project.set_section("绩效目标", "建成十二个站点。")
    project.set_budget("总额", "500000.5")
    project.set_budget("上级", "100000")
    project.set_rows([IndicatorRow("产出指标", "数量指标", "建成站点数", "=12个")])
    path = tmp_path / "county.xlsx"
    export_xlsx([project], path)
    found = read_any(path)
    assert [str(w) for w in found.all_warnings()] == []
    assert as_json(found.projects) == as_json([project])
