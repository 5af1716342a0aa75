"""The PDF reader's two routes read the same text: pages parsed by pdfium and handed to
pdfplumber's table logic, against pdfplumber reading them through pdfminer as it does by
itself — on every kind of PDF the import tests read (set line by line, printed by PerfDesk in
both layouts, over several pages, made by LibreOffice) and on drawings pdfium and pdfminer
report differently (rules drawn as thin boxes, curves, a form XObject, spaces inside strings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from testdata import CJK_FONT, SEED_TEXT, SH2026_PROJECT, needs_cjk_font

from perfdesk import exchange, printing
from perfdesk.importing.pdf import pdf_text
from perfdesk.model import IndicatorRow
from perfdesk.sample import sample_projects
from tests.core.importing.test_import_pdf import text_pdf
from tests.published_forms import (
    department_workbook,
    libreoffice_pdf,
    long_project,
    projects,
    word_form_with_a_row_across_pages,
    writer_pdf,
)

pytestmark = needs_cjk_font


def _font() -> str:
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    return "WQY"


def seed_set_line_by_line(path: Path) -> None:
    text_pdf(SEED_TEXT.read_text(encoding="utf-8"), path)


def printed_sample_projects(path: Path) -> None:
    path.write_bytes(printing.render_pdf(sample_projects()))


def printed_current_form(path: Path) -> None:
    path.write_bytes(printing.render_pdf(exchange.read_file(SH2026_PROJECT)))


def printed_long_form(path: Path) -> None:
    project = sample_projects()[0]
    project.set_field("项目名称", "一个很长的项目名称需要在表格里换行" * 3)
    rows = project.indicator_rows()[:10]
    for n in range(1, 41):
        name = f"第{n}项产出指标的名称比较长需要在单元格里换行" * (1 + n % 2)
        rows.append(IndicatorRow("产出目标", "数量" if n < 20 else "质量", name, f"≥{n}0%"))
    project.set_rows(rows)
    path.write_bytes(printing.render_pdf([project]))


def drawn_grid(path: Path) -> None:
    """A ruled table whose rules are thin filled boxes, closed paths, a rounded corner and a
    form XObject, with words set close and apart by spaces inside one string."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    font = _font()
    pdf.beginForm("frame")
    pdf.rect(40, 40, 515, 760, stroke=1, fill=0)
    pdf.endForm()
    pdf.doForm("frame")
    tops = [700, 670, 640, 610]
    for y in tops:
        pdf.rect(60, y - 0.3, 480, 0.6, stroke=0, fill=1)  # a rule as a thin filled box
    for x in (60, 200, 380, 540):
        path_ = pdf.beginPath()
        path_.moveTo(x, tops[0])
        path_.lineTo(x, tops[-1])
        pdf.drawPath(path_, stroke=1, fill=0)
    pdf.roundRect(60, 500, 200, 60, 8, stroke=1, fill=0)
    pdf.setFont(font, 10)
    cells = [("项目名称", "社区 科普 讲座", "2026/1/1"), ("金额 （元）", "1,250,000.00", "0")]
    for row, values in enumerate(cells):
        for x, value in zip((65, 205, 385), values, strict=True):
            pdf.drawString(x, tops[row] - 20, value)
    pdf.drawString(65, 530, "圆角框里的 说明 文字")
    pdf.drawString(65, 460, "表外的一行 字 与 字 之间有空格")
    pdf.showPage()
    pdf.save()


def libreoffice_department(path: Path) -> None:
    xlsx = department_workbook(path.with_suffix(".xlsx"), projects())
    made = libreoffice_pdf(xlsx, path.parent)
    made.rename(path)


def libreoffice_merged_cell_across_pages(path: Path) -> None:
    xlsx = department_workbook(path.with_suffix(".xlsx"), [long_project()])
    libreoffice_pdf(xlsx, path.parent).rename(path)


def writer_row_across_pages(path: Path) -> None:
    document = word_form_with_a_row_across_pages(path.with_suffix(".docx"))
    writer_pdf(document, path.parent).rename(path)


MAKERS: dict[str, Callable[[Path], None]] = {
    "seed set line by line": seed_set_line_by_line,
    "printed sample projects": printed_sample_projects,
    "printed current form": printed_current_form,
    "printed long form": printed_long_form,
    "drawn grid": drawn_grid,
    "LibreOffice department": libreoffice_department,
    "LibreOffice merged cell across pages": libreoffice_merged_cell_across_pages,
    "Writer row across pages": writer_row_across_pages,
}


@pytest.mark.parametrize("kind", MAKERS)
def test_both_routes_read_the_same_text(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    MAKERS[kind](path)
    text = pdf_text(path)
    assert text.strip()
    assert text == pdf_text(path, pdfium=False)


def test_a_turned_page_is_read_through_pdfminer(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(_font(), 12)
    pdf.drawString(60, 700, "项目名称 社区科普讲座")
    pdf.setPageRotation(90)
    pdf.showPage()
    pdf.save()
    assert "社区科普讲座" in pdf_text(path)
    assert pdf_text(path) == pdf_text(path, pdfium=False)
