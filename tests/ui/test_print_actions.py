"""Printing from the real window: the menu actions, the shortcut, a batch into one PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from testdata import ZENHEI, needs_zenhei
from window_harness import WindowFactory

from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs, print_actions, settings
from ui.font_choice import FontChoiceDialog
from ui.main_window import MainWindow
from ui.print_actions import BatchPrintDialog
from ui.print_preview import PrintPreview


@pytest.fixture
def window(db_path: Path, open_window: WindowFactory) -> MainWindow:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return open_window(db_path)


def open_previews(window: MainWindow) -> list[PrintPreview]:
    return [w for w in window.findChildren(PrintPreview) if w.isVisible()]


def opening(project: Project) -> str:
    """The start of a project's first narrative: full width, so it reads back unbroken."""
    return "".join(project.sections["项目概况"].split())[:30]


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "".join("".join((page.extract_text() or "").split()) for page in document.pages)


def test_the_file_menu_has_the_printing_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus["file"].actions()]
    for text in ("打印预览…", "打印…", "导出PDF…", "打开PDF", "批量打印…", "打印字体…"):
        assert text in texts
    preview = window.findChild(QAction, "printPreviewAction")
    assert preview.shortcut().toString() == "Ctrl+P"


def test_ctrl_p_previews_the_open_project(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(open_previews(window)))
    (dialog,) = open_previews(window)
    assert dialog.objectName() == "printPreview"
    assert window.project is not None
    assert opening(window.project) in pdf_text(dialog.pdf)
    dialog.close()


def test_a_batch_prints_the_ticked_projects_into_one_pdf(qtbot: QtBot, window: MainWindow) -> None:
    batch = BatchPrintDialog(window.store, window)
    qtbot.addWidget(batch)
    assert batch.list.count() == 2
    batch.check_all(False)
    assert batch.chosen_ids() == []
    batch.check_all(True)
    ids = batch.chosen_ids()

    dialog = print_actions.preview_projects(window, ids)

    assert dialog is not None
    text = pdf_text(dialog.pdf)
    for project in sample_projects():
        assert opening(project) in text
    assert text.count("财政项目支出绩效目标表") == 2
    dialog.close()


def test_export_from_the_menu_writes_the_open_project(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "form.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: target)
    window.findChild(QAction, "exportPdfAction").trigger()
    assert window.project is not None
    assert opening(window.project) in pdf_text(target.read_bytes())


def _in_font_dialog(act: Callable[[FontChoiceDialog], None]) -> None:
    """Do ``act`` in the 打印字体 dialog once it is open (it waits for an answer)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FontChoiceDialog)
        act(dialog)

    QTimer.singleShot(0, answer)


@needs_zenhei
def test_a_print_font_picked_by_name_or_file_is_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def pick_zenhei(dialog: FontChoiceDialog) -> None:
        names = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        row = next(r for r, name in enumerate(names) if name.startswith("文泉驿正黑"))
        dialog.list.setCurrentRow(row)
        dialog.take.click()

    _in_font_dialog(pick_zenhei)
    window.findChild(QAction, "printFontAction").trigger()
    assert window.settings.get(settings.PRINT_FONT) == str(ZENHEI)
    assert str(ZENHEI) in print_actions.print_fonts(window.settings).source
    assert "文泉驿正黑" in window.statusBar().currentMessage()

    # a file that is no font is refused, and the setting stays as it was
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: bogus)
    monkeypatch.setattr(dialogs, "error", lambda _p, _t, text: errors.append(text))
    _in_font_dialog(lambda dialog: dialog.other.click())
    window.findChild(QAction, "printFontAction").trigger()
    assert errors and str(bogus) in errors[0]
    assert window.settings.get(settings.PRINT_FONT) == str(ZENHEI)

    # and back to the system's fonts
    _in_font_dialog(lambda dialog: dialog.system.click())
    window.findChild(QAction, "printFontAction").trigger()
    assert window.settings.get(settings.PRINT_FONT) == ""
    QApplication.processEvents()
