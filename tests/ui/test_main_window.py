"""The officer's day, driven through the real window over a real database file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_input import press, type_keys, type_text
from window_harness import WindowFactory, field_line, stored

from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs, settings
from ui.main_window import MainWindow


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give the keyboard to ``widget``, closing a completer's list left open by typing."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()  # as a click elsewhere would
    widget.window().activateWindow()
    qtbot.waitActive(widget.window())
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _edit_tree_cell(qtbot: QtBot, view: QTreeView, text: str) -> None:
    """Type into the open in-place editor of the current cell and press Enter."""
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit), "the cell's editor is open"
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)


def test_widgets_are_found_by_their_names(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    for name, kind in (
        ("projectList", QTreeView.__mro__[1]),  # a QAbstractItemView
        ("projectSearch", QLineEdit),
        ("sectionTabs", QTabWidget),
        ("indicatorTree", QTreeView),
    ):
        assert isinstance(window.findChild(kind, name), kind), name
    assert window.findChild(type(window.form.header_form), "headerForm") is window.form.header_form
    assert window.findChild(type(window.form.budget_form), "budgetForm") is window.form.budget_form


def test_a_whole_session_survives_closing_and_reopening(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = open_window(db_path)
    assert window.editor_stack.currentIndex() == 0  # nothing to edit yet
    assert window.project_list.sample_button.isVisible()

    # -- a new project, typed in Chinese ---------------------------------------------------
    window.project_actions.new.trigger()
    assert window.project is not None
    type_text(field_line(window, "项目名称"), "科普宣传")
    type_text(field_line(window, "项目名称"), "项目")  # a second phrase from the input method
    type_keys(field_line(window, "申报单位名称"), "上海科技报社")
    type_text(field_line(window, "项目类别"), "其他一次性项目")
    type_text(field_line(window, "计划开始日期"), "2021年1月1日")
    type_text(field_line(window, "计划完成日期"), "２０２１/12/31")
    yes_no = window.form.header_form.editors["是否含有政府购买服务"]
    assert isinstance(yes_no, QComboBox)
    yes_no.setCurrentIndex(yes_no.findData("否"))
    qtbot.waitUntil(lambda: not window.pending.has_pending(), timeout=2000)  # saved by itself
    assert "已自动保存" in window.windowTitle()

    saved = stored(window)
    assert saved.name == "科普宣传项目"
    assert saved.unit == "上海科技报社"
    assert saved.fields["项目类别"] == "其他一次性项目"
    assert saved.fields["计划开始日期"] == "2021-01-01"
    assert saved.fields["计划完成日期"] == "2021-12-31"
    assert saved.fields["是否含有政府购买服务"] == "否"
    assert window.project_list.model.summary(0).name == "科普宣传项目"

    # -- money: separators, full-width digits, blank; nonsense is refused ----------------------
    total = window.form.budget_form.editors["项目总预算"]
    type_text(total, "１，０００，０００")
    total.editingFinished.emit()
    assert total.text() == "1,000,000"
    current = window.form.budget_form.editors["项目当年预算"]
    type_text(current, "800000")
    current.editingFinished.emit()
    assert current.text() == "800,000"
    previous = window.form.budget_form.editors["同名项目上年预算额"]
    type_text(previous, "一百万")
    window.flush()
    assert not previous.styleSheet()  # no red while still typing
    previous.editingFinished.emit()
    assert previous.styleSheet()  # marked as wrong when left
    assert "不是有效的数字" in window.statusBar().currentMessage()
    saved = stored(window)
    assert saved.budget["项目总预算"] == Decimal(1_000_000)
    assert saved.budget["项目当年预算"] == Decimal(800_000)
    assert saved.budget["同名项目上年预算额"] is None  # the nonsense was not stored
    previous.clear()

    # -- a narrative section ----------------------------------------------------------------
    tabs = window.form.sections.tabs
    assert tabs.tabText(0).endswith("（空）")
    overview = window.form.sections.editors["项目概况"]
    type_text(overview, "对官方微信进行策划及内容运维。")
    assert tabs.tabText(0) == "项目概况"
    assert window.form.sections.count.text() == "15 字"
    assert stored(window).sections["项目概况"] == "对官方微信进行策划及内容运维。"

    # -- the indicator tree, built with the actions and typed in place ------------------------
    view = window.form.indicators.view
    view.setFocus()
    window.form.indicators.add_level1.trigger()
    _edit_tree_cell(qtbot, view, "产出目标")
    window.form.indicators.add_level2.trigger()
    _edit_tree_cell(qtbot, view, "数量")
    window.form.indicators.add_level3.trigger()
    _edit_tree_cell(qtbot, view, "推送条数")
    target = view.currentIndex().siblingAtColumn(1)
    view.setCurrentIndex(target)
    view.edit(target)
    _edit_tree_cell(qtbot, view, "≥1400条")
    window.form.indicators.add_level3.trigger()
    _edit_tree_cell(qtbot, view, "新开栏目")
    window.form.indicators.standard_block.trigger()

    rows = [(r.level1, r.level2, r.name, r.target) for r in stored(window).indicator_rows()]
    assert rows[0] == ("投入与管理", "投入管理", "预算编制合理性", "合理")
    assert rows[10:] == [
        ("产出目标", "数量", "推送条数", "≥1400条"),
        ("产出目标", "数量", "新开栏目", ""),
    ]

    # move 新开栏目 above 推送条数, with the keyboard
    _focus(qtbot, view)
    view.setCurrentIndex(window.form.indicator_model.index_at([1, 0, 1]))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    names = [r.name for r in stored(window).indicator_rows()][10:]
    assert names == ["新开栏目", "推送条数"]

    # -- undo and redo with the keyboard, structural edits included --------------------------
    assert window.act_undo.text() == "撤销“上移”"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in stored(window).indicator_rows()][10:] == ["推送条数", "新开栏目"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the block
    assert len(stored(window).indicator_rows()) == 2
    assert window.form.indicator_model.rowCount() == 1
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in stored(window).indicator_rows()][10:] == ["新开栏目", "推送条数"]
    assert window.form.indicator_model.rowCount() == 2

    # delete an indicator with the Delete key, undo it
    _focus(qtbot, view)
    view.setCurrentIndex(window.form.indicator_model.index_at([1, 0, 0]))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [r.name for r in stored(window).indicator_rows()][10:] == ["推送条数"]
    window.act_undo.trigger()
    assert [r.name for r in stored(window).indicator_rows()][10:] == ["新开栏目", "推送条数"]

    # -- a second project, then undo across the switch --------------------------------------
    project_id = window.project.id
    window.project_actions.duplicate.trigger()
    assert window.project.id != project_id
    type_text(field_line(window, "项目名称"), "二期")
    window.flush()
    window.history.seal()
    window.open_project(project_id)
    window.act_undo.trigger()  # undoes the typing in the copy, and shows the copy
    assert window.project.name == "科普宣传项目（副本）"
    window.act_undo.trigger()  # undoes the copy itself
    assert window.store.count() == 1
    assert window.project.id == project_id

    # -- delete the project (asks first), and undo the deletion ------------------------------
    asked: list[str] = []

    def answer_yes(parent: object, title: str, text: str, *, action: str = "") -> bool:
        asked.append(text)
        return True

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialogs, "confirm", answer_yes)
        window.project_actions.delete.trigger()
    assert asked and "科普宣传项目" in asked[0]
    assert window.store.count() == 0
    assert window.editor_stack.currentIndex() == 0
    assert window.act_undo.text() == "撤销“删除项目“科普宣传项目””"
    window.act_undo.trigger()
    assert window.store.count() == 1 and window.project.id == project_id
    before_close = stored(window)

    # -- close, reopen, and everything is as it was ---------------------------------------------
    window.close()
    saved_splitter = window.main_splitter.saveState()
    window.store.close()

    with Store(db_path) as store:
        assert store.get(project_id) == before_close
    reopened = open_window(db_path)
    assert reopened.project is not None
    assert reopened.project == before_close  # the last project is open again
    assert field_line(reopened, "项目名称").text() == "科普宣传项目"
    assert reopened.form.budget_form.editors["项目总预算"].text() == "1,000,000"
    assert (
        reopened.form.sections.editors["项目概况"].toPlainText() == "对官方微信进行策划及内容运维。"
    )
    assert reopened.form.indicator_model.tree() == before_close.indicators
    assert reopened.settings.get(settings.MAIN_SPLITTER) == saved_splitter


def test_ctrl_z_in_a_text_field_undoes_the_stored_step(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    window = open_window(db_path)
    name = field_line(window, "项目名称")
    original = name.text()
    type_text(name, "（修订）")
    _focus(qtbot, name)
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.act_redo.isEnabled()  # the window's undo ran, not only the field's own
    assert name.text() == original
    assert stored(window).name == original
    qtbot.keyClick(name, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).name == original + "（修订）"

    # The search box keeps its own undo: nothing typed there is stored.
    search = window.project_list.search
    type_text(search, "科普")
    _focus(qtbot, search)
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""
    assert stored(window).name == original + "（修订）"


def test_typing_in_one_field_is_one_undo_step(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    window.project_actions.new.trigger()
    overview = window.form.sections.editors["项目概况"]
    for phrase in ("第一句。", "第二句。", "第三句。"):
        type_text(overview, phrase)
        window.flush()  # each pause stores the text: three transactions
    assert stored(window).sections["项目概况"] == "第一句。第二句。第三句。"
    assert window.act_undo.text() == "撤销“修改项目概况”"
    window.act_undo.trigger()
    assert stored(window).sections["项目概况"] == ""
    assert overview.toPlainText() == ""
    assert window.act_undo.text() == "撤销“新建项目”"


def test_sample_data_when_empty_and_last_project_reopened(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = open_window(db_path)
    window.project_actions.sample.trigger()
    assert window.store.count() == 2
    assert not window.project_actions.sample.isEnabled()
    second = window.project_list.model.summary(1).id
    window.open_project(second)
    window.close()
    reopened = open_window(db_path)
    assert reopened.current_project_id() == second


def test_copy_to_next_year(open_window: WindowFactory, db_path: Path) -> None:
    with Store(db_path) as store:
        [first, _] = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(first)
    window.project_actions.next_year.trigger()
    copy = stored(window)
    assert copy.id != first and copy.year == 2021
    assert copy.fields["计划开始日期"] == "2021-01-01"
    assert window.form.form_title.text() == "财政项目支出绩效目标表（2021年度）"
    assert window.form.year_box.value() == 2021


def test_invalid_date_is_not_stored(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    window.project_actions.new.trigger()
    start = field_line(window, "计划开始日期")
    type_text(start, "2020-02-30")
    window.flush()
    start.editingFinished.emit()
    assert stored(window).fields["计划开始日期"] == ""
    assert "不存在" in window.statusBar().currentMessage()


def test_extension_points(open_window: WindowFactory, db_path: Path) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    window = open_window(db_path)
    installed = {a.objectName() for menu in window.menus.values() for a in menu.actions()}
    assert {"libraryAction", "convertAction"} <= installed  # from ui/extensions.py
    action = QAction("打印预览…", window)
    window.add_action("file", action, section="print")
    file_actions = window.menus["file"].actions()
    assert file_actions.index(action) < file_actions.index(window.act_quit)
    dock = window.add_dock(QLabel("检查结果"), "检查", object_name="checkPanel")
    assert window.findChild(QLabel, "checkPanel") is dock.widget()
    assert dock.toggleViewAction() in window.menus["view"].actions()


def test_section_editor_keeps_plain_text(open_window: WindowFactory, db_path: Path) -> None:
    window = open_window(db_path)
    window.project_actions.new.trigger()
    editor = window.form.sections.editors["立项依据"]
    assert isinstance(editor, QPlainTextEdit)
    type_text(editor, "第一行\n第二行")
    assert stored(window).sections["立项依据"] == "第一行\n第二行"


def test_window_layout_is_remembered(qtbot: QtBot, db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
        first = MainWindow(store)
        qtbot.addWidget(first)
        first.show()
        first.resize(1400, 880)
        qtbot.waitUntil(lambda: first.width() == 1400)
        first.main_splitter.setSizes([420, 980])
        first.form.lower_splitter.setSizes([300, 400])
        wanted = first.main_splitter.sizes()[0], first.form.lower_splitter.sizes()[0]
        first.close()
        second = MainWindow(store)
        qtbot.addWidget(second)
        second.show()
        second.resize(1400, 880)  # the offscreen screen (800 x 800) is smaller than the window
        qtbot.waitUntil(lambda: second.width() == 1400)
        assert (second.main_splitter.sizes()[0], second.form.lower_splitter.sizes()[0]) == wanted
        second.close()


def test_delete_key_on_the_list_asks_and_deletes(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    window = open_window(db_path)
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: next(answers))
    view = window.project_list.view
    _focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.store.count() == 2  # said no
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.store.count() == 1
    assert window.project_list.model.rowCount() == 1
    assert window.project is not None  # the next project is open


def test_input_method_composition_is_not_stored_until_committed(
    open_window: WindowFactory, db_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    window = open_window(db_path)
    window.project_actions.new.trigger()
    name = field_line(window, "项目名称")
    name.setFocus()
    QCoreApplication.sendEvent(name, QInputMethodEvent("kepu", []))  # pinyin being composed
    assert name.text() == ""
    assert not window.pending.has_pending()
    commit = QInputMethodEvent()
    commit.setCommitString("科普")
    QCoreApplication.sendEvent(name, commit)
    assert name.text() == "科普"
    assert stored(window).name == "科普"


def test_empty_sections_are_marked(open_window: WindowFactory, db_path: Path) -> None:
    with Store(db_path) as store:
        [_, second] = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(second)
    tabs = window.form.sections.tabs
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    assert texts[-1] == "总目标及阶段性目标（空）"  # empty in the reference form
    assert all(not t.endswith("（空）") for t in texts[:-1])
    type_text(window.form.sections.editors["总目标及阶段性目标"], "全年完成。")
    assert tabs.tabText(tabs.count() - 1) == "总目标及阶段性目标"


def test_closing_stores_a_cell_being_typed(open_window: WindowFactory, db_path: Path) -> None:
    with Store(db_path) as store:
        [first, _] = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(first)
    view = window.form.indicators.view
    view.setCurrentIndex(window.form.indicator_model.index_at([0, 0, 0]))
    view.edit(view.currentIndex())
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.clear()
    type_text(editor, "预算编制科学性")
    window.close()
    with Store(db_path) as store:
        assert store.get(first).indicator_rows()[0].name == "预算编制科学性"


def test_typing_chinese_onto_a_tree_cell_edits_it(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    with Store(db_path) as store:
        [first, _] = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(first)
    view = window.form.indicators.view
    _focus(qtbot, view)
    view.setCurrentIndex(window.form.indicator_model.index_at([0, 0, 0]))
    QCoreApplication.sendEvent(view, QInputMethodEvent("yusuan", []))  # composing starts
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.text() == ""  # the cell is being replaced
    commit = QInputMethodEvent()
    commit.setCommitString("预算编制科学性")
    QCoreApplication.sendEvent(editor, commit)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)  # Qt commits queued
    assert stored(window).indicator_rows()[0].name == "预算编制科学性"


def test_ctrl_s_stores_what_is_waiting_and_says_so(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = open_window(db_path)
    window.project_actions.new.trigger()
    name = field_line(window, "项目名称")
    type_text(name, "科普")
    _focus(qtbot, name)
    if not window.pending.has_pending():
        type_text(name, "宣传")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.pending.has_pending()
    assert "已保存" in window.statusBar().currentMessage()
    assert window.store.get(window.current_project_id() or 0).name.startswith("科普")


def test_undoing_a_step_over_many_projects_updates_the_list(
    open_window: WindowFactory, db_path: Path
) -> None:
    with Store(db_path) as store:
        [kept, _] = store.add_many(sample_projects())
    window = open_window(db_path)
    ids = window.history.create_many(sample_projects(), "导入 2 个项目")
    window.reload_projects(select=ids[1])
    assert window.project_list.model.rowCount() == 4
    window.act_undo.trigger()
    assert window.project_list.model.rowCount() == 2
    assert window.store.count() == 2
    assert window.current_project_id() is not None
    assert window.store.exists(window.current_project_id() or 0)
    type_text(window.project_list.search, "科普资源")  # the search forgot them too
    assert window.project_list.model.rowCount() == 1
    window.project_list.search.clear()
    window.act_redo.trigger()
    assert window.project_list.model.rowCount() == 4
    assert window.current_project_id() == ids[0]
    assert kept in {window.project_list.model.summary(r).id for r in range(4)}
