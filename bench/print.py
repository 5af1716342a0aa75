"""How fast printing is, against LibreOffice converting the same form.

    uv run python bench/print.py [--runs 5] [--projects 100] [--sizes 1000,10000,50000]

Prints, side by side:
- ``perfdesk print`` of the seed's first project, as a whole process (start-up included);
- LibreOffice (``soffice --headless --convert-to pdf``) converting the same form made as an
  .xlsx with openpyxl (also a whole process; its first run, which sets up a profile, is
  reported apart), runs interleaved with ours. Target: PerfDesk at most a quarter of
  LibreOffice's time;
- the same print from databases of 1,000 / 10,000 / 50,000 projects (should stay flat; filling
  50,000 takes about a minute; ``--sizes ""`` skips it, ``bench/open.py`` says more);
- 100 projects into one PDF in one process (fonts already found). Target: ≤ 3 s.
Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
from open import filled, whole_process_print  # the sibling benchmark's databases

from perfdesk.model import Project
from perfdesk.printing import render_pdf, resolve_fonts
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from perfdesk.values import format_money

REPO = Path(__file__).resolve().parent.parent


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def form_as_xlsx(project: Project, path: Path) -> None:
    """The form as a spreadsheet laid out like the printed one: A4, fitted to the page width."""
    spec = project.spec
    book = Workbook()
    sheet = book.active
    sheet.title = "绩效目标表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    for column, width in zip("ABCD", (18, 24, 18, 24), strict=True):
        sheet.column_dimensions[column].width = width
    row = 1

    def put(values: list[str], merge: bool = False, bold: bool = False, height: float = 0) -> None:
        nonlocal row
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col, value=value)
            cell.alignment, cell.border = wrap, box
            cell.font = Font(name="SimSun", bold=bold)
        if merge:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        if height:
            sheet.row_dimensions[row].height = height
        row += 1

    title = sheet.cell(row=row, column=1, value=spec.title)
    title.font = Font(name="SimSun", bold=True, size=20)
    title.alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    row += 1
    put([spec.caption(project.year)], merge=True)
    labels = [label for label in spec.field_labels if label != spec.unit_field]
    put([f"{spec.unit_field}：", project.unit, "", ""])
    for i in range(0, len(labels), 2):
        pair = labels[i : i + 2]
        cells: list[str] = []
        for label in pair:
            cells += [f"{label}：", project.fields[label]]
        put(cells)
    for label in spec.sections:
        put([f"{label}："], merge=True, bold=True)
        text = project.sections[label]
        put([text], merge=True, height=max(15, 15 * (len(text) // 45 + 1)))
    put([spec.budget_heading], merge=True, bold=True)
    amounts = [
        (f"{m.printed}：", format_money(project.budget[m.label], spec.money_decimals))
        for m in spec.budget
    ]
    for i in range(0, len(amounts), 2):
        put([text for pair in amounts[i : i + 2] for text in pair])
    put([spec.targets_caption(project.year)], merge=True, bold=True)
    put(list(spec.indicator_columns), bold=True)
    for indicator in project.rows():
        put([indicator.level1, indicator.level2, indicator.name, indicator.target])
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)


def many_projects(count: int) -> list[Project]:
    projects = []
    for n in range(count):
        project = sample_projects()[n % 2]
        project.set_field("项目名称", f"{project.name}（第{n + 1}期）")
        projects.append(project)
    return projects


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--sizes", default="1000,10000,50000", help="database sizes, or empty")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = tmp / "bench.db"
        with Store(db) as store:
            project_id = store.add(sample_projects()[0])
        pdf = tmp / "perfdesk.pdf"
        command = [sys.executable, str(REPO / "main.py"), "--db", str(db)]
        # As on the officer's PC, Python keeps its compiled modules; the first run writes them.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

        def ours() -> object:
            return subprocess.run(
                [*command, "print", str(project_id), "-o", str(pdf)],
                check=True,
                capture_output=True,
                env=env,
            )

        ours()  # compiles modules, fills the font cache
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print(
                "LibreOffice: soffice not found, comparison skipped "
                "(apt-get install libreoffice-calc-nogui)"
            )
            ours_times = timed(ours, args.runs)
        else:
            xlsx = tmp / "form.xlsx"
            form_as_xlsx(sample_projects()[0], xlsx)
            profile = f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}"
            convert = [soffice, profile, "--headless", "--convert-to", "pdf"]
            convert += ["--outdir", str(tmp / "lo"), str(xlsx)]

            def theirs() -> object:
                return subprocess.run(convert, check=True, capture_output=True)

            first = timed(theirs, 1)[0]
            # Interleaved, so that whatever else the machine does weighs on both alike.
            ours_times, their_times = [], []
            for _ in range(args.runs):
                ours_times += timed(ours, 1)
                their_times += timed(theirs, 1)
            median = statistics.median(their_times)
            print(
                f"LibreOffice xlsx → pdf, same form (whole process): {median:.2f} s "
                f"(first run, creating its profile: {first:.2f} s)"
            )
            ratios = sorted(a / b for a, b in zip(ours_times, their_times, strict=True))
            print(
                f"  PerfDesk / LibreOffice = {statistics.median(ours_times) / median:.2f} "
                f"(pairs: {ratios[0]:.2f}–{ratios[-1]:.2f}; target ≤ 0.25)"
            )
        print(
            "perfdesk print, one seed project (whole process): "
            f"{statistics.median(ours_times):.2f} s"
        )
        for count in [int(size) for size in args.sizes.split(",") if size]:
            seconds = whole_process_print(filled(tmp, count), pdf, args.runs)
            print(f"  from a database of {count:,} projects: {seconds:.2f} s")

        fonts = resolve_fonts()
        projects = many_projects(args.projects)
        pages: list[int] = []

        def batch() -> None:
            data = render_pdf(projects, fonts)
            pages.append(data.count(b"/Type /Page\n"))

        times = timed(batch, args.runs)
        print(
            f"{args.projects} projects into one PDF (one process): {statistics.median(times):.2f} s "
            f"(target ≤ 3 s; fonts: {fonts.source})"
        )


if __name__ == "__main__":
    main()
