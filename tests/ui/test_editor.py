"""The form editors on their own: one fitting editor per field of every layout."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from perfdesk.layouts import FieldKind, all_layouts
from perfdesk.model import Project
from ui.editor import BudgetForm, DateField, HeaderForm, PendingEdits, SectionTabs

Recorded = list[tuple[str, Project]]


def _forms(qtbot: QtBot) -> tuple[PendingEdits, Recorded, HeaderForm, BudgetForm, SectionTabs]:
    pending = PendingEdits()
    recorded: Recorded = []
    project = [Project.new()]

    def commit(description: str, change, _key):  # type: ignore[no-untyped-def]
        after = project[0].clone()
        change(after)
        project[0] = after
        recorded.append((description, after))

    header, budget, sections = (
        HeaderForm(pending, commit),
        BudgetForm(pending, commit),
        SectionTabs(pending, commit),
    )
    for widget in (header, budget, sections):
        qtbot.addWidget(widget)
    return pending, recorded, header, budget, sections


@pytest.mark.parametrize("key", sorted(all_layouts()))
def test_every_field_of_every_layout_gets_a_fitting_editor(qtbot: QtBot, key: str) -> None:
    _, _, header, budget, sections = _forms(qtbot)
    project = Project.new(key, 2025)
    header.load(project)
    budget.load(project)
    sections.load(project)
    layout = project.spec
    for spec in layout.fields:
        editor = header.editors[spec.label]
        if spec.kind is FieldKind.CHOICE:
            assert isinstance(editor, QComboBox) and editor.isEditable()
            assert [editor.itemText(i) for i in range(editor.count())] == list(spec.choices)
        elif spec.kind is FieldKind.YESNO:
            assert isinstance(editor, QComboBox) and not editor.isEditable()
        elif spec.kind is FieldKind.DATE:
            assert isinstance(editor, DateField)
        else:
            assert type(editor) is QLineEdit
    assert list(budget.editors) == list(layout.budget_labels)
    assert sections.tabs.count() == len(layout.sections)


def test_money_is_read_kindly_and_shown_with_separators(qtbot: QtBot) -> None:
    pending, recorded, _, budget, _ = _forms(qtbot)
    budget.load(Project.new())
    field = budget.editors["项目总预算"]
    field.setText("１２３４５６７.５")
    pending.flush()
    assert recorded[-1][1].budget["项目总预算"] == Decimal("1234567.5")
    field.editingFinished.emit()
    assert field.text() == "1,234,567.50"
    field.setText("")
    pending.flush()
    assert recorded[-1][1].budget["项目总预算"] is None  # blank is not 0


def test_a_date_can_be_picked_from_the_calendar(qtbot: QtBot) -> None:
    pending, recorded, header, _, _ = _forms(qtbot)
    header.load(Project.new())
    field = header.editors["计划开始日期"]
    assert isinstance(field, DateField)
    field.calendar.clicked.emit(QDate(2021, 3, 1))
    pending.flush()
    assert field.text() == "2021-03-01"
    assert recorded[-1][1].fields["计划开始日期"] == "2021-03-01"


def test_pending_typing_is_one_save_per_pause(qtbot: QtBot) -> None:
    pending, recorded, header, _, _ = _forms(qtbot)
    header.load(Project.new())
    name = header.editors["项目名称"]
    assert isinstance(name, QLineEdit)
    for text in ("科", "科普", "科普宣传"):
        name.setText(text)
    assert recorded == []  # waiting for the pause
    qtbot.waitUntil(lambda: bool(recorded), timeout=2000)
    assert [r[1].name for r in recorded] == ["科普宣传"]
    assert not pending.has_pending()
