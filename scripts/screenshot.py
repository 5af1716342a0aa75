"""Render the main window with the reference form's first project open, to a PNG in docs/.

    uv run python scripts/screenshot.py [--english] [--screen WxH] [--scale S] [OUTPUT.png]

Without --screen the window is drawn offscreen at 1440×900 (docs/window.png). With --screen it
opens on a virtual X screen of that size (Xvfb, started here) at QT_SCALE_FACTOR S, as it
opens on an office PC: sized to the screen by the window itself. The screenshots in the
README are made with

    uv run python scripts/screenshot.py --screen 1366x768 docs/window-1366x768.png
    uv run python scripts/screenshot.py --screen 1920x1080 --scale 1.5 docs/window-1920x1080-150.png

--english shows the window as it is with 视图 → 语言 → English chosen. ``--show summary``
draws 项目 → 年度审核汇总… instead, ``--show compare`` 与上年比较… (of the first project
against a copy made for the next year and changed a little). The settings and the database
are temporary. Also prints how many rows of the indicator tree are in view.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from perfdesk.model import Project
    from perfdesk.store import Store
    from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def start_xvfb(size: str) -> subprocess.Popen[bytes]:
    """A virtual screen of ``size`` (e.g. 1366x768) on a free display; DISPLAY points at it."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is needed for --screen (Debian: apt install xvfb)")
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=REPO / "docs" / "window.png")
    parser.add_argument("--english", action="store_true")
    parser.add_argument("--screen", help="a virtual screen WxH (Xvfb)")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    parser.add_argument("--show", choices=("window", "summary", "compare"), default="window")
    args = parser.parse_args()

    server = start_xvfb(args.screen) if args.screen else None
    if server is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    try:
        return render(args.output, english=args.english, fixed_size=server is None, show=args.show)
    finally:
        if server is not None:
            server.terminate()
            server.wait()


def settle(seconds: float = 0.4) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(int(seconds / 0.02)):
        QApplication.processEvents()
        time.sleep(0.02)


def render(output: Path, *, english: bool, fixed_size: bool, show: str = "window") -> int:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    from perfdesk.sample import sample_projects
    from perfdesk.store import Store

    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from ui import settings
        from ui.app import create_application
        from ui.main_window import MainWindow

        if english:
            prefs = settings.Settings()
            prefs.set(settings.LANGUAGE, "en")
            prefs.sync()

        app = create_application(sys.argv[:1])
        store = Store(Path(folder) / "perfdesk.db")
        ids = store.add_many(sample_projects())
        if show == "compare":
            ids = [next_year_changed(store, ids[0])]
        window = MainWindow(store)
        if fixed_size:
            window.resize(1440, 900)
        window.show()
        QCursor.setPos(window.mapToGlobal(QPoint(window.width() - 2, window.height() - 2)))
        window.open_project(ids[0])
        for _ in range(20):  # the window's first layout and its deferred sizing
            QApplication.processEvents()
            time.sleep(0.02)
        tree = window.form.indicators.view
        tree.setCurrentIndex(window.form.indicator_model.index_at([0, 0, 1]))
        tree.scrollToTop()
        QApplication.processEvents()
        previous = review_grades(window)
        output.parent.mkdir(parents=True, exist_ok=True)
        shown: QWidget = window
        if show == "summary":
            from ui.review_summary import open_summary

            summary = open_summary(window)
            assert summary is not None
            while summary.summary is None:
                settle(0.05)
            shown = summary
        elif show == "compare":
            from ui.year_compare import open_comparison

            compare = open_comparison(window, previous)
            assert compare is not None
            shown = compare
        settle()
        ok = shown.grab().save(str(output))
        rows = 0
        index = tree.indexAt(tree.viewport().rect().topLeft())
        while index.isValid() and tree.visualRect(index).bottom() <= tree.viewport().height():
            rows += 1
            index = tree.indexBelow(index)
        screen = window.screen().availableGeometry()
        print(
            f"{output}: window {window.width()}×{window.height()} on a screen of "
            f"{screen.width()}×{screen.height()} (logical), {rows} tree rows in view",
            file=sys.stderr,
        )
        window.close()
        from ui import jobs

        jobs.wait_for_all()  # the backup at closing, as the program waits for it
        store.close()
        app.processEvents()
    return 0 if ok else 1


def next_year_changed(store: Store, project_id: int) -> int:
    """A copy of the project for the next year with a few things changed, as an officer would."""
    from perfdesk.model import IndicatorRow

    copy = store.get(store.copy_to_next_year(project_id))
    copy.set_budget("项目当年预算", "380000")
    overview = copy.sections["项目概况"]
    copy.set_section("项目概况", overview.replace("1400条", "1600条") + "\n新增短视频栏目。")
    rows = copy.rows()
    rows[11] = IndicatorRow(rows[11].level1, rows[11].level2, rows[11].name, "600次")
    del rows[-1]
    copy.set_rows([*rows, IndicatorRow("产出目标", "数量", "短视频发布数", "≥24条")])
    store.save(copy)
    return copy.id or project_id


def review_grades(window: MainWindow) -> Project | None:
    """The list's 审核 column filled (it waits for the window to settle otherwise); returns
    last year's form of the open project."""
    from ui.review_panel import GradeKeeper, ReviewPanel, last_year_of

    panel = window.findChild(ReviewPanel, "reviewPanel")
    assert isinstance(panel, ReviewPanel)
    keeper = panel.property("grades")
    assert isinstance(keeper, GradeKeeper)
    keeper.start()
    while len(keeper.known) < window.store.count():
        settle(0.05)
    project = window.project
    return last_year_of(window.store, project) if project else None


if __name__ == "__main__":
    sys.exit(main())
