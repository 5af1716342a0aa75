"""Render the main window with the reference form's first project open, to docs/window.png.

    uv run python scripts/screenshot.py [--english] [OUTPUT.png]

--english shows the window as it is with 视图 → 语言 → English chosen. Runs offscreen (no display needed); the settings and database are temporary.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from perfdesk.sample import sample_projects  # noqa: E402
from perfdesk.store import Store  # noqa: E402


def main() -> int:
    args = sys.argv[1:]
    english = "--english" in args
    names = [a for a in args if a != "--english"]
    output = Path(names[0]) if names else REPO / "docs" / "window.png"
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
        window = MainWindow(store)
        window.resize(1440, 900)
        window.show()
        window.open_project(ids[0])
        tree = window.form.indicators.view
        tree.setCurrentIndex(window.form.indicator_model.index_at([0, 0, 1]))
        tree.scrollToTop()
        QApplication.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(output))
        window.close()
        store.close()
        app.processEvents()
    print(output if ok else "could not write the image", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
