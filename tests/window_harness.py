"""What the window tests share: the window factory's type, and reading the open form."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit

from perfdesk.model import Project
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
