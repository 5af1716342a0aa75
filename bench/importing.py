"""How fast forms are imported and exported.

    uv run python bench/importing.py [--forms 50]

Prints: the seed text (two forms) read into projects (median of 20); a PDF of ``--forms``
forms read back (printed by PerfDesk when perfdesk.printing is present, otherwise the seed
text set line by line, as a budget system's export reads): its text read by the pdfium route,
by the pdfminer route it replaced (ratio of the two, runs taken in turn so that load on the
machine falls on both alike) and by poppler's pdftotext as a peer, then the whole import; and
the Excel and Word exports of the same forms, with the Excel and Word files read back.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from perfdesk.exporting.docx import document_bytes
from perfdesk.exporting.xlsx import workbook_bytes
from perfdesk.importing import read_any
from perfdesk.importing.pdf import pdf_text, pdf_text_pdfminer
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


def reading_speed(pdf: Path, forms: int, runs: int = 5) -> None:
    """The PDF's text read by both routes in turn (and by pdftotext), median ms a form."""
    assert pdf_text(pdf) == pdf_text_pdfminer(pdf), "the two routes read different text"
    new: list[float] = []
    old: list[float] = []
    peer: list[float] = []
    pdftotext = shutil.which("pdftotext")
    command = [pdftotext or "pdftotext", "-layout", str(pdf), "-"]
    for _ in range(runs):
        new.append(timed(lambda: pdf_text(pdf), 1))
        old.append(timed(lambda: pdf_text_pdfminer(pdf), 1))
        if pdftotext:
            peer.append(timed(lambda: subprocess.run(command, capture_output=True, check=True), 1))
    fast, slow = statistics.median(new), statistics.median(old)
    print(
        f"PDF text, {forms} forms: pdfium route {fast / forms * 1000:.1f} ms a form, "
        f"pdfminer route {slow / forms * 1000:.1f} ms a form, {slow / fast:.1f}× faster"
    )
    if peer:
        seconds = statistics.median(peer)
        print(
            f"  peer: pdftotext -layout {seconds / forms * 1000:.1f} ms a form "
            f"({seconds / fast:.2f} of the pdfium route's time)"
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
        reading_speed(pdf, count)
        print(
            f"PDF, {count} forms ({made}): {seconds:.2f} s, {seconds / count * 1000:.0f} ms a form"
        )

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
