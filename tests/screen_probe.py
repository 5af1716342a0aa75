"""Open the window as the program does, on whatever screen Qt was given, and report in JSON
what fits: ``python tests/screen_probe.py FOLDER`` (settings and database go into FOLDER).

Run in a child process by the screen tests, since the screen size (offscreen ``configfile``)
and QT_SCALE_FACTOR are read once, when Qt starts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from window_harness import cut_off_widgets, visible_tree_rows

from perfdesk.sample import sample_projects
from perfdesk.store import Store


def probe(folder: Path) -> dict[str, object]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from ui.app import create_application
    from ui.library_panel import open_library
    from ui.main_window import MainWindow
    from ui.shortcuts import show_shortcuts

    app = create_application(sys.argv[:1])
    with Store(folder / "perfdesk.db") as store:
        store.add_many(sample_projects())
        window = MainWindow(store)
        window.show()
        for _ in range(10):
            app.processEvents()
            time.sleep(0.01)
        area = window.screen().availableGeometry()
        frame = window.frameGeometry()
        dialogs: list[QDialog] = [d for d in (open_library(window), show_shortcuts(window)) if d]
        app.processEvents()
        report = {
            "screen": [area.width(), area.height()],
            "window": [frame.x(), frame.y(), frame.width(), frame.height()],
            "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
            "tree_rows": visible_tree_rows(window.form.indicators.view),
            "cut_off": cut_off_widgets(window),
            "dialogs": {
                d.objectName(): [
                    d.frameGeometry().x(),
                    d.frameGeometry().y(),
                    d.width(),
                    d.height(),
                ]
                for d in dialogs
            },
        }
        for dialog in dialogs:
            dialog.close()
        window.close()
        app.processEvents()
    return report


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
