"""Excel export (perfdesk.exporting.xlsx) and reading it back (perfdesk.importing.xlsx)."""

from __future__ import annotations

import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import as_json

from perfdesk.errors import PerfDeskError
from perfdesk.exporting.xlsx import FONT_NAME, export_xlsx
from perfdesk.importing import read_any
from perfdesk.layouts import get_layout
from perfdesk.model import IndicatorRow, Level1Group, Project
from perfdesk.sample import sample_projects


def round_trip(projects: list[Project], path: Path) -> list[Project]:
    export_xlsx(projects, path)
    result = read_any(path)
    assert [str(w) for w in result.all_warnings()] == []
    return result.projects


def test_the_sample_projects_come_back_exactly(tmp_path: Path) -> None:
    projects = sample_projects()
    assert as_json(round_trip(projects, tmp_path / "forms.xlsx")) == as_json(projects)


def test_one_sheet_per_project_laid_out_like_the_form(tmp_path: Path) -> None:
    path = tmp_path / "forms.xlsx"
    export_xlsx(sample_projects(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "“上海科协”官方微信、微博策划与运维及视频拍摄制作"[:31],
        "科普资源平台建设",
    ]
    sheet = book.worksheets[1]
    assert sheet["A1"].value == "财政项目支出绩效目标表"
    assert sheet["A2"].value == "（2020年度）"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:D1" in merged
    # 投入与管理 is merged down over its ten rows, 投入管理 over three
    heading_row = next(
        r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "一级目标"
    )
    first = heading_row + 1
    assert f"A{first}:A{first + 9}" in merged
    assert f"B{first}:B{first + 2}" in merged
    assert sheet.cell(first, 3).value == "预算编制合理性"
    target = sheet.cell(first + 1, 4)
    assert target.value == "=100%" and target.data_type == "s"  # text, not a formula
    # amounts are numbers with thousands separators; blank stays blank
    total = next(c for row in sheet.iter_rows() for c in row if c.value == "项目总预算（元）")
    amount = sheet.cell(total.row, total.column + 1)
    assert amount.value == 700000 and amount.number_format == "#,##0"
    previous = next(
        c for row in sheet.iter_rows() for c in row if c.value == "同名项目上年预算额（元）"
    )
    assert sheet.cell(previous.row, previous.column + 1).value is None
    # the look of a printed form
    assert sheet.cell(first, 3).font.name == FONT_NAME
    assert sheet.cell(first, 3).border.left.style == "thin"
    assert sheet.cell(first, 3).alignment.wrap_text
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [20, 22, 30, 20]
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_a_long_narrative_is_spread_over_rows_and_read_back_whole(tmp_path: Path) -> None:
    project = sample_projects()[0]
    long_text = "\n".join(f"{n}、" + "这是一段很长的项目概况说明文字。" * 12 for n in range(1, 40))
    project.set_section("项目概况", long_text + "\n\n末尾空行之后")
    (back,) = round_trip([project], tmp_path / "long.xlsx")
    assert back.sections["项目概况"] == long_text + "\n\n末尾空行之后"
    sheet = openpyxl.load_workbook(tmp_path / "long.xlsx").active
    assert sheet is not None
    assert max(sheet.row_dimensions[r].height or 0 for r in range(1, sheet.max_row)) <= 409


def test_empty_groups_money_with_fen_and_awkward_text(tmp_path: Path) -> None:
    project = Project.new("sh2020", 2021)
    project.set_field("项目名称", "  前后有空格的名称 ")
    project.set_field("申报单位名称", "=SUM(A1:A2)")
    project.set_budget("项目总预算", "1,234,567.89")
    project.set_budget("项目当年预算", "0")
    project.set_budget("同名项目上年预算额", "999999999999999.99")  # beyond a double
    project.set_section("立项依据", "第一段\n\n  缩进的第二段\t制表符")
    project.set_rows(
        [
            IndicatorRow("投入与管理", "投入管理", "预算执行率", "=100%"),
            IndicatorRow("产出目标", "数量", "", ""),  # an empty 二级 group
            IndicatorRow("效果目标", "", "", ""),  # an empty 一级 group
            IndicatorRow("影响力目标", "其它", "满意度", "≥90%"),
            IndicatorRow("影响力目标", "其它", "满意度", "≥90%"),  # duplicates stay
        ]
    )
    assert as_json(round_trip([project], tmp_path / "odd.xlsx")) == as_json([project])


@st.composite
def projects(draw: st.DrawFn) -> Project:
    text = st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
        | st.sampled_from("\n\t 一二三%=＝（）"),
        max_size=40,
    )
    layout = get_layout("sh2020")
    project = Project.new("sh2020", draw(st.integers(2000, 2100)))
    for spec in layout.fields:
        if spec.kind.value != "date":
            project.fields[spec.label] = draw(text)
    project.set_field("计划开始日期", draw(st.sampled_from(["", "2020-01-01", "2099-12-31"])))
    for label in layout.sections:
        project.set_section(label, draw(text))
    for label in layout.budget_labels:
        cents = draw(st.none() | st.integers(-(10**14), 10**14))
        project.set_budget(label, None if cents is None else Decimal(cents) / 100)
    names = st.sampled_from(["投入与管理", "产出目标", "自定义", ""])
    rows = draw(st.lists(st.tuples(names, text, text, text), max_size=8))
    project.set_rows([IndicatorRow(*row) for row in rows])
    return project


@settings(max_examples=40, deadline=None)
@given(st.lists(projects(), min_size=1, max_size=3))
def test_any_projects_come_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, items: list[Project]
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "any.xlsx"
    export_xlsx(items, path)
    back = read_any(path).projects
    assert as_json(back) == as_json([p.clone() for p in items])


def test_a_nameless_empty_group_is_no_row_either_way(tmp_path: Path) -> None:
    project = Project.new("sh2020", 2000)
    project.indicators = [Level1Group("")]  # a 一级 just added, not yet named
    path = tmp_path / "blank.xlsx"
    export_xlsx([project], path)
    assert as_json(read_any(path).projects) == as_json([project])


def test_sheet_names_are_made_valid_and_unique(tmp_path: Path) -> None:
    first = sample_projects()[1]
    second = first.clone()
    third = first.clone()
    third.set_field("项目名称", "a/b:c*d?e[f]" + "长" * 40)
    nameless = Project.new("sh2020", 2020)
    path = tmp_path / "names.xlsx"
    export_xlsx([first, second, third, nameless], path)
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:2] == ["科普资源平台建设", "科普资源平台建设(2)"]
    assert names[2] == ("abcdef" + "长" * 40)[:31]
    assert names[3] == "项目4"


def test_control_characters_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    project = sample_projects()[0]
    project.set_section("项目概况", "响铃\x07字符")
    path = tmp_path / "bad.xlsx"
    with pytest.raises(PerfDeskError, match="控制字符"):
        export_xlsx([project], path)
    assert list(tmp_path.iterdir()) == []


def test_a_date_retyped_in_excel_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "edited.xlsx"
    export_xlsx(sample_projects()[:1], path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    label = next(c for row in sheet.iter_rows() for c in row if c.value == "计划完成日期")
    sheet.cell(label.row, label.column + 1).value = datetime(2020, 11, 30)
    book.save(path)
    (project,) = read_any(path).projects
    assert project.fields["计划完成日期"] == "2020-11-30"


def test_a_foreign_workbook_is_named_in_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    assert book.active is not None
    book.active.title = "工资表"
    book.active["A1"] = "姓名"
    book.save(path)
    result = read_any(path)
    assert result.forms == []
    assert [str(w) for w in result.warnings] == [
        "other.xlsx 工作表“工资表”：不是 PerfDesk 导出的绩效目标表，未导入"
    ]


def test_a_damaged_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(PerfDeskError, match="不是有效的 Excel 工作簿"):
        read_any(path)
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(PerfDeskError, match="不是有效的 Excel 工作簿"):
        read_any(tmp_path / "empty.xlsx")


def test_every_layout_comes_back_exactly(tmp_path: Path) -> None:
    from perfdesk.convert import conversion_target, convert

    projects = [convert(p, conversion_target()) for p in sample_projects()]
    for project in projects:
        for n, label in enumerate(project.spec.budget_labels):
            project.set_budget(label, f"{n}000.{n}5")  # 其他资金 twice, told apart by place
    assert as_json(round_trip(projects, tmp_path / "sh2026.xlsx")) == as_json(projects)


def test_a_sheet_damaged_in_excel_imports_what_is_left_and_says_what_is_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "edited.xlsx"
    export_xlsx(sample_projects(), path)
    book = openpyxl.load_workbook(path)
    first, second = book.worksheets
    label = next(c for row in first.iter_rows() for c in row if c.value == "项目类别")
    label.value = None  # the label cleared
    first["A2"] = "年度不详"
    for row in range(first.max_row - 3, first.max_row + 1):  # the last indicator rows cleared
        for col in (3, 4):
            first.cell(row, col).value = None
    second["A2"] = None
    for row in second.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.endswith("年绩效目标"):
                cell.value = None
    book.save(path)
    result = read_any(path)
    (project,) = result.projects
    assert project.year == 2020 and project.fields["项目类别"] == ""
    assert len(project.indicator_rows()) == 11
    messages = [str(w) for w in result.all_warnings()]
    sheet_one = "edited.xlsx 工作表“" + first.title + "”："
    assert messages == [  # about the file first, then form by form
        "edited.xlsx 工作表“科普资源平台建设”：找不到年度，这张工作表未导入",
        sheet_one + "第 2 行的年度看不懂，按绩效目标表头定年度：“年度不详”",
        sheet_one + "没有找到这些栏目：项目类别",
    ]


@pytest.mark.parametrize(("layout", "first"), [("sh2020", "申报单位名称"), ("sh2026", "项目名称")])
def test_the_header_starts_with_the_field_the_printed_form_starts_with(
    tmp_path: Path, layout: str, first: str
) -> None:
    project = Project.new(layout, 2025)
    path = tmp_path / "header.xlsx"
    export_xlsx([project], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    title = next(c.row for c in sheet["A"] if c.value == get_layout(layout).title)
    header = title + 2  # below the title and its caption
    labels = [c.value for row in sheet.iter_rows(min_row=header, max_row=header) for c in row]
    assert next(label for label in labels if label).rstrip("：:") == first
    assert get_layout(layout).header_rows()[0] == (first,)


def test_sh2026_sheet_follows_the_printed_form(tmp_path: Path) -> None:
    """The 说明 first, under its own heading and on pages of its own, as published; then the
    form: the budget before the narratives, 项目绩效目标 over its two goals; amounts with two
    decimals, no heading for an empty 待归类内容; read back exactly."""
    from perfdesk.convert import conversion_target, convert

    project = convert(sample_projects()[0], conversion_target())
    spec = project.spec
    project.set_section(spec.holding_section, "")
    path = tmp_path / "sh2026.xlsx"
    export_xlsx([project], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    first_column = [str(row[0].value or "") for row in sheet.iter_rows()]
    order = [
        "项目经费情况说明",
        "一、项目概述",
        "七、绩效目标",
        spec.title,
        spec.budget_heading,
        "项目绩效目标",
        "项目总体目标",
        "年度总体目标",
        spec.targets_caption(project.year),
    ]
    positions = [first_column.index(text) for text in order]
    assert positions == sorted(positions)
    assert positions[0] == 0
    title_row = positions[3] + 1
    assert title_row in {b.id + 1 for b in sheet.row_breaks.brk}  # the form starts a page
    assert spec.holding_section not in first_column
    amounts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, int | float)]
    assert amounts and {c.number_format for c in amounts} == {"#,##0.00"}
    assert as_json(round_trip([project], tmp_path / "again.xlsx")) == as_json([project])
