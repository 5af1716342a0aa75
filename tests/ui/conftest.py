"""A real main window over a real database file, with settings kept in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_harness import WindowFactory

from perfdesk.store import Store
from ui import dialogs, import_export, jobs
from ui.app import create_application
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path, qapp: QApplication) -> Path:
    """Every test gets empty settings of its own; the user's are never touched."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    create_application()
    return folder


@pytest.fixture(autouse=True)
def error_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The error log of every test in its own folder; jobs a test started end with it."""
    path = tmp_path / "logs" / dialogs.ERROR_LOG_NAME
    monkeypatch.setattr(dialogs, "error_log", lambda: path)
    yield path
    jobs.wait_for_all()


@pytest.fixture(autouse=True)
def export_scope_as_proposed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export's question (which projects?) answered with what it proposes, as with Enter;
    a test that picks another answer replaces this."""
    monkeypatch.setattr(import_export, "run_scope", lambda dialog: True)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Open a window on a database file (as the program does), closed and released after."""
    opened: list[tuple[MainWindow, Store]] = []

    def factory(path: Path) -> MainWindow:
        store = Store(path)
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, store))
        return window

    yield factory
    for window, store in opened:
        # A job still running would make closing ask (modally): let it end first.
        qtbot.waitUntil(lambda w=window: jobs.runner(w).busy() is None, timeout=60_000)
        if window.isVisible():
            window.close()
        jobs.wait_for_all()  # the backup at closing, as the program waits for it before exiting
        store.close()
