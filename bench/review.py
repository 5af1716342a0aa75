"""How fast 目标审核 is: ``perfdesk review --all`` over 10,000 projects, and a keystroke in a
narrative to the 审核 dock showing the new grade.

    uv run python bench/review.py [--projects 10000] [--runs 3]

Targets: ``review --all`` (a whole process: start, read, review, print) ≤ 5 s; a keystroke to
the dock updated ≤ 50 ms. Prints the median of the runs and the review alone per project; the
year's summary written as the 单位内部审核表 (``review --all --year Y -o F.pdf``, a whole
process); and the list's 审核 column: how long until every project is graded in the worker,
and the longest the window's thread waited meanwhile.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from window import build_database  # noqa: E402


def review_all(db: Path, runs: int) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(REPO / "main.py"), "--db", str(db), "review", "--all", "--json"],
            capture_output=True,
            check=True,
        )
        times.append(time.perf_counter() - start)
    print(
        f"review --all --json: median {statistics.median(times):.2f} s over {runs} runs "
        f"({len(done.stdout) // 1024} KiB of JSON)"
    )


def year_summary(db: Path, runs: int) -> None:
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "审核表.pdf"
        year_to = ["--year", "2020", "-o", str(sheet)]
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(REPO / "main.py"),
                    "--db",
                    str(db),
                    "review",
                    "--all",
                    *year_to,
                ],
                capture_output=True,
                check=True,
            )
            times.append(time.perf_counter() - start)
        pages = sheet.read_bytes().count(b"/Type /Page\n")
    print(
        f"review --year 2020 -o 审核表.pdf: median {statistics.median(times):.2f} s "
        f"over {runs} runs ({pages} pages)"
    )


def review_only(db: Path) -> None:
    from perfdesk.review import review
    from perfdesk.store import Store

    with Store.open_for_reading(db) as store:
        projects = store.get_all()[:2000]
    start = time.perf_counter()
    for project in projects:
        review(project)
    each = (time.perf_counter() - start) / len(projects)
    print(f"review alone: {each * 1000:.2f} ms per project")


def keystroke(db: Path, runs: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from perfdesk.store import Store
    from ui import jobs
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.review_panel import ReviewPanel

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    create_application()
    store = Store(db)
    window = MainWindow(store)
    window.show()
    window.open_project(2)
    grade_column(window)  # first: what the keystrokes store must not be in its figures
    panel = window.findChild(ReviewPanel, "reviewPanel")
    assert isinstance(panel, ReviewPanel)
    editor = window.form.sections.editors["总目标及阶段性目标"]
    times = []
    for n in range(runs * 10):
        QApplication.processEvents()
        before = panel.grade.text(), panel.list.count()
        start = time.perf_counter()
        editor.insertPlainText("短片" if n % 2 else "科普")  # what one input-method commit types
        window.flush()  # the pause that stores the typing
        times.append(time.perf_counter() - start)
        assert (panel.grade.text(), panel.list.count()) != before or n
    print(
        f"keystroke → 审核 updated: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {len(times)} keystrokes (store + undo + review)"
    )
    window.close()
    jobs.wait_for_all()  # as the program does before it exits
    store.close()


def grade_column(window: object) -> None:
    """Every project graded in the worker; a 10 ms timer on the window's thread
    tells the longest it had to wait meanwhile."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.review_panel import GradeKeeper, ReviewPanel

    assert isinstance(window, MainWindow)
    panel = window.findChild(ReviewPanel, "reviewPanel")
    assert isinstance(panel, ReviewPanel)
    keeper = panel.property("grades")
    assert isinstance(keeper, GradeKeeper)
    total = window.store.count()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    start = time.perf_counter()
    keeper.start()
    while len(keeper.known) < total:
        QApplication.processEvents()
        time.sleep(0.002)
    took = time.perf_counter() - start
    timer.stop()
    gaps.sort()
    print(
        f"审核 column: {total} projects graded in {took:.1f} s beside the window; the window's "
        f"thread waited at most {gaps[-1]:.0f} ms, 99th percentile {gaps[len(gaps) * 99 // 100]:.0f} ms "
        "(a timer every 10 ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        build_database(db, args.projects)
        print(f"{args.projects} projects")
        review_all(db, args.runs)
        year_summary(db, args.runs)
        review_only(db)
        keystroke(db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
