"""Exports keep the printed order of a form and the documents that travel with it, whichever
way round the layout prints them (a layout given only as data prints its document after the
form)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from county_layout import county_layout_data
from printed_pdf import read_pdf, squash
from testdata import as_json

from perfdesk.exporting.docx import export_docx
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.layouts import Layout, register_layout, unregister_layout
from perfdesk.model import IndicatorRow, Project
from perfdesk.printing import render_pdf


@pytest.fixture
def document_after() -> Iterator[Layout]:
    data = county_layout_data()
    data.update(
        key="xx2031",
        documents_first=False,
        sections=["绩效目标", "备注", "一、说明", "二、附件"],
        section_parts=[
            {"heading": "", "sections": ["绩效目标", "备注"]},
            {
                "heading": "项目说明书",
                "document": "项目说明书",
                "sections": ["一、说明", "二、附件"],
            },
        ],
    )
    layout = register_layout(data)
    try:
        yield layout
    finally:
        unregister_layout(layout.key)


def project_of(layout: Layout, name: str) -> Project:
    project = Project.new(layout.key, 2031)
    project.set_field("项目名称", name)
    project.set_field("预算单位", "某县科协")
    project.set_section("绩效目标", "建成站点12个。")
    project.set_section("一、说明", "站点建在乡镇文化站内。\n\n第二段：由县科协管理。")
    project.set_section("二、附件", "站点名单")
    project.set_rows(
        [
            IndicatorRow("产出指标", "数量指标", "建成站点数", "=12个"),
            IndicatorRow("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%"),
        ]
    )
    return project


def test_a_document_printed_after_the_form_follows_it_in_every_output(
    document_after: Layout, tmp_path: Path
) -> None:
    projects = [project_of(document_after, "乡村科普e站"), project_of(document_after, "科普大篷车")]
    pages = read_pdf(render_pdf(projects), tables=False).pages
    assert squash(pages[1]).startswith("项目说明书")  # the print: the form, then the document

    workbook = tmp_path / "forms.xlsx"
    export_xlsx(projects, workbook)
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    first_column = [str(row[0].value or "") for row in sheet.iter_rows()]
    document = first_column.index("项目说明书")
    assert first_column[0] == document_after.title
    assert first_column.index("满意度指标") < document  # after the indicator table
    assert document in {b.id for b in sheet.row_breaks.brk}  # on a page of its own

    document_file = tmp_path / "forms.docx"
    export_docx(projects, document_file)
    for path in (workbook, document_file):
        result = read_any(path)
        assert [str(w) for w in result.all_warnings()] == [], path
        assert as_json(result.projects) == as_json(projects), path
