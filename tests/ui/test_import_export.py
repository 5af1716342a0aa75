"""导入… with its preview, and 导出Excel… / 导出Word…, through the real window and files."""

from __future__ import annotations

from pathlib import Path

import pytest
from held_apart import export_held
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from testdata import SEED_TEXT, sample_json
from window_harness import WindowFactory, finish_jobs

from perfdesk.exchange import project_to_json
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.sample import sample_projects
from ui import dialogs, import_export, jobs
from ui.import_dialog import ImportPreview
from ui.import_export import ExportScope
from ui.main_window import MainWindow


def choosing(monkeypatch: pytest.MonkeyPatch, key: int) -> list[dict[str, tuple[str, bool]]]:
    """Answer the export's question with ``key`` (open, selected, listed); what each
    question offered, by button: its text and whether it could be chosen."""
    offered: list[dict[str, tuple[str, bool]]] = []

    def choose(dialog: ExportScope) -> bool:
        buttons = dialog.group.buttons()
        offered.append({b.objectName(): (b.text(), b.isEnabled()) for b in buttons})
        dialog.group.button(key).click()
        return True

    monkeypatch.setattr(import_export, "run_scope", choose)
    return offered


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
    assert first == ["2020", "上海科技报社", name, "7/7", "6/6", "1,000,000", "15", "1", ""]
    second = [tree.topLevelItem(1).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
    assert second[3:] == ["7/7", "5/6", "700,000", "15", "", ""]  # 总目标及阶段性目标 is empty
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
    finish_jobs(qtbot, window)

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


def test_forms_already_stored_are_skipped_unless_replaced_in_the_preview(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(db_path)
    monkeypatch.setattr(import_export, "run_preview", lambda preview: True)
    import_export.import_files(window, [SEED_TEXT])
    finish_jobs(qtbot, window)
    edited = tmp_path / "edited.txt"
    text = SEED_TEXT.read_text(encoding="utf-8")
    edited.write_text(text.replace("报社例会制度、三审制度", "报社例会制度、四审制度"), "utf-8")
    shown: list[list[str]] = []

    def replace_the_first(preview: ImportPreview) -> bool:
        boxes = preview.duplicate_choices
        shown.append([boxes[row].currentText() for row in sorted(boxes)])
        boxes[0].setCurrentIndex(boxes[0].findText("编号 1：替换"))
        return True

    monkeypatch.setattr(import_export, "run_preview", replace_the_first)
    import_export.import_files(window, [edited])
    finish_jobs(qtbot, window)
    assert shown == [["编号 1：跳过", "编号 2：跳过"]]  # skipping is the default
    assert window.store.count() == 2
    assert "四审制度" in window.store.get(1).sections["保证项目实施的制度、措施"]
    assert window.store.get(2).sections == sample_projects()[1].sections
    window.undo()  # the replacement, one step
    assert stored(window) == sample_json()

    monkeypatch.setattr(import_export, "run_preview", lambda preview: True)
    import_export.import_files(window, [SEED_TEXT])  # all skipped: nothing new
    finish_jobs(qtbot, window)
    assert window.store.count() == 2
    assert stored(window) == sample_json()


def test_cancelling_the_preview_stores_nothing(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)
    previewed: list[bool] = []
    monkeypatch.setattr(
        import_export, "run_preview", lambda preview: previewed.append(True) and False
    )
    assert import_export.import_files(window, [SEED_TEXT]) is not None
    finish_jobs(qtbot, window)
    assert previewed == [True]
    assert window.store.count() == 0
    assert not window.history.can_undo()


def test_only_the_ticked_projects_are_imported(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_path)

    def untick_first(preview: ImportPreview) -> bool:
        preview.set_chosen(0, False)
        return True

    monkeypatch.setattr(import_export, "run_preview", untick_first)
    import_export.import_files(window, [SEED_TEXT])
    finish_jobs(qtbot, window)
    assert [p.name for p in window.store.get_all()] == ["科普资源平台建设"]


def test_a_bad_file_is_reported_and_nothing_is_imported(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
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

    import_export.import_files(window, [SEED_TEXT, broken])
    finish_jobs(qtbot, window)
    assert "不是有效的 PDF" in errors[0]
    import_export.import_files(window, [notes])
    finish_jobs(qtbot, window)
    assert errors[1].startswith("没有识别出任何项目。")
    assert "会议纪要" in errors[1]
    assert window.store.count() == 0


def test_export_excel_and_word_of_the_listed_projects(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(db_path)
    window.project_actions.import_sample()
    offered = choosing(monkeypatch, ExportScope.LISTED)
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "forms")  # no suffix typed
    action(window, "exportExcelAction").trigger()
    finish_jobs(qtbot, window)
    assert [project_to_json(p) for p in read_any(tmp_path / "forms.xlsx").projects] == sample_json()
    assert offered[0]["scopeListed"] == ("列表中的全部项目（2 个）", True)
    action(window, "exportWordAction").trigger()
    finish_jobs(qtbot, window)
    assert (tmp_path / "forms.docx").stat().st_size > 10_000

    window.project_list.search.setText("科普资源")  # the list's filter decides what goes out
    window.project_list.reload()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "one.xlsx")
    action(window, "exportExcelAction").trigger()
    finish_jobs(qtbot, window)
    assert [p.name for p in read_any(tmp_path / "one.xlsx").projects] == ["科普资源平台建设"]
    assert offered[-1]["scopeListed"] == ("列表中的全部项目（1 个）", True)


def test_export_asks_which_projects_with_their_counts(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(db_path)
    window.project_actions.import_sample()
    window.project_actions.import_sample()  # four projects, two of each name
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "out")
    view = window.project_list.view
    opened = window.current_project()
    assert opened is not None and window.project_list.model.rowCount() == 4

    offered = choosing(monkeypatch, ExportScope.OPEN)
    action(window, "exportExcelAction").trigger()
    finish_jobs(qtbot, window)
    assert offered[0] == {
        "scopeOpen": ("当前打开的项目（1 个）", True),
        "scopeSelected": ("列表中选中的项目（1 个）", False),  # one row: that is the open one
        "scopeListed": ("列表中的全部项目（4 个）", True),
    }
    written = tmp_path / "out.xlsx"
    assert [p.name for p in read_any(written).projects] == [opened.name]
    written.unlink()

    # Three rows picked with Ctrl: those go out, in the list's order.
    view.clearSelection()
    for row in (0, 1, 3):
        index = window.project_list.model.index(row, 0)
        view.selectionModel().select(
            index,
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )
    picked = [window.project_list.model.summary(row).name for row in (0, 1, 3)]
    offered = choosing(monkeypatch, ExportScope.SELECTED)
    action(window, "exportExcelAction").trigger()
    finish_jobs(qtbot, window)
    assert offered[0]["scopeSelected"] == ("列表中选中的项目（3 个）", True)
    written = tmp_path / "out.xlsx"
    assert [p.name for p in read_any(written).projects] == picked
    written.unlink()


def test_the_save_dialog_starts_in_documents_then_where_the_officer_saved(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    window = open_window(db_path)
    window.project_actions.import_sample()
    choosing(monkeypatch, ExportScope.LISTED)
    starts: list[str] = []
    elsewhere = tmp_path / "报表"
    elsewhere.mkdir()

    def save_dialog(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        starts.append(start)
        return str(elsewhere / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    action(window, "exportExcelAction").trigger()
    finish_jobs(qtbot, window)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(starts[0]).parent == Path(documents)
    assert Path(starts[0]).name == "绩效目标表（2个项目）.xlsx"
    assert not Path(starts[0]).is_relative_to(Path.cwd())  # never the program's folder
    action(window, "exportWordAction").trigger()
    finish_jobs(qtbot, window)
    assert Path(starts[1]).parent == elsewhere  # the folder used last
    written = sorted(p.name for p in elsewhere.iterdir())
    assert written == ["绩效目标表（2个项目）.docx", "绩效目标表（2个项目）.xlsx"]


def test_a_cancelled_export_writes_nothing_and_the_window_goes_on(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt

    window = open_window(db_path)
    window.project_actions.import_sample()
    choosing(monkeypatch, ExportScope.LISTED)
    target = tmp_path / "forms.docx"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: target)
    monkeypatch.setattr(import_export, "export_stored", export_held)  # run in its process
    action(window, "exportWordAction").trigger()
    bar = jobs.runner(window).bar
    qtbot.waitUntil(lambda: bar.bar.maximum() == 1, timeout=20_000)  # news from the child
    assert bar.isVisible() and bar.cancel_button.isVisible()
    # The window goes on meanwhile: an edit is stored while the export waits.
    project = window.current_project()
    assert project is not None
    window.commit("改名", lambda p: p.set_field("项目名称", "导出时改的名字"))
    assert window.store.get(project.id or 0).name == "导出时改的名字"
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    finish_jobs(qtbot, window)
    assert not target.exists() and list(tmp_path.glob("*.tmp")) == []
    assert bar.label.text() == "已取消导出Word"


def test_export_that_cannot_write_says_why(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(db_path)
    window.project_actions.import_sample()
    choosing(monkeypatch, ExportScope.LISTED)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda *args: tmp_path / "no" / "such.xlsx")
    assert import_export.export_excel(window) is not None
    finish_jobs(qtbot, window)
    assert errors and "无法在" in errors[0]
    assert "Errno" not in errors[0] and "No such file" not in errors[0]  # kept in the log


def test_the_file_menu_offers_the_three_actions(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    texts = [a.text() for a in window.menus["file"].actions()]
    position = {text: n for n, text in enumerate(texts)}
    assert position["导入…"] < position["导出Excel…"] < position["导出Word…"]


def test_an_exported_workbook_imports_back_through_the_window(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "forms.xlsx"
    export_xlsx(sample_projects(), path)
    window = open_window(db_path)
    monkeypatch.setattr(import_export, "run_preview", lambda preview: True)
    import_export.import_files(window, [path])
    finish_jobs(qtbot, window)
    assert stored(window) == sample_json()
