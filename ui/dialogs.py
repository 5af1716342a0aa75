"""Every message box and file dialog of the window, in one module.

Tests patch these functions instead of clicking through modal dialogs.

Messages are in the officer's language only: :func:`explain` turns an exception into what to
tell (PerfDesk's own Chinese message without the English text of the error underneath it),
and keeps the technical details in the error log.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import refuse_database_output
from perfdesk.paths import data_dir
from ui import settings

log = logging.getLogger("perfdesk")

ERROR_LOG_NAME = "perfdesk-error.log"

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


# -- file dialogs: they start in 文档 or the folder used last, never the program's folder -----


def start_folder() -> Path:
    """Where a file dialog opens: the folder used last if it is still there, else 文档."""
    last = settings.Settings().get(settings.LAST_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(path: Path) -> None:
    """The folder of a file the officer chose: the next file dialog starts there."""
    settings.Settings().set(settings.LAST_FOLDER, str(path.parent))


def _in_start_folder(suggested: str) -> str:
    """A suggested name (or nothing) placed in the start folder; a full path is kept."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    return str(start_folder() / suggested) if suggested else str(start_folder())


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder or _in_start_folder(""), filters)
    if not name:
        return None
    if not folder:
        remember_folder(Path(name))
    return Path(name)


def open_files(parent: QWidget | None, title: str, filters: str, folder: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, folder or _in_start_folder(""), filters)
    if names and not folder:
        remember_folder(Path(names[0]))
    return [Path(name) for name in names]


def save_file(parent: QWidget | None, title: str, filters: str, suggested: str = "") -> Path | None:
    """Ask where to save; ``suggested`` is a file name (placed in the start folder) or a path."""
    name, _ = QFileDialog.getSaveFileName(parent, title, _in_start_folder(suggested), filters)
    if not name:
        return None
    remember_folder(Path(name))
    return Path(name)


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


def show_in_folder(path: Path) -> bool:
    """Open the folder holding ``path``, with the file selected where the system can."""
    if sys.platform == "win32":
        return QProcess.startDetached("explorer.exe", ["/select,", str(path)])[0]
    return open_folder(path.parent)


def open_document(path: Path) -> bool:
    """Open a file (e.g. a PDF) in the program the system uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# -- what to say when something went wrong ---------------------------------------------------


def error_log() -> Path:
    """The file the technical details of errors are kept in (tests point it elsewhere)."""
    return data_dir() / ERROR_LOG_NAME


def record(details: str) -> Path | None:
    """Append ``details`` to the error log; where it is, or ``None`` if it cannot be written."""
    path = error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(details.rstrip() + "\n\n")
    except OSError:
        return None
    return path


_CJK = re.compile(r"[\u3400-\u9fff]")
_BRACKETED = re.compile(r"[（(]([^（）()]*)[）)]")
_ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def _technical_texts(exc: BaseException) -> list[str]:
    """The texts of the errors underneath ``exc`` (Python's and SQLite's, in English)."""
    texts: list[str] = []
    seen: set[int] = set()
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if not isinstance(cause, PerfDeskError):
            if isinstance(cause, OSError) and cause.strerror:
                texts.append(str(cause.strerror))
            texts.append(str(cause))
        cause = cause.__cause__ or cause.__context__
    return sorted((t for t in texts if t.strip()), key=len, reverse=True)


def chinese_only(message: str, technical: list[str]) -> str:
    """``message`` without the English texts of the errors underneath it, and without any
    bracketed English phrase (a path in brackets stays)."""
    for text in technical:
        for wrapped in (f"（{text}）", f"({text})", f"：{text}", f": {text}", text):
            message = message.replace(wrapped, "")

    def drop_english(match: re.Match[str]) -> str:
        inside = match.group(1)
        if _CJK.search(inside) or "/" in inside or "\\" in inside:
            return match.group(0)
        return "" if _ENGLISH_PHRASE.search(inside) else match.group(0)

    message = _BRACKETED.sub(drop_english, message)
    return message.strip().rstrip("：:，, ").strip()


def explain(exc: BaseException) -> str:
    """What to tell the officer about a failed job, in their language only.

    PerfDesk's own errors say what happened and what to do; the English text of an error
    underneath is left out of the message and kept in the error log. Anything else is our
    bug or the environment's: a plain sentence, with the details in the log.
    """
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("%s", details)
    logged = record(details)
    where = (
        QCoreApplication.translate("dialogs", "\n\n详细信息已记录在：%1").replace("%1", str(logged))
        if logged
        else ""
    )
    if isinstance(exc, PerfDeskError):
        technical = _technical_texts(exc)
        message = chinese_only(str(exc), technical)
        return message + (where if technical or message != str(exc) else "")
    if isinstance(exc, OSError):
        from perfdesk.fileio import describe_os_error

        reason = chinese_only(describe_os_error(exc), [str(exc.strerror or "")])
        return (
            QCoreApplication.translate("dialogs", "无法读写文件")
            + ("：" + reason if reason else "")
        ) + where
    if isinstance(exc, sqlite3.Error):
        return QCoreApplication.translate("dialogs", "数据库操作没有完成，数据未作改动。") + where
    return QCoreApplication.translate("dialogs", "PerfDesk 出现了程序错误，操作没有完成。") + where
