"""导入… with its preview, and 导出Excel… / 导出Word…, through the real window and files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from testdata import SEED_TEXT, sample_json
from window_harness import WindowFactory

from perfdesk.exchange import project_to_json
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.sample import sample_projects
from ui import dialogs, import_export
from ui.import_dialog import ImportPreview
from ui.main_window import MainWindow


def stored(window: MainWindow) -> list[dict[str, object]]:
    return [project_to_json(p) for p in window.store.get_all()]


def action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


@pytest.fixture
def damaged_seed(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.txt"
    text = SEED_TEXT.read_text(encoding="utf-8")
    path.write_text(text.replace("健全后续管理制度 健全", "健全后续管理制度"), encoding="utf-8")
    return path


def test_the_preview_shows_each_project_and_the_warnings(qtbot: QtBot, damaged_seed: Path) -> None:
    preview = ImportPreview(read_any(damaged_seed))
    qtbot.addWidget(preview)
    preview.show()
    tree = preview.projects
    assert tree.topLevelItemCount() == 2
    first = [tree.topLevelItem(0).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
    name = "“上海科协”官方微信、微博策划与运维及视频拍摄制作"
    assert first == ["2020", "上海科技报社", name, "7/7", "6/6", "1,000,000", "15", "1"]
    second = [tree.topLevelItem(1).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
    assert second[3:] == ["7/7", "5/6", "700,000", "15", ""]  # 总目标及阶段性目标 is empty
    warnings = [preview.warnings.item(n).text() for n in range(preview.warnings.count())]  # type: ignore[union-attr]
    assert warnings == ["damaged.txt 第 1 张表：三级目标没有指标值：“健全后续管理制度”"]
    assert preview.import_button.text() == "导入 2 个项目"

    preview.set_chosen(0, False)
    assert [p.name for p in preview.chosen()] == ["科普资源平台建设"]
    assert preview.import_button.text() == "导入 1 个项目"
    preview.set_chosen(1, False)
    assert not preview.import_button.isEnabled()


def test_import_is_previewed_then_one_undo_step(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    seen: list[int] = []

    def confirm(preview: ImportPreview) -> bool:
        seen.append(preview.projects.topLevelItemCount())
        qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
        return preview.result is not None and preview.isHidden()

    monkeypatch.setattr(import_export, "run_preview", confirm)
    monkeypatch.setattr(dialogs, "open_files", lambda *args: [SEED_TEXT])
    action(window, "importAction").trigger()

    assert seen == [2]
    assert stored(window) == sample_json()
    assert window.project_list.model.rowCount() == 2
    assert window.current_project() is not None
    assert window.history.undo_description() == "导入 2 个项目"

    window.undo()
    assert window.store.count() == 0
    assert window.project_list.model.rowCount() == 0
    window.redo()
    assert stored(window) == sample_json()


def test_cancelling_the_preview_stores_nothing(
    open_window: WindowFactory, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    monkeypatch.setattr(import_export, "run_preview", lambda preview: False)
    assert import_export.import_files(window, [SEED_TEXT]) == []
    assert window.store.count() == 0
    assert not window.history.can_undo()


def test_only_the_ticked_projects_are_imported(
    open_window: WindowFactory, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)

    def untick_first(preview: ImportPreview) -> bool:
        preview.set_chosen(0, False)
        return True

    monkeypatch.setattr(import_export, "run_preview", untick_first)
    ids = import_export.import_files(window, [SEED_TEXT])
    assert len(ids) == 1
    assert [p.name for p in window.store.get_all()] == ["科普资源平台建设"]


def test_a_bad_file_is_reported_and_nothing_is_imported(
    open_window: WindowFactory, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要\n", encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(dialogs, "warning", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(import_export, "run_preview", lambda preview: pytest.fail("no preview"))

    assert import_export.import_files(window, [SEED_TEXT, broken]) == []
    assert "不是有效的 PDF" in errors[0]
    assert import_export.import_files(window, [notes]) == []
    assert errors[1].startswith("没有识别出任何项目。")
    assert "会议纪要" in errors[1]
    assert window.store.count() == 0


def test_export_excel_and_word_of_the_listed_projects(
    open_window: WindowFactory, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    window.project_actions.import_sample()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "forms")  # no suffix typed
    action(window, "exportExcelAction").trigger()
    assert [project_to_json(p) for p in read_any(tmp_path / "forms.xlsx").projects] == sample_json()
    action(window, "exportWordAction").trigger()
    assert (tmp_path / "forms.docx").stat().st_size > 10_000

    window.project_list.search.setText("科普资源")  # the list's filter decides what goes out
    window.project_list.reload()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "one.xlsx")
    action(window, "exportExcelAction").trigger()
    assert [p.name for p in read_any(tmp_path / "one.xlsx").projects] == ["科普资源平台建设"]


def test_export_that_cannot_write_says_why(
    open_window: WindowFactory, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    window.project_actions.import_sample()
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "no" / "such.xlsx")
    assert import_export.export_excel(window) is None
    assert errors and "无法在" in errors[0]


def test_the_file_menu_offers_the_three_actions(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    texts = [a.text() for a in window.menus["file"].actions()]
    position = {text: n for n, text in enumerate(texts)}
    assert position["导入…"] < position["导出Excel…"] < position["导出Word…"]


def test_an_exported_workbook_imports_back_through_the_window(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "forms.xlsx"
    export_xlsx(sample_projects(), path)
    window = open_window(db_path)
    monkeypatch.setattr(import_export, "run_preview", lambda preview: True)
    assert len(import_export.import_files(window, [path])) == 2
    assert stored(window) == sample_json()
