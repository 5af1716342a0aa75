"""The Excel and Word exports open cleanly in LibreOffice: converted to PDF headless and read
back with pdfplumber. Skipped where LibreOffice is not installed (CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from testdata import as_json, sample_json

from perfdesk.exporting.docx import export_docx
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.sample import sample_projects

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (Debian: libreoffice-calc-nogui libreoffice-writer-nogui)",
)
A4 = (595, 842)


def convert(source: Path, tmp_path: Path, target: str) -> Path:
    """``source`` converted by LibreOffice to ``target`` (a filter as soffice names it)."""
    assert SOFFICE is not None
    out = tmp_path / "converted"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",  # no clash with others
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    made = out / (source.stem + "." + target.split(":")[0])
    assert made.exists(), f"LibreOffice made no {target} of {source.name}"
    return made


def to_pdf(source: Path, tmp_path: Path) -> Path:
    return convert(source, tmp_path, "pdf")


def pages(pdf_path: Path) -> list[tuple[tuple[int, int], str, float]]:
    """(size, text, left edge of the text) of every page."""
    found = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            left = min((w["x0"] for w in words), default=page.width)
            found.append(((round(page.width), round(page.height)), page.extract_text(), left))
    return found


def test_the_workbook_converts_to_a4_pages_fitted_to_the_width(tmp_path: Path) -> None:
    path = tmp_path / "forms.xlsx"
    export_xlsx(sample_projects(), path)
    converted = pages(to_pdf(path, tmp_path))
    assert converted
    text = "\n".join(page_text for _, page_text, _ in converted)
    for size, page_text, left in converted:
        assert size == A4
        # fitted to the width: every page starts at the left column, none holds spilled columns
        assert left < A4[0] / 4, page_text[:80]
        assert "###" not in page_text  # no number too wide for its column
    assert text.count("财政项目支出绩效目标表") == 2
    assert "科普资源平台建设" in text and "1,000,000" in text and "700,000" in text
    # the indicator table's four headings side by side on one line
    assert re.search(r"一级目标\s*二级目标\s*三级目标\s*指标目标值", text)
    for project in sample_projects():
        for row in project.indicator_rows():
            assert row.target in text


def test_the_document_converts_to_a4_pages(tmp_path: Path) -> None:
    path = tmp_path / "forms.docx"
    export_docx(sample_projects(), path)
    converted = pages(to_pdf(path, tmp_path))
    text = "\n".join(page_text for _, page_text, _ in converted)
    assert all(size == A4 for size, _, _ in converted)
    assert text.count("财政项目支出绩效目标表") == 2
    assert text.count("（2020年度）") == 2
    assert re.search(r"一级目标\s*二级目标\s*三级目标\s*指标目标值", text)
    assert "科普资源平台建设" in text and "1,000,000" in text
    for project in sample_projects():
        for row in project.indicator_rows():
            assert row.target.replace(" ", "") in text.replace(" ", "")


def test_a_workbook_saved_again_by_libreoffice_imports_exactly(tmp_path: Path) -> None:
    # what happens when a colleague opens the file, changes nothing, and saves it
    path = tmp_path / "forms.xlsx"
    export_xlsx(sample_projects(), path)
    saved = convert(path, tmp_path, "xlsx:Calc MS Excel 2007 XML")
    result = read_any(saved)
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == sample_json()
