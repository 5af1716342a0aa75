"""Printing from the real window: the menu actions, the shortcut, a batch into one PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from held_apart import render_held
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from testdata import ZENHEI, needs_zenhei
from window_harness import WindowFactory, finish_jobs

from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs, import_export, jobs, print_actions, settings
from ui.font_choice import FontChoiceDialog
from ui.fonts import print_fonts
from ui.import_export import ExportScope
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

    job = print_actions.preview_projects(window, ids)
    assert job is not None and jobs.runner(window).bar.cancel_button.isVisible()
    finish_jobs(qtbot, window)

    (dialog,) = open_previews(window)
    text = pdf_text(dialog.pdf)
    for project in sample_projects():
        assert opening(project) in text
    assert text.count("财政项目支出绩效目标表") == 2
    dialog.close()


def test_a_batch_print_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from perfdesk.printing import rendering

    real = rendering.render_stored
    monkeypatch.setattr(rendering, "render_stored", render_held)  # run in its own process
    print_actions.preview_projects(window, [s.id for s in window.store.list_projects()])
    bar = jobs.runner(window).bar
    qtbot.waitUntil(lambda: bar.bar.maximum() == 1, timeout=20_000)  # news from the child
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    finish_jobs(qtbot, window)
    assert open_previews(window) == []
    assert bar.label.text() == "已取消批量排版"

    monkeypatch.setattr(rendering, "render_stored", real)  # and again, to the end
    print_actions.preview_projects(window, [s.id for s in window.store.list_projects()])
    finish_jobs(qtbot, window)
    assert len(open_previews(window)) == 1
    open_previews(window)[0].close()


def test_export_from_the_menu_writes_the_open_project_and_says_where(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "form.pdf"
    offered: list[str] = []

    def open_one(dialog: ExportScope) -> bool:
        offered.append(dialog.group.checkedButton().objectName())  # what it proposes
        return True

    monkeypatch.setattr(import_export, "run_scope", open_one)
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: target)
    shown: list[Path] = []
    monkeypatch.setattr(dialogs, "show_in_folder", lambda path: shown.append(path) or True)
    window.findChild(QAction, "exportPdfAction").trigger()
    finish_jobs(qtbot, window)
    assert offered == ["scopeOpen"]
    assert window.project is not None
    text = pdf_text(target.read_bytes())
    assert opening(window.project) in text and text.count("财政项目支出绩效目标表") == 1

    bar = jobs.runner(window).bar
    assert bar.isVisible() and str(target) in bar.label.text()
    assert bar.folder_button.isVisible() and bar.folder_button.text() == "打开所在文件夹"
    qtbot.mouseClick(bar.folder_button, Qt.MouseButton.LeftButton)
    assert shown == [target]


def test_export_pdf_of_all_listed_projects(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def all_listed(dialog: ExportScope) -> bool:
        dialog.group.button(ExportScope.LISTED).click()
        return True

    monkeypatch.setattr(import_export, "run_scope", all_listed)
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: tmp_path / "all")
    window.findChild(QAction, "exportPdfAction").trigger()
    finish_jobs(qtbot, window)
    text = pdf_text((tmp_path / "all.pdf").read_bytes())
    assert text.count("财政项目支出绩效目标表") == 2


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
    assert str(ZENHEI) in print_fonts(window.settings).source
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
