"""Working as in the tools officers know: the tree typed like a spreadsheet, the project list's
form column and selection, tooltips, the words of each layout, the 检查 summary, F1."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeView
from pytestqt.qtbot import QtBot
from qt_input import press, type_keys, type_text
from window_harness import WindowFactory, stored

from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui.check_panel import CheckPanel
from ui.indicator_model import NAME, TARGET
from ui.main_window import MainWindow
from ui.project_list import LAYOUT
from ui.shortcuts import ShortcutsDialog, show_shortcuts


def _sample_window(open_window: WindowFactory, db_path: Path) -> MainWindow:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return open_window(db_path)


def _editor(view: QTreeView) -> QLineEdit | None:
    editor = view.indexWidget(view.currentIndex())
    return editor if isinstance(editor, QLineEdit) else None


def _cell(view: QTreeView) -> tuple[list[int], int]:
    index = view.currentIndex()
    model = view.model()
    path: list[int] = []
    walker = index.siblingAtColumn(NAME)
    while walker.isValid():
        path.insert(0, walker.row())
        walker = model.parent(walker)
    return path, index.column()


def test_tab_enter_and_typing_move_through_the_tree_like_a_spreadsheet(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    model = window.form.indicator_model
    view = window.form.indicators.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(model.index_at([0, 0, 0]))  # 预算编制合理性 | 合理

    # typing starts editing the current cell, replacing its text
    type_keys(view, "R")
    editor = _editor(view)
    assert editor is not None and editor.text() == "R"
    type_text(editor, "预算编制")
    # Tab: stored, and on to the 指标值 of the same row, already being edited
    press(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _cell(view) == ([0, 0, 0], TARGET))
    editor = _editor(view)
    assert editor is not None and editor.text() == "合理"
    editor.selectAll()
    type_text(editor, "较合理")
    # Tab again: the next row's name
    press(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _cell(view) == ([0, 0, 1], NAME))
    editor = _editor(view)
    assert editor is not None and editor.text() == "预算执行率"
    # Shift+Tab: back to the 指标值 just typed, which the next cell's text did not overwrite
    press(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _cell(view) == ([0, 0, 0], TARGET))
    editor = _editor(view)
    assert editor is not None and editor.text() == "较合理"
    # Enter: stored, and down to the same column of the next row (not editing)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(view) == ([0, 0, 1], TARGET))
    assert _editor(view) is None
    # Enter without editing goes down too
    press(view, Qt.Key.Key_Return)
    assert _cell(view) == ([0, 0, 2], TARGET)

    first = stored(window).indicator_rows()[0]
    assert (first.name, first.target) == ("R预算编制", "较合理")
    assert stored(window).indicator_rows()[1].name == "预算执行率"


def test_tab_from_the_last_value_of_a_group_goes_to_the_next_group(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    model = window.form.indicator_model
    view = window.form.indicators.view
    last = model.index_at([0, 0, model.rowCount(model.index_at([0, 0])) - 1])
    view.setCurrentIndex(last.siblingAtColumn(TARGET))
    next_cell = view.moveCursor(QTreeView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier)
    assert next_cell == model.index_at([0, 1])  # the next 二级's name
    view.setCurrentIndex(model.index_at([0]))
    assert view.moveCursor(
        QTreeView.CursorAction.MovePrevious, Qt.KeyboardModifier.NoModifier
    ) == model.index_at([0])  # the first cell: stays


def test_the_project_list_shows_the_form_and_narrows_to_what_is_chosen(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    window.findChild(QAction, "newProject_sh2026").trigger()  # a project on the current form
    listing = window.project_list
    model = listing.model
    labels = {model.index(row, LAYOUT).data() for row in range(model.rowCount())}
    assert labels == {"2020 版", "现行版"}
    assert model.headerData(LAYOUT, Qt.Orientation.Horizontal) == "表样"
    tip = model.index(model.row_of(1), 0).data(Qt.ItemDataRole.ToolTipRole)
    project = window.store.get(1)
    assert project.name in tip and "2020年度" in tip and project.spec.name in tip

    # several rows chosen: the window reports them in list order; the open one is current
    assert window.selected_project_ids() == [window.current_project_id()]
    view = listing.view
    first, second = model.index(0, 0), model.index(1, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center()
    )
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        view.visualRect(second).center(),
    )
    chosen = [model.summary(0).id, model.summary(1).id]
    assert window.selected_project_ids() == chosen
    assert window.current_project_id() == chosen[1]
    assert "已选 2 个" in listing.count_label.text()
    assert window.listed_project_ids() == [model.summary(r).id for r in range(3)]

    listing.search.setText("科普资源")
    assert window.listed_project_ids() == [2]


def test_tooltips_say_what_is_expected(open_window: WindowFactory, db_path: Path) -> None:
    window = _sample_window(open_window, db_path)
    header = window.form.header_form.editors
    kind = header["项目类别"].toolTip()
    assert "按预算申报时确定的类别选择" in kind
    assert "市委市政府已确定的新增项目、结转项目、其他一次性项目" in kind
    assert "2020/1/1" in header["计划开始日期"].toolTip()
    amount = window.form.budget_form.editors["项目总预算"].toolTip()
    assert "元" in amount and "空白不等于 0" in amount
    indicators = window.form.indicators
    assert indicators.add_level1.toolTip() == "添加一级目标（Ctrl+1）"
    assert indicators.delete.toolTip() == "删除所选（Del）"
    for action in window.project_actions.new, window.project_actions.delete:
        assert action.shortcut().toString() in action.toolTip()


def test_the_current_form_says_indicator_and_its_own_standard_block(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = _sample_window(open_window, db_path)
    indicators = window.form.indicators
    assert indicators.add_level3.text() == "添加三级目标"
    assert indicators.standard_block.text() == "插入标准指标：投入与管理（10 项）"
    window.findChild(QAction, "newProject_sh2026").trigger()
    assert [a.text() for a in (indicators.add_level1, indicators.add_level2)] == [
        "添加一级指标",
        "添加二级指标",
    ]
    assert indicators.standard_block.text() == "插入标准指标：满意度指标（1 项）"
    assert window.form.indicator_model.headerData(0, Qt.Orientation.Horizontal) == (
        "指标（一级 / 二级 / 三级）"
    )
    indicators.add_level1.trigger()
    view = indicators.view
    view.closePersistentEditor(view.currentIndex())
    assert window.act_undo.text() == "撤销“添加一级指标”"
    indicators.standard_block.trigger()
    assert window.act_undo.text() == "撤销“插入标准指标：满意度指标（1 项）”"
    assert [r.name for r in stored(window).indicator_rows()] == ["服务对象满意度"]


def test_importing_the_sample_is_one_undo_step(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    window.project_actions.sample.trigger()
    assert window.store.count() == 2 and window.project is not None
    assert window.act_undo.text() == "撤销“导入示例数据”"
    window.act_undo.trigger()
    assert window.store.count() == 0
    assert window.project is None and window.editor_stack.currentIndex() == 0
    window.act_redo.trigger()
    assert window.store.count() == 2


def test_the_check_dock_is_one_line_until_opened(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    panel = window.findChild(CheckPanel)
    assert panel is not None
    assert not panel.expanded and panel.list.isHidden()
    assert panel.summary.text() and panel.summary.isVisible()
    window.findChild(type(window.act_undo), "checkAction").trigger()  # F7
    assert panel.expanded and panel.list.isVisible()
    qtbot.mouseDClick(panel.header, Qt.MouseButton.LeftButton)
    assert not panel.expanded
    panel.toggle.click()
    window.close()
    reopened = open_window(db_path)
    again = reopened.findChild(CheckPanel)
    assert again is not None and again.expanded  # remembered


def test_f1_lists_every_shortcut_in_two_columns(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    dialog = show_shortcuts(window)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["新建项目"] == "Ctrl+N"
    assert rows["重做"] == "Ctrl+Y / Ctrl+Shift+Z"
    assert rows["添加一级目标"] == "Ctrl+1"
    assert rows["检查表格"] == "F7"
    dialog.close()


def test_a_finding_takes_the_officer_to_the_field(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    from perfdesk.location import Location

    window = _sample_window(open_window, db_path)
    window.resize(1280, 660)
    qtbot.wait(10)
    assert window.focus(Location("field", "绩效类型"))
    widget = window.form.header_form.editors["绩效类型"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert widget.hasFocus() or widget.isAncestorOf(QApplication.focusWidget())
    # scrolled into view inside the header pane
    area = window.form.header_area
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    assert 0 <= top < area.viewport().height()
