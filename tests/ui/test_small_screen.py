"""The window on the small screens of office PCs: 1280×660 logical pixels (1366×768 with a
taskbar and title bar, or 1920×1080 at 150 %), at 100, 125 and 150 % scaling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_harness import cut_off_widgets, visible_tree_rows

from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui.form import TREE_ROWS
from ui.main_window import MainWindow
from ui.screen import FRAME_MARGIN

REPO = Path(__file__).resolve().parents[2]
SMALL = (1280, 660)


def test_at_1280_by_660_the_tree_shows_ten_rows_and_nothing_is_cut_off(
    qtbot: QtBot, db_path: Path
) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(*SMALL)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(20)  # the status bar places its size grip once the loop runs
        assert (window.width(), window.height()) == SMALL
        minimum = window.minimumSizeHint()
        assert minimum.width() <= SMALL[0] and minimum.height() <= SMALL[1]
        assert visible_tree_rows(window.form.indicators.view) >= TREE_ROWS
        assert cut_off_widgets(window) == []
        # a longer form (the current layout) fits as well
        window.findChild(QAction, "newProject_sh2026").trigger()
        assert window.project is not None and window.project.layout == "sh2026"
        window.form.insert_standard_block()
        qtbot.wait(10)
        assert cut_off_widgets(window) == []
        window.close()


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_the_window_opens_sized_to_a_small_screen(tmp_path: Path, scale: float) -> None:
    """A screen whose available area leaves exactly 1280×660 for the window, in physical
    pixels at the given scaling: the window takes that, no more, and everything fits."""
    logical = (SMALL[0] + FRAME_MARGIN.width(), SMALL[1] + FRAME_MARGIN.height())
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "office",
                        "x": 0,
                        "y": 0,
                        "width": round(logical[0] * scale),
                        "height": round(logical[1] * scale),
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")]),
    }
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "screen_probe.py"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout)
    screen_width, screen_height = report["screen"]
    assert abs(screen_width - logical[0]) <= 1 and abs(screen_height - logical[1]) <= 1
    x, y, width, height = report["window"]
    assert x >= 0 and x + width <= screen_width and y >= 0 and y + height <= screen_height
    assert width >= SMALL[0] - 2 and height >= SMALL[1] - 2  # sized to the screen's room
    assert report["minimum"][0] <= SMALL[0] and report["minimum"][1] <= SMALL[1]
    assert report["tree_rows"] >= TREE_ROWS
    assert report["cut_off"] == []
    for name, (dx, dy, dialog_width, dialog_height) in report["dialogs"].items():
        assert dialog_width <= SMALL[0] and dialog_height <= SMALL[1], name
        assert dx >= 0 and dy >= 0 and dy + dialog_height <= screen_height, name
