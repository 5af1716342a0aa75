"""Starting the window: the application, its language and font, the database and its lock."""

from __future__ import annotations

import logging
import sys
import traceback
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import remove_leftovers
from perfdesk.paths import RESOURCES, default_database
from ui import dialogs, jobs, settings
from ui.backup_actions import open_or_offer_restore, open_while_checking
from ui.fonts import apply_ui_font
from ui.single_instance import DatabaseLock, ask_to_raise, serve

TRANSLATIONS = RESOURCES / "translations"
log = logging.getLogger("perfdesk")
_installed: list[QTranslator] = []  # replaced, not stacked, when the language is set again


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with PerfDesk's names, settings format, font and language."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("PerfDesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    apply_ui_font(app)
    install_translators(app, settings.Settings().get(settings.LANGUAGE))
    return app


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own dialogs and PerfDesk's texts in ``language`` ("zh_CN" or "en").

    PerfDesk is written in Chinese, so Chinese needs only Qt's catalogue; English needs ours.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        catalogues = [(TRANSLATIONS, "perfdesk_en")]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        catalogues = [(qt_folder, "qtbase_zh_CN")]
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return list(_installed)


def _report_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Our bug, not the officer's: say so plainly, keep the details in a log file. What the
    environment did (the database in use, a full disk) is only told, as it is no bug."""
    if isinstance(value, PerfDeskError):
        dialogs.warning(None, "PerfDesk", dialogs.explain(value))
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    log_file = dialogs.record(details)
    if sys.__stderr__ is not None:
        sys.__stderr__.write(details)
    where = (
        QCoreApplication.translate("app", "\n\n详细信息已记录在：%1").replace("%1", str(log_file))
        if log_file
        else ""
    )
    dialogs.error(
        None,
        "PerfDesk",
        QCoreApplication.translate(
            "app", "PerfDesk 出现了程序错误，刚才的操作可能没有完成。\n已保存的数据不受影响。"
        )
        + where,
    )


def run(db_path: Path | None, checked: Future[list[str]] | None = None) -> int:
    """Open the window on ``db_path`` (or the default database) and run until it closes.

    ``checked`` is the start-up quick check of the file if the caller began it already
    (:func:`perfdesk.store.check_in_background`). If a window is already open on the same
    file (by whatever name), that window comes to the front and this start ends.
    """
    app = create_application(sys.argv)
    path = (Path(db_path) if db_path else default_database()).resolve()
    lock = DatabaseLock(path)
    if not lock.acquire():
        if ask_to_raise(path):
            return 0
        dialogs.warning(
            None,
            "PerfDesk",
            QCoreApplication.translate(
                "app", "数据库 %1 已在另一个 PerfDesk 窗口中打开。\n\n请切换到那个窗口继续工作。"
            ).replace("%1", str(path)),
        )
        return 1
    try:
        remove_leftovers(path)  # what a killed backup or restore left (the commands do it too)
        from ui.main_window import MainWindow

        sys.excepthook = _report_bug
        # A damaged database is not opened for writing; the newest good backup is offered.
        if checked is not None:
            opened = open_while_checking(path, checked, MainWindow)
        else:
            store = open_or_offer_restore(path)
            opened = None if store is None else (store, MainWindow(store))
        if opened is None:
            return 2
        store, window = opened
        try:
            window.show()
            server = serve(window, path)
            try:
                return app.exec()
            finally:
                server.close()
                # The backup begun as the window closed is finished, never cut off.
                jobs.wait_for_all()
        finally:
            store.close()
    finally:
        lock.release()
