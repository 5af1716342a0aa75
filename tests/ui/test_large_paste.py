"""A megabyte pasted into the form: stored whole where text belongs, refused where a number
belongs, and the window keeps working."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_harness import WindowFactory

from perfdesk.sample import sample_projects
from perfdesk.store import Store, check_database
from perfdesk.values import format_money
from ui.main_window import MainWindow

MEGABYTE = ("项目概况的一段文字，" * 100_000)[:1_000_000]


def _window_on_sample(open_window: WindowFactory, db_path: Path) -> MainWindow:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return open_window(db_path)


def test_a_megabyte_pasted_into_a_section_is_stored_whole(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = _window_on_sample(open_window, db_path)
    label = window.form.sections.labels[0]
    editor = window.form.sections.editors[label]
    editor.selectAll()
    QApplication.clipboard().setText(MEGABYTE)
    editor.paste()
    window.flush()
    assert window.project is not None and window.project.id is not None
    assert window.store.get(window.project.id).sections[label] == MEGABYTE
    assert window.form.sections.count.text() == f"{len(MEGABYTE)} 字"
    assert check_database(db_path) == []


def test_a_megabyte_pasted_into_an_amount_is_refused_and_nothing_changes(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = _window_on_sample(open_window, db_path)
    assert window.project is not None and window.project.id is not None
    before = window.store.get(window.project.id).budget
    label, field = next(iter(window.form.budget_form.editors.items()))
    field.selectAll()
    QApplication.clipboard().setText("9" * 1_000_000)
    field.paste()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the officer confirms the amount
    window.flush()
    # refused, said so, and the stored amount is back on screen
    assert "太长" in window.statusBar().currentMessage()
    assert "太长" in field.property("rejected")
    assert field.text() == format_money(before[label], window.project.spec.money_decimals)
    assert window.store.get(window.project.id).budget == before
    assert window.store.get(window.project.id).budget[label] == before[label]
