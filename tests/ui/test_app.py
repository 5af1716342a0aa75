"""The application: Chinese by default (Qt's own texts too), English when chosen."""

from __future__ import annotations

from pathlib import Path

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
            assert window.act_new.text() == "New Project"
            assert window.project_list.search.placeholderText().startswith("Search")
            assert window.findChild(type(window.act_undo), "language_en").isChecked()
            window.close()
    finally:
        install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "新建项目") == "新建项目"


def test_choosing_a_language_is_remembered(
    qtbot: QtBot, db_path: Path, monkeypatch: object
) -> None:
    from ui import dialogs

    told: list[str] = []
    monkeypatch.setattr(dialogs, "information", lambda _p, _t, text: told.append(text))  # type: ignore[attr-defined]
    with Store(db_path) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.findChild(type(window.act_undo), "language_en").trigger()
        window.close()
    assert settings.Settings().get(settings.LANGUAGE) == "en"
    assert told and "下次启动" in told[0]
