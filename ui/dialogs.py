"""Every message box and file dialog of the window, in one module.

Tests patch these functions instead of clicking through modal dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import refuse_database_output

# The database the window works on: no save dialog may name it or a file beside it.
_database: Path | None = None


def set_database(path: Path | None) -> None:
    global _database
    _database = path


def information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, action: str = "") -> bool:
    """Ask before doing something; ``action`` labels the OK button (e.g. 删除)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(
        action or QCoreApplication.translate("dialogs", "确定"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, filters: str, folder: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return [Path(name) for name in names]


def save_file(parent: QWidget | None, title: str, filters: str, suggested: str = "") -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


def output_file(
    parent: QWidget | None, title: str, filters: str, suggested: str, suffix: str
) -> Path | None:
    """Ask where to write a file (``suffix`` added when the name typed lacks it); ``None`` if
    cancelled, or if the name is the open database or a file beside it (said, not written)."""
    path = save_file(parent, title, filters, suggested)
    if path is None:
        return None
    path = with_extension(path, suffix)
    if _database is not None:
        try:
            refuse_database_output(path, _database)
        except PerfDeskError as exc:
            error(parent, title, str(exc))
            return None
    return path


def with_extension(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix``: added when the name typed lacks it (``报表v1.5`` →
    ``报表v1.5.pdf``), never replacing what looks like another one."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_document(path: Path) -> bool:
    """Open a file (e.g. a PDF) in the program the system uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
