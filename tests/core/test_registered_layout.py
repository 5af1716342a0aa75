"""A layout added as data only, through the public registry: a made-up provincial form with
three value columns and amounts in 万元 to four decimals. No code knows it, yet it stores,
edits (one undo step), checks, prints, exports and imports back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from printed_pdf import read_pdf
from testdata import REPO, as_json, needs_cjk_font

from perfdesk import checks, exchange
from perfdesk.checks import check
from perfdesk.exporting.docx import export_docx
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.history import History
from perfdesk.importing import read_any
from perfdesk.layouts import Layout, get_layout, register_layout, unregister_layout
from perfdesk.model import IndicatorRow, Project
from perfdesk.printing import render_pdf
from perfdesk.store import Store

KEY = "prov2031"


def province_layout_data() -> dict[str, object]:
    """The central template as a province might clone it: another title, three value
    columns (长期 | 中期 | 年度), four decimals of 万元, a 备注 section."""
    data = json.loads((REPO / "perfdesk" / "layouts" / "national.json").read_text("utf-8"))
    data.update(
        key=KEY,
        name="某省 2031 版",
        title="某省项目支出绩效目标表",
        money_decimals=4,
        value_columns=["长期指标值", "中期指标值", "年度指标值"],
        sections=["中期目标", "年度目标", "备注", "待归类内容"],
        section_parts=[
            {"heading": "总体目标", "sections": ["中期目标", "年度目标"]},
            {"heading": "", "sections": ["备注"]},
        ],
        converts_from={},
    )
    return data


@pytest.fixture
def province() -> Iterator[Layout]:
    layout = register_layout(province_layout_data())
    try:
        yield layout
    finally:
        unregister_layout(layout.key)


def province_project() -> Project:
    project = Project.new(KEY, 2031)
    project.set_field("项目名称", "乡村道路养护")
    project.set_field("主管部门及代码", "某省交通运输厅 301")
    project.set_field("实施单位", "某县公路管理站")
    project.set_field("项目属性", "新增")
    project.set_field("项目期", "2031年-2035年")
    project.set_section("中期目标", "完成全县乡村道路养护。")
    project.set_section("年度目标", "完成 120 公里养护。")
    project.set_section("备注", "资金按进度拨付。")
    project.type_budget("中期资金总额", "1,234.5678")
    project.type_budget("中期财政拨款", "1234.5678")
    project.type_budget("年度资金总额", "250")
    project.type_budget("年度财政拨款", "200.25")
    project.type_budget("年度其他资金", "49.75")
    project.set_rows(
        [
            IndicatorRow("产出指标", "数量指标", "养护里程", "=120公里", ("=600公里", "=300公里")),
            IndicatorRow("效益指标", "社会效益指标", "通行时间缩短", "≥5%", ("≥20%", "≥10%")),
            IndicatorRow("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", ("≥95%",)),
        ]
    )
    return project


def test_the_registered_layout_is_known_and_typed(province: Layout) -> None:
    assert get_layout(KEY) is province
    assert province.table_columns[3:] == ("长期指标值", "中期指标值", "年度指标值")
    project = province_project()
    assert project.budget["中期资金总额"] == Decimal("12345678")
    assert province.money_shown(project.budget["中期资金总额"]) == "1,234.5678"
    # the values in print order: 长期, 中期, then the main (年度) one
    row = project.rows()[0]
    assert province.row_values(row.target, row.other_values) == ("=600公里", "=300公里", "=120公里")


def test_the_registered_layout_stores_edits_and_checks(province: Layout, db_path: Path) -> None:
    with Store(db_path) as store:
        history = History(store)
        pid = history.create(province_project(), "新建项目")
        assert store.get(pid) == _stored(pid)

        def edit(project: Project) -> None:
            project.type_budget("年度资金总额", "260.5")
            rows = project.rows()
            last = rows[2]
            rows[2] = IndicatorRow(last.level1, last.level2, last.name, last.target, ("", "≥92%"))
            project.set_rows(rows)

        history.edit(pid, edit, "修改金额和指标值")
        edited = store.get(pid)
        assert edited.budget["年度资金总额"] == Decimal("2605000")
        assert edited.rows()[2].other_values == ("", "≥92%")
        found = {f.message for f in check(edited)}
        assert any("群众满意度" in m and "没有长期指标值" in m for m in found)
        assert not any("没有中期指标值" in m for m in found)
        assert checks.CURRENT_ABOVE_TOTAL not in {f.code for f in check(edited)}
        history.undo()  # one step puts back both the amount and the values
        assert store.get(pid) == _stored(pid)


def _stored(pid: int) -> Project:
    """The project as stored under ``pid``."""
    project = province_project()
    project.id = pid
    return project


@needs_cjk_font
def test_the_registered_layout_prints(province: Layout) -> None:
    pdf = read_pdf(render_pdf([province_project()]))
    header = next(r for t in pdf.tables for r in t if r and r[0] == "一级指标")
    assert header[3:] == ["长期指标值", "中期指标值", "年度指标值"]
    row = next(r for t in pdf.tables for r in t if "养护里程" in (r or []))
    assert row[-3:] == ["=600公里", "=300公里", "=120公里"]
    assert "1,234.5678" in pdf.cells and "项目资金（万元）" in pdf.text
    assert all(files for files in pdf.font_files.values())  # only embedded fonts


@needs_cjk_font
@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".docx", ".pdf"])
def test_the_registered_layout_exports_and_imports_back(
    province: Layout, tmp_path: Path, suffix: str
) -> None:
    project = province_project()
    path = tmp_path / f"province{suffix}"
    if suffix == ".json":
        path.write_text(exchange.dumps([project]), encoding="utf-8")
    elif suffix == ".xlsx":
        export_xlsx([project], path)
    elif suffix == ".docx":
        export_docx([project], path)
    else:
        path.write_bytes(render_pdf([project]))
    found = read_any(path)
    assert [str(w) for w in found.all_warnings()] == []
    assert as_json(found.projects) == as_json([project])
