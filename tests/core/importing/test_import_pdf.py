"""Reading forms from PDF files: perfdesk.importing.pdf through read_any.

The PDFs here are made the way a budget system's export looks to a text extractor: the
form's text set line by line in a Chinese TrueType font, over several pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from testdata import CJK_FONT, SEED_TEXT, as_json, needs_cjk_font, sample_json

from perfdesk.errors import PerfDeskError
from perfdesk.importing import read_any

pytestmark = needs_cjk_font
LINES_PER_PAGE = 48


def text_pdf(text: str, path: Path, page_numbers: bool = True) -> None:
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    pdf = canvas.Canvas(str(path))
    lines = text.split("\n")
    for start in range(0, len(lines), LINES_PER_PAGE):
        pdf.setFont("WQY", 10)
        for n, line in enumerate(lines[start : start + LINES_PER_PAGE]):
            pdf.drawString(50, 800 - 15 * n, line)
        if page_numbers:
            pdf.drawCentredString(297, 30, f"第 {start // LINES_PER_PAGE + 1} 页")
        pdf.showPage()
    pdf.save()


def test_the_seed_as_a_pdf_gives_the_sample_projects(tmp_path: Path) -> None:
    path = tmp_path / "seed.pdf"
    text_pdf(SEED_TEXT.read_text(encoding="utf-8"), path)
    result = read_any(path)
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == sample_json()


def test_a_pdf_without_text_is_refused_with_a_hint_about_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 300, fill=1)  # a page with only a picture-like shape
    pdf.showPage()
    pdf.save()
    with pytest.raises(PerfDeskError, match="OCR"):
        read_any(path)


def test_a_file_that_is_no_pdf_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(PerfDeskError, match="不是有效的 PDF"):
        read_any(path)
    with pytest.raises(PerfDeskError, match="找不到文件"):
        read_any(tmp_path / "missing.pdf")


def test_a_password_protected_pdf_is_refused_with_that_reason(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(100, 700, "locked")
    pdf.showPage()
    pdf.save()
    with pytest.raises(PerfDeskError, match="密码"):
        read_any(path)
