"""Share of values that land in their place on made-up published forms (部门预算公开 layout:
each 项目经费情况说明 before its 申报表, three projects in one file), per extraction style.

    uv run python bench/published.py

Builds the workbook, prints it to PDF with LibreOffice, and reads it as our PDF reader does,
as pdfplumber's plain text, and one cell per line (plain and with quoted cells). Prints, per
style, values placed / values expected, and the warnings the import gave.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from perfdesk.importing import read_any
from perfdesk.importing.model import ImportResult
from perfdesk.importing.text import read_text
from perfdesk.model import Project
from tests.published_forms import (
    cell_per_line,
    department_workbook,
    libreoffice_pdf,
    placed,
    projects,
)


def _share(result: ImportResult) -> tuple[int, int]:
    wanted = projects()
    hits = 0
    by_name = {form.project.name: form.project for form in result.forms}
    for want in wanted:
        project = by_name.get(want.name)
        if project is None:
            continue
        got, _ = placed(project, want)
        hits += got
    total = sum(placed(Project.new("sh2026", 2026), want)[1] for want in wanted)
    return hits, total


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        xlsx = department_workbook(Path(folder) / "部门.xlsx", projects())
        pdf = libreoffice_pdf(xlsx, Path(folder))
        with pdfplumber.open(pdf) as document:
            plain = "\n".join(page.extract_text() or "" for page in document.pages)
        styles = {
            "our PDF table reader": read_any(pdf),
            "pdfplumber extract_text": read_text(plain),
            "one cell per line": read_text(cell_per_line(xlsx)),
            "one cell per line, quoted": read_text(cell_per_line(xlsx, quoted=True)),
        }
        for style, result in styles.items():
            hits, total = _share(result)
            warnings = len(result.all_warnings())
            print(f"{style:28} {hits:3}/{total} = {hits / total:6.1%}  warnings: {warnings}")


if __name__ == "__main__":
    main()
