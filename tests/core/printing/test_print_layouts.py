"""The other layouts print from their data: sh2026's own blocks, and a layout given only as data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from county_layout import county_layout
from printed_pdf import FOOTER_RE, read_pdf, squash

from perfdesk.checks import missing_characters
from perfdesk.layouts import Layout
from perfdesk.location import Location
from perfdesk.model import IndicatorRow, Project
from perfdesk.printing import FontSet, render_pdf

RARE = "𠀀"


def sh2026_project() -> Project:
    project = Project.new("sh2026", 2026)
    for label, value in {
        "项目名称": "科普资源平台建设（二期）",
        "项目性质": "阶段性项目",
        "项目类别": "特定目标类",
        "主管部门": "上海市科学技术协会",
        "实施单位": "上海科技报社",
        "计划开始日期": "2024-01-01",
        "计划完成日期": "2026-12-31",
    }.items():
        project.set_field(label, value)
    for label, amount in {
        "项目资金总额": "10308000",
        "财政资金": "10000000",
        "其他资金": "308000",
        "年度资金申请总额": "3436000",
        "当年财政拨款": "3336000",
        "上年结转资金": "100000",
    }.items():
        project.set_budget(label, amount)
    project.set_section("项目总体目标", "1、建成科普资源库；\n2、接入100个党建服务中心。")
    project.set_section("年度总体目标", "完成平台二期建设。")
    project.set_section("一、项目概述", "本项目是科普资源平台的第二期。")
    project.set_section("七、绩效目标", "见绩效指标表。")
    project.set_section("待归类内容", "转换时留下的旧内容，不应打印")
    project.set_rows(
        [
            IndicatorRow("产出指标", "数量指标", "接入党建服务中心数", "=100个"),
            IndicatorRow("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90.00(%)"),
        ]
    )
    return project


def test_sh2026_prints_its_own_blocks(fonts: FontSet) -> None:
    project = sh2026_project()
    pdf = read_pdf(render_pdf([project], fonts))
    cells, text = pdf.cells, pdf.text

    assert "财政项目支出绩效目标申报表" in text and "（2026年度）" in text
    for label, value in project.fields.items():
        assert cells[cells.index(squash(value)) - 1] == label + "："
    # the two-column 项目资金 block, two decimals, the first part of each total as 其中：
    rows = [[squash(c) for c in row if c is not None] for table in pdf.tables for row in table]
    assert [
        "项目资金（元）",
        "项目资金总额",
        "10,308,000.00",
        "年度资金申请总额",
        "3,436,000.00",
    ] in rows
    for label, amount in [
        ("其中：财政资金", "10,000,000.00"),
        ("其他资金", "308,000.00"),
        ("其中：当年财政拨款", "3,336,000.00"),
        ("上年结转资金", "100,000.00"),
    ]:
        assert cells[cells.index(label) + 1] == amount
    # the multi-year period after the overall target's label, the two targets side by side
    assert ["项目绩效目标", "项目总体目标(2024年-2026年)：", "年度总体目标："] in rows
    assert [squash(project.sections[s]) for s in ("项目总体目标", "年度总体目标")] in rows
    # the budget block comes before the targets, the indicator table last
    labels = [
        row[0] for row in rows if row and row[0] in ("项目资金（元）", "项目绩效目标", "绩效指标")
    ]
    assert labels == ["项目资金（元）", "项目绩效目标", "绩效指标"]
    assert ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值"] in rows
    assert "转换时留下的旧内容" not in text


def test_sh2026_form_is_one_grid_with_upright_row_labels(fonts: FontSet) -> None:
    """As on the real form: header, amounts, targets and indicators are one ruled table (no
    gap between them), whose narrow first column holds the merged row labels written two
    characters a line."""
    project = sh2026_project()
    pdf = read_pdf(render_pdf([project], fonts))
    form = [table for table in pdf.tables if any("项目名称：" in (c or "") for c in table[0])]
    (grid,) = form
    first_column = [row[0] for row in grid if row[0]]
    assert first_column[-3:] == ["项目\n资金\n（元）", "项目\n绩效\n目标", "绩效\n指标"]
    assert grid[-1][1:] and squash(grid[-1][-1] or "") == "≥90.00(%)"
    assert len(pdf.pages) == 2  # 说明 and the form: the form's grid fills one page


def test_sh2026_explanation_is_a_document_of_its_own_before_the_form(fonts: FontSet) -> None:
    project = sh2026_project()
    pdf = read_pdf(render_pdf([project], fonts), tables=False)
    numbers = [tuple(map(int, FOOTER_RE.search(f).groups())) for f in pdf.footers]  # type: ignore[union-attr]
    starts = [i for i, (n, _) in enumerate(numbers) if n == 1]
    assert len(starts) == 2  # 项目经费情况说明, then the form, each numbered from 1
    explanation = "".join(squash(page) for page in pdf.pages[: starts[1]])
    assert explanation.startswith("项目经费情况说明")  # before the form, as published
    for label in ("一、项目概述", "七、绩效目标"):
        assert label + squash(project.sections[label]) in explanation
    form = "".join(squash(p) for p in pdf.pages[starts[1] :])
    assert form.startswith("财政项目支出绩效目标申报表") and "一、项目概述" not in form


def test_missing_characters_cover_the_attached_document(fonts: FontSet) -> None:
    project = sh2026_project()
    project.set_section("三、实施主体", f"实施主体{RARE}")
    project.set_section("待归类内容", f"不打印{RARE}")
    if fonts.can_draw(fonts.regular, RARE):
        pytest.skip("this machine's print font draws Extension B")
    assert [f.location for f in missing_characters(project, fonts.draws)] == [
        Location("section", "三、实施主体")
    ]


@pytest.fixture
def data_only_layout() -> Iterator[Layout]:
    with county_layout() as layout:
        yield layout


def test_a_layout_given_only_as_data_prints(data_only_layout: Layout, fonts: FontSet) -> None:
    project = Project.new(data_only_layout.key, 2030)
    project.set_field("项目名称", "乡村科普e站")
    project.set_field("预算单位", "某县科协")
    project.set_budget("总额", "500000")
    project.set_budget("上级", "200000.5")
    project.set_section("备注", "无")
    project.set_rows([IndicatorRow("产出指标", "数量指标", "建成站点数", "=12")])

    pdf = read_pdf(render_pdf([project], fonts))

    assert pdf.pages[0].startswith("项目支出绩效目标表")
    cells = pdf.cells
    assert cells[cells.index("预算单位：") + 1] == "某县科协"
    assert cells[cells.index("资金总额") + 1] == "500,000.00"
    assert cells[cells.index("上级补助") + 1] == "200,000.50"
    assert ["产出指标", "数量指标", "建成站点数", "=12"] in [
        [squash(c) for c in row if c] for table in pdf.tables for row in table
    ]


@pytest.mark.parametrize("key", ["sh2020", "sh2026"])
def test_standard_level_names_wrap_at_most_once_without_an_orphan(
    key: str, truetype_fonts: FontSet
) -> None:
    """Each 一级 and 二级 name of the layout, printed in its merged cell, takes one line, or
    two lines of which the last has more than one character."""
    project = Project.new(key, 2026)
    spec = project.spec
    project.set_rows(
        [
            IndicatorRow(level1.name, level2, f"{level2}的指标", "≥90.00(%)")
            for level1 in spec.level1
            for level2 in level1.level2
        ]
    )
    pdf = read_pdf(render_pdf([project], truetype_fonts))
    names = {*spec.level1_names, *(n for s in spec.level1 for n in s.level2)}
    printed: dict[str, list[str]] = {}
    for table in pdf.tables:
        for row in table:
            for cell in row:
                if cell and squash(cell) in names:
                    printed[squash(cell)] = cell.split("\n")
    assert set(printed) == names
    for name, lines in printed.items():
        assert len(lines) <= 2 and min(len(line.strip()) for line in lines) > 1, (name, lines)
