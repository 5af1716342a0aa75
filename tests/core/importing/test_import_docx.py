"""Word import: our own export read back exactly, and forms typed by hand in Word or WPS."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from testdata import DATA, as_json

from perfdesk import exchange
from perfdesk.errors import PerfDeskError
from perfdesk.exporting.docx import export_docx
from perfdesk.importing import read_any
from perfdesk.model import Project
from perfdesk.sample import sample_projects


def sh2026_projects() -> list[Project]:
    return exchange.read_file(DATA / "sh2026_xinmeiti.json") + exchange.read_file(
        DATA / "sh2026_peixun.json"
    )


@pytest.mark.parametrize("projects", [sample_projects, sh2026_projects], ids=["sh2020", "sh2026"])
def test_our_export_comes_back_exactly(tmp_path: Path, projects: object) -> None:
    assert callable(projects)
    originals: list[Project] = projects()
    path = tmp_path / "forms.docx"
    export_docx(originals, path)
    result = read_any(path)
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == as_json(originals)


def test_an_export_with_a_narrative_edited_in_word_keeps_the_edit(tmp_path: Path) -> None:
    (original,) = sh2026_projects()[:1]
    path = tmp_path / "edited.docx"
    export_docx([original], path)
    document = docx.Document(str(path))
    cell = next(
        c
        for table in document.tables
        for row in table.rows
        for c in row.cells
        if c.text.startswith("2024年1月至2026年12月")
    )
    cell.paragraphs[0].runs[0].text = "2024年3月至2026年12月，分三个年度实施。"
    document.save(str(path))
    (project,) = read_any(path).projects
    assert project.sections["五、实施周期"] == "2024年3月至2026年12月，分三个年度实施。"
    assert project.rows() == original.rows()


def _merge_down(table: object, column: int, first: int, last: int) -> None:
    cells = table.columns[column].cells  # type: ignore[attr-defined]
    text = cells[first].text
    merged = cells[first].merge(cells[last])
    for paragraph in merged.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    merged.paragraphs[0].text = text


def test_a_sh2020_form_typed_by_hand(tmp_path: Path) -> None:
    """Uneven tables, full-width colons, values typed into the label's cell, narratives as
    paragraphs between the tables: the way an officer fills the template in Word."""
    document = docx.Document()
    document.add_paragraph("财政项目支出绩效目标表")
    document.add_paragraph("（2021年度）")
    header = document.add_table(rows=0, cols=2)
    header.add_row().cells[0].text = "申报单位名称：上海市某某中心"  # value in the label's cell
    row = header.add_row().cells
    row[0].text, row[1].text = "项目名称：", "社区科普大讲堂"
    row = header.add_row().cells
    row[0].text, row[1].text = "项目类别：", "其他一次性项目"
    three = document.add_table(rows=1, cols=4)  # a second, wider table
    dates = ["计划开始日期：", "2021-01-01", "计划完成日期：", "2021-12-31"]
    for cell, text in zip(three.rows[0].cells, dates, strict=True):
        cell.text = text
    row = three.add_row().cells
    row[0].text, row[1].text = "是否含有政府购买服务：", "是"
    row[2].text, row[3].text = "绩效类型：", "事业/专业类"
    for label, text in [
        ("项目概况", "每月举办一场面向社区居民的科普讲座。"),
        ("立项依据", "《上海市科学技术普及条例》。"),
        ("项目设立的必要性", "社区居民科学素质有待提高。"),
        ("保证项目实施的制度、措施", "财务管理制度"),
        ("项目实施计划", "1、上半年6场；\n2、下半年6场。"),
        ("总目标及阶段性目标", "全年12场，受众1200人次。"),
    ]:
        document.add_paragraph(label + "：")
        for paragraph in text.split("\n"):
            document.add_paragraph(paragraph)
    document.add_paragraph("本项目上年度市级财政资金使用情况")
    money = document.add_table(rows=2, cols=4)
    amounts = ["项目总预算（元）：", "120,000", "项目当年预算（元）：", "120,000"]
    for cell, text in zip(money.rows[0].cells, amounts, strict=True):
        cell.text = text
    document.add_paragraph("2021年绩效目标")
    rows = [
        ("一级目标", "二级目标", "三级目标", "指标目标值"),
        ("投入与管理", "投入管理", "预算执行率", "=100%"),
        ("", "", "预算资金到位率", "=100%"),
        ("产出目标", "数量目标", "讲座场次", "≥12场"),
        ("", "", "受众人次", "≥1200人次"),
    ]
    indicators = document.add_table(rows=len(rows), cols=4)
    for cells, texts in zip(indicators.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            cell.text = text
    _merge_down(indicators, 0, 1, 2)
    _merge_down(indicators, 1, 1, 2)
    _merge_down(indicators, 0, 3, 4)
    _merge_down(indicators, 1, 3, 4)
    path = tmp_path / "手填.docx"
    document.save(str(path))

    result = read_any(path)
    (project,) = result.projects
    assert project.layout == "sh2020" and project.year == 2021
    assert project.fields["申报单位名称"] == "上海市某某中心"
    assert project.fields["项目名称"] == "社区科普大讲堂"
    assert project.fields["计划完成日期"] == "2021-12-31"
    assert project.fields["是否含有政府购买服务"] == "是"
    assert project.sections["项目实施计划"] == "1、上半年6场；\n2、下半年6场。"
    assert project.budget["项目总预算"] == Decimal(120000)
    assert [(r.level1, r.level2, r.name, r.target) for r in project.rows()] == [
        ("投入与管理", "投入管理", "预算执行率", "=100%"),
        ("投入与管理", "投入管理", "预算资金到位率", "=100%"),
        ("产出目标", "数量目标", "讲座场次", "≥12场"),
        ("产出目标", "数量目标", "受众人次", "≥1200人次"),
    ]


def test_a_sh2026_form_typed_by_hand_in_one_uneven_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("财政项目支出绩效目标申报表")
    document.add_paragraph("（2026年度）")
    table = document.add_table(rows=0, cols=4)

    def add(*texts: str) -> None:
        cells = table.add_row().cells
        for cell, text in zip(cells, texts, strict=False):  # a short row leaves cells empty
            cell.text = text

    add("项目名称：", "社区科普大讲堂")
    add("项目性质：", "经常性项目", "项目类别：", "其他运转类")
    add("主管部门：", "上海市科学技术协会", "实施单位：", "上海市某某中心")
    add("计划开始日期：2026/1/1", "", "计划完成日期：2026/12/31", "")
    add("项目资金（元）")
    add("项目资金总额：", "240,000.00", "年度资金申请总额：", "240,000.00")
    add("其中：财政资金：", "240,000.00", "其中：当年财政拨款：", "240,000.00")
    add("项目绩效目标")
    add("项目总体目标：", "全年举办讲座12场。")
    add("年度总体目标：", "受众1200人次以上。")
    add("绩效指标")
    add("一级指标", "二级指标", "三级指标", "年度指标值")
    add("产出指标", "数量指标", "讲座场次", "≥12场")
    add("效益指标", "社会效益指标", "居民科学素质", "提高")
    path = tmp_path / "form.docx"
    document.save(str(path))

    (project,) = read_any(path).projects
    assert project.layout == "sh2026" and project.year == 2026
    assert project.fields["项目名称"] == "社区科普大讲堂"
    assert project.fields["实施单位"] == "上海市某某中心"
    assert project.fields["计划开始日期"] == "2026-01-01"
    assert project.budget["当年财政拨款"] == Decimal(240000)
    assert project.sections["年度总体目标"] == "受众1200人次以上。"
    assert [(r.level1, r.level2, r.name, r.target) for r in project.rows()] == [
        ("产出指标", "数量指标", "讲座场次", "≥12场"),
        ("效益指标", "社会效益指标", "居民科学素质", "提高"),
    ]


def test_a_word_document_without_a_form_imports_nothing_and_says_so(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("会议纪要")
    path = tmp_path / "notes.docx"
    document.save(str(path))
    result = read_any(path)
    assert result.projects == []
    assert "没有找到可识别的绩效目标表" in str(result.all_warnings()[0])


def test_a_file_named_docx_that_is_not_one_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(PerfDeskError, match="Word 文档"):
        read_any(path)
