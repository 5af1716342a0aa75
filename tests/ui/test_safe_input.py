"""Nothing changes or goes lost without the officer seeing it: the wheel, rejected values,
the saving state in the title, switching projects, deleting groups and projects."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from qt_input import press, type_keys, type_text
from window_harness import WindowFactory, field_line, stored

from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs
from ui.main_window import MainWindow


def _sample_window(open_window: WindowFactory, db_path: Path) -> MainWindow:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    window = open_window(db_path)
    window.resize(1280, 660)  # the header and budget pane scrolls at this size
    return window


def _wheel(widget: QWidget, notches: int) -> None:
    """One turn of the mouse wheel over ``widget`` (negative: towards the officer)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QCoreApplication.sendEvent(widget, event)


class _Answers:
    """Stands in for dialogs.confirm: records each question and gives a set answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent: object, title: str, text: str, *, action: str = "") -> bool:
        self.asked.append(text)
        return self.answer


def test_the_wheel_over_an_unfocused_field_scrolls_the_form_instead(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    before = stored(window)
    window.project_list.view.setFocus()
    form = window.form
    kind = form.header_form.editors["项目类别"]
    yes_no = form.header_form.editors["是否含有政府购买服务"]
    start = form.header_form.editors["计划开始日期"]
    assert isinstance(kind, QComboBox) and isinstance(yes_no, QComboBox)
    bar = form.header_area.verticalScrollBar()
    assert bar.maximum() > 0  # the pane scrolls at 1280×660
    for widget in (form.year_box, kind, yes_no, start):
        assert not widget.hasFocus()
        _wheel(widget, -1)
    assert bar.value() > 0  # the form scrolled
    assert form.year_box.value() == before.year
    assert yes_no.currentData() == before.fields["是否含有政府购买服务"]
    assert kind.currentText() == before.fields["项目类别"]
    window.flush()
    assert stored(window) == before

    # Once the officer is in the field, the wheel is the field's.
    form.year_box.setFocus()
    qtbot.waitUntil(form.year_box.hasFocus)
    _wheel(form.year_box, 1)
    assert stored(window).year == before.year + 1


def test_a_rejected_amount_or_date_is_put_back_with_a_message(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = _sample_window(open_window, db_path)
    before = stored(window)
    total = window.form.budget_form.editors["项目总预算"]
    type_text(total, "80万")
    window.flush()
    assert "正在保存" not in window.windowTitle()  # nothing is waiting: the text is not valid
    total.editingFinished.emit()
    assert total.text() == "1,000,000"  # the stored amount, back on screen
    message = window.statusBar().currentMessage()
    assert "80万" in message and "未保存" in message and "1,000,000" in message
    assert total.property("rejected")

    start = field_line(window, "计划开始日期")
    start.selectAll()
    type_keys(start, "2020-02-30")
    window.flush()
    start.editingFinished.emit()
    assert start.text() == "2020-01-01"
    assert "未保存" in window.statusBar().currentMessage()
    assert stored(window) == before


def test_the_title_says_saving_only_while_something_waits(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = _sample_window(open_window, db_path)
    total = window.form.budget_form.editors["项目总预算"]
    total.selectAll()
    type_keys(total, "12")
    assert "正在保存…" in window.windowTitle()
    type_keys(total, "x")  # no longer an amount: what waited is dropped
    assert not window.pending.has_pending()
    assert "正在保存…" not in window.windowTitle()
    assert "已自动保存" in window.windowTitle()


def test_switching_projects_keeps_or_says_what_was_on_screen(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    first = stored(window)
    assert first.id is not None

    # typing not yet saved goes with the switch into the project it was typed in
    name = field_line(window, "项目名称")
    type_text(name, "（二期）")
    window.act_next.trigger()
    assert window.current_project_id() != first.id
    assert window.store.get(first.id).name == first.name + "（二期）"

    # a value that is not one: put back and said, not silently lost
    second = stored(window)
    total = window.form.budget_form.editors["项目总预算"]
    total.setFocus()
    type_text(total, "八十万")
    window.act_previous.trigger()
    assert window.current_project_id() == first.id
    assert "八十万" in window.statusBar().currentMessage()
    assert second.id is not None and window.store.get(second.id) == second

    # a cell being typed in the tree is stored before the other project shows
    view = window.form.indicators.view
    view.setFocus()
    cell = window.form.indicator_model.index_at([0, 0, 0]).siblingAtColumn(1)
    view.setCurrentIndex(cell)
    view.edit(cell)
    editor = view.indexWidget(cell)
    assert isinstance(editor, QLineEdit)
    editor.setText("≥95%")
    window.act_next.trigger()
    assert window.store.get(first.id).indicator_rows()[0].target == "≥95%"


def test_deleting_a_group_asks_first_naming_how_many_indicators_go(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _sample_window(open_window, db_path)
    before = stored(window)
    model = window.form.indicator_model
    view = window.form.indicators.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    view.setCurrentIndex(model.index_at([0, 0]))  # 投入管理: three indicators
    refuse = _Answers(False)
    monkeypatch.setattr(dialogs, "confirm", refuse)
    press(view, Qt.Key.Key_Delete)
    assert refuse.asked == [
        "删除二级目标“投入管理”及其下的 3 个三级目标？\n\n删除后可以用“撤销”（Ctrl+Z）恢复。"
    ]
    assert stored(window) == before

    accept = _Answers(True)
    monkeypatch.setattr(dialogs, "confirm", accept)
    view.setCurrentIndex(model.index_at([0]))  # 投入与管理: the whole block
    press(view, Qt.Key.Key_Delete)
    count = sum(len(g.indicators) for g in before.indicators[0].groups)
    assert f"删除一级目标“投入与管理”及其下的 {count} 个三级目标？" in accept.asked[0]
    assert [g.name for g in stored(window).indicators] == [g.name for g in before.indicators[1:]]
    assert window.act_undo.text() == "撤销“删除“投入与管理””"
    window.act_undo.trigger()
    assert stored(window) == before

    # a single indicator goes without a question
    accept.asked.clear()
    view.setCurrentIndex(model.index_at([0, 0, 0]))
    press(view, Qt.Key.Key_Delete)
    assert accept.asked == []
    assert len(stored(window).indicator_rows()) == len(before.indicator_rows()) - 1


def test_deleting_a_project_names_its_year_and_form(
    open_window: WindowFactory, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _sample_window(open_window, db_path)
    project = stored(window)
    answers = _Answers(False)
    monkeypatch.setattr(dialogs, "confirm", answers)
    window.project_actions.delete.trigger()
    assert answers.asked == [
        f"删除项目“{project.name}”（2020年度，上海 2020 版（财政项目支出绩效目标表））？"
        "\n\n删除后可以用“撤销”（Ctrl+Z）恢复。"
    ]
    assert window.store.count() == 2


def test_a_stored_edit_leaves_the_field_being_typed_in_alone(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _sample_window(open_window, db_path)
    end = field_line(window, "计划完成日期")
    end.setFocus()
    qtbot.waitUntil(end.hasFocus)
    end.selectAll()
    type_keys(end, "2020/6/30")
    window.flush()  # stored as a date …
    assert stored(window).fields["计划完成日期"] == "2020-06-30"
    assert end.text() == "2020/6/30"  # … while the field keeps what is being typed
    end.editingFinished.emit()
    assert end.text() == "2020-06-30"
