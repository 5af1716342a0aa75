"""The application: Chinese by default (Qt's own texts too), English when chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from perfdesk.store import Store
from ui import settings
from ui.app import TRANSLATIONS, create_application, install_translators
from ui.main_window import MainWindow


def test_chinese_by_default_with_qt_dialogs_in_chinese(qapp: QApplication) -> None:
    install_translators(qapp, settings.Settings().get(settings.LANGUAGE))
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("MainWindow", "新建项目") == "新建项目"


def test_english_is_selectable(qtbot: QtBot, qapp: QApplication, db_path: Path) -> None:
    assert (TRANSLATIONS / "perfdesk_en.qm").is_file()  # committed: no build step
    settings.Settings().set(settings.LANGUAGE, "en")
    try:
        create_application()
        with Store(db_path) as store:
            window = MainWindow(store)
            qtbot.addWidget(window)
            assert window.menus["file"].title() == "&File"
            assert window.project_actions.new.text() == "New Project"
            assert window.project_list.search.placeholderText().startswith("Search")
            assert window.findChild(type(window.act_undo), "language_en").isChecked()
            window.close()
    finally:
        install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "新建项目") == "新建项目"


def test_choosing_a_language_is_remembered(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import dialogs

    told: list[str] = []
    monkeypatch.setattr(dialogs, "information", lambda _p, _t, text: told.append(text))
    with Store(db_path) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.findChild(type(window.act_undo), "language_en").trigger()
        window.close()
    assert settings.Settings().get(settings.LANGUAGE) == "en"
    assert told and "下次启动" in told[0]


def test_run_opens_the_window_on_the_database_and_lets_go_after(
    db_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from ui import app as app_module
    from ui.single_instance import DatabaseLock

    seen: list[MainWindow] = []

    def exec_and_close(_self: object = None) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w for w in windows if w.isVisible())
        for window in seen:
            window.close()
        return 0

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", exec_and_close)
    assert app_module.run(db_path) == 0
    assert len(seen) == 1 and seen[0].store.path == db_path
    assert db_path.exists()
    lock = DatabaseLock(db_path)
    assert lock.acquire()  # released when the window closed
    lock.release()


def test_a_bug_is_reported_plainly_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app as app_module
    from ui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(app_module, "data_dir", lambda: tmp_path)
    monkeypatch.setattr(dialogs, "error", lambda _p, _t, text: shown.append(text))
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        app_module._report_bug(type(exc), exc, exc.__traceback__)
    log = (tmp_path / "perfdesk-error.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "Traceback" in log
    assert shown and "程序错误" in shown[0] and str(tmp_path) in shown[0]


def test_a_file_that_is_not_ours_is_refused_with_a_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app as app_module
    from ui import dialogs

    db_path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = db_path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _p, _t, text: shown.append(text))
    assert app_module.run(db_path) == 2
    assert shown and "不是 PerfDesk 数据库" in shown[0]
    assert db_path.read_bytes() == before  # untouched
