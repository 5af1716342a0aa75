"""PDF pages read with PDFium give the same text as pdfminer alone, on every kind of PDF the
importer meets: our own print (both layouts, long narratives, many pages), a LibreOffice PDF
made from a spreadsheet laid out like the published form, and a PDF of plain text lines."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from published_forms import department_workbook, libreoffice_pdf, projects
from test_import_pdf import text_pdf
from testdata import SEED_TEXT, SH2026_PROJECT, needs_cjk_font

from perfdesk.exchange import read_file
from perfdesk.importing.pdf import pdf_text
from perfdesk.importing.pdf_objects import NotExact, PdfiumPage
from perfdesk.model import IndicatorRow
from perfdesk.printing import render_pdf
from perfdesk.sample import sample_projects


def exact_pages(path: Path) -> int:
    """How many pages PDFium read itself (the others fell back to pdfminer)."""
    document = pdfium.PdfDocument(path)
    count = 0
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages):
                try:
                    PdfiumPage(page, document[number])._pdfium_objects()
                    count += 1
                except NotExact:
                    pass
    finally:
        document.close()
    return count


def same_both_ways(path: Path) -> str:
    fast = pdf_text(path)
    assert fast == pdf_text(path, pdfium=False)
    return fast


@needs_cjk_font
def test_our_print_reads_the_same_both_ways(tmp_path: Path) -> None:
    long = sample_projects()[1]
    long.set_section(
        "项目概况", "\n".join(f"第{n}段，全年举办科普讲座25场。" * 8 for n in range(60))
    )
    long.set_rows(
        [
            *long.rows(),
            *(IndicatorRow("产出目标", "数量", f"指标{n}", f"≥{n}次") for n in range(80)),
        ]
    )
    printed = tmp_path / "forms.pdf"
    printed.write_bytes(render_pdf([*sample_projects(), *read_file(SH2026_PROJECT), long]))
    text = same_both_ways(printed)
    assert "科普资源平台建设" in text and "指标79" in text
    with pdfplumber.open(printed) as pdf:
        assert exact_pages(printed) == len(pdf.pages) > 8  # none fell back


def test_a_libreoffice_pdf_reads_the_same_both_ways(tmp_path: Path) -> None:
    published = projects()
    xlsx = department_workbook(tmp_path / "部门项目.xlsx", published)
    made = libreoffice_pdf(xlsx, tmp_path)
    text = same_both_ways(made)
    assert published[0].name in text.replace("\n", "")
    with pdfplumber.open(made) as pdf:
        assert exact_pages(made) == len(pdf.pages)


def test_plain_text_lines_read_the_same_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "seed.pdf"
    text_pdf(SEED_TEXT.read_text(encoding="utf-8"), path)
    assert "上海科技报社" in same_both_ways(path)
    assert exact_pages(path) >= 1
