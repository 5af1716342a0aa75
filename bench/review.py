"""How fast 目标审核 is: ``perfdesk review --all`` over 10,000 projects, and a keystroke in a
narrative to the 审核 dock showing the new grade.

    uv run python bench/review.py [--projects 10000] [--runs 3]

Targets: ``review --all`` (a whole process: start, read, review, print) ≤ 5 s; a keystroke to
the dock updated ≤ 50 ms. Prints the median of the runs and the review alone per project.
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
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.review_panel import ReviewPanel

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    create_application()
    store = Store(db)
    window = MainWindow(store)
    window.show()
    window.open_project(2)
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
    store.close()


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
        review_only(db)
        keystroke(db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
