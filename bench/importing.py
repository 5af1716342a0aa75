"""How fast forms are imported and exported.

    uv run python bench/importing.py [--forms 50]

Prints: the seed text (two forms) read into projects (median of 20); a PDF of ``--forms``
forms read back (printed by PerfDesk when perfdesk.printing is present, otherwise the seed
text set line by line, as a budget system's export reads); and the Excel and Word exports of
the same forms, with the Excel and Word files read back.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from perfdesk.exporting.docx import document_bytes
from perfdesk.exporting.xlsx import workbook_bytes
from perfdesk.importing import read_any
from perfdesk.importing.text import read_text
from perfdesk.model import Project
from perfdesk.paths import RESOURCES
from perfdesk.sample import sample_projects

SEED = RESOURCES.parent / "tests" / "data" / "seed_sh2020.txt"  # the reference form
FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def timed(action: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def forms_pdf(projects: list[Project], seed_text: str, path: Path) -> str:
    try:
        from perfdesk.printing import render_pdf
    except ImportError:
        return _text_pdf(seed_text * (len(projects) // 2), path)
    path.write_bytes(render_pdf(projects))
    return "printed by PerfDesk"


def _text_pdf(text: str, path: Path) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    pdf = canvas.Canvas(str(path))
    lines = text.split("\n")
    for start in range(0, len(lines), 48):
        pdf.setFont("WQY", 10)
        for n, line in enumerate(lines[start : start + 48]):
            pdf.drawString(50, 800 - 15 * n, line)
        pdf.showPage()
    pdf.save()
    return "the seed text set line by line"


def reading(pdf: Path, forms: int, runs: int = 3) -> None:
    """The PDF's text read with PDFium and with pdfminer alone (the importer before PDFium),
    interleaved; pdftotext (poppler, C) on the same file as a peer."""
    import shutil
    import subprocess

    from perfdesk.importing.pdf import pdf_text

    fast: list[float] = []
    slow: list[float] = []
    peer: list[float] = []
    for _ in range(runs):
        for times, action in (
            (fast, lambda: pdf_text(pdf)),
            (slow, lambda: pdf_text(pdf, pdfium=False)),
        ):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        if shutil.which("pdftotext"):
            start = time.perf_counter()
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
            peer.append(time.perf_counter() - start)
    new, old = statistics.median(fast), statistics.median(slow)
    print(
        f"PDF text, {forms} forms: PDFium {new / forms * 1000:.0f} ms a form, pdfminer alone "
        f"{old / forms * 1000:.0f} ms a form: ratio {new / old:.2f}"
        + (f"; pdftotext {statistics.median(peer) / forms * 1000:.1f} ms a form" if peer else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=50)
    args = parser.parse_args()
    seed_text = SEED.read_text(encoding="utf-8")
    projects = sample_projects() * (args.forms // 2)

    seconds = timed(lambda: read_text(seed_text), 20)
    print(f"seed text, 2 forms: {seconds * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "forms.pdf"
        made = forms_pdf(projects, seed_text, pdf)
        result = None

        def read_pdf() -> None:
            nonlocal result
            result = read_any(pdf)

        seconds = timed(read_pdf, 3)
        assert result is not None
        count = len(result.forms)
        print(
            f"PDF, {count} forms ({made}): {seconds:.2f} s, {seconds / count * 1000:.0f} ms a form"
        )
        reading(pdf, count)

        xlsx = Path(folder) / "forms.xlsx"
        seconds = timed(lambda: xlsx.write_bytes(workbook_bytes(projects)), 3)
        print(f"Excel export, {len(projects)} forms: {seconds:.2f} s")
        seconds = timed(lambda: read_any(xlsx), 3)
        print(f"Excel import, {len(projects)} forms: {seconds:.2f} s")
        seconds = timed(lambda: document_bytes(projects), 3)
        print(f"Word export, {len(projects)} forms: {seconds:.2f} s")
        docx = Path(folder) / "forms.docx"
        docx.write_bytes(document_bytes(projects))
        seconds = timed(lambda: read_any(docx), 3)
        print(f"Word import, {len(projects)} forms: {seconds:.2f} s")


if __name__ == "__main__":
    main()
