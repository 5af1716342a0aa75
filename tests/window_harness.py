"""What the window tests share: the window factory's type, reading the open form, and
measuring what of it is in sight."""

import time
from collections.abc import Callable
from pathlib import Path

from held_apart import HOLD_AT_MOST_S
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLineEdit, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from perfdesk.model import Project
from ui import jobs
from ui.main_window import MainWindow

WindowFactory = Callable[[Path], MainWindow]


def field_line(window: MainWindow, label: str) -> QLineEdit:
    """The line a header field is typed into (a choice field's editable line too)."""
    editor = window.form.header_form.editors[label]
    if isinstance(editor, QComboBox):
        line = editor.lineEdit()
        assert line is not None
        return line
    assert isinstance(editor, QLineEdit)
    return editor


def stored(window: MainWindow) -> Project:
    """The open project as the database has it, once what is being typed is saved."""
    window.flush()
    assert window.project is not None and window.project.id is not None
    return window.store.get(window.project.id)


def visible_tree_rows(view: QTreeView) -> int:
    """How many rows of ``view`` are wholly in sight."""
    rows = 0
    height = view.viewport().height()
    index = view.indexAt(QPoint(1, 1))
    while index.isValid() and view.visualRect(index).bottom() < height:
        rows += 1
        index = view.indexBelow(index)
    return rows


def cut_off_widgets(window: QWidget) -> list[str]:
    """Visible widgets that stick out of their parent or out of the window (what scrolls inside
    a scroll area is left out: it is meant to be partly out of sight)."""
    found: list[str] = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _scrolls(widget):
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(widget.geometry()) or not frame.contains(where):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} at {where}")
    return found


def _scrolls(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def finish_jobs(qtbot: QtBot, window: MainWindow, timeout_ms: int = 30_000) -> None:
    """Let the window's jobs in workers run to their end (and their endings run), as the
    officer would wait for the progress bar."""
    runner = jobs.runner(window)
    qtbot.waitUntil(lambda: not runner.jobs, timeout=timeout_ms)


def held_until_cancelled(real: Callable[..., object], reached: list[str]) -> Callable[..., object]:
    """``real`` (a core job taking ``cancelled=``), going on only once the job is cancelled:
    the officer's click lands while the work is under way, whatever the machine's speed.
    ``reached`` hears "started" when the worker gets there."""

    def held(*args: object, cancelled: Callable[[], bool], **kwargs: object) -> object:
        reached.append("started")
        give_up = time.monotonic() + HOLD_AT_MOST_S  # a test that never cancels still ends
        while not cancelled() and time.monotonic() < give_up:
            time.sleep(0.005)
        return real(*args, cancelled=cancelled, **kwargs)

    return held
