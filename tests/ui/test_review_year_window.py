"""The list's 审核 column, 年度审核汇总… and 与上年比较… in a real window over a real database."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from printed_pdf import read_pdf, squash
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from qt_input import type_text
from window_harness import WindowFactory, finish_jobs

from perfdesk.review import review
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs
from ui.main_window import MainWindow
from ui.project_list import GRADE
from ui.review_panel import GradeKeeper, ReviewPanel
from ui.review_summary import GRADE as SUMMARY_GRADE
from ui.review_summary import ID_ROLE, ReviewSummaryDialog
from ui.review_summary import NAME as SUMMARY_NAME
from ui.year_compare import YearCompareDialog


def grades_of(window: MainWindow) -> GradeKeeper:
    panel = window.findChild(ReviewPanel, "reviewPanel")
    assert isinstance(panel, ReviewPanel)
    keeper = panel.property("grades")
    assert isinstance(keeper, GradeKeeper)
    return keeper


def listed_grades(window: MainWindow) -> dict[int, str]:
    model = window.project_list.model
    return {
        model.summary(row).id: model.index(row, GRADE).data() for row in range(model.rowCount())
    }


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert isinstance(found, QAction)
    return found


def test_the_list_shows_each_projects_grade_and_follows_typing(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        ids = store.add_many(sample_projects())
        expected = {i: review(store.get(i)).grade for i in ids}
    window = open_window(db_path)
    grades_of(window).start()  # without waiting for the window to settle
    qtbot.waitUntil(lambda: all(listed_grades(window).values()), timeout=10_000)
    assert listed_grades(window) == expected == {ids[0]: "良", ids[1]: "良"}

    # The open project's grade follows what is typed; the other keeps its own.
    window.open_project(ids[1])
    editor = window.form.sections.editors["总目标及阶段性目标"]
    type_text(editor, "发布科普信息，提高科学传播效应，完成科普短片。")
    window.flush()
    stored = window.store.get(ids[1])
    qtbot.waitUntil(lambda: listed_grades(window)[ids[1]] == review(stored).grade)
    finish_jobs(qtbot, window)

    # Sorting by the column puts the better grade first, a grade not yet known last.
    model = window.project_list.model
    model.set_grades({ids[0]: "差", ids[1]: "优"})
    window.project_list.view.sortByColumn(GRADE, Qt.SortOrder.AscendingOrder)
    assert [model.summary(row).id for row in range(model.rowCount())] == [ids[1], ids[0]]


def test_year_summary_lists_exports_prints_and_opens(
    open_window: WindowFactory,
    db_path: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store(db_path) as store:
        ids = store.add_many(sample_projects())
    window = open_window(db_path)
    action(window, "reviewSummaryAction").trigger()
    dialog = window.findChild(ReviewSummaryDialog)
    assert isinstance(dialog, ReviewSummaryDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert dialog.table.rowCount() == 2
    assert {dialog.table.item(r, SUMMARY_GRADE).text() for r in range(2)} == {"良"}
    assert "共 2 个项目" in dialog.overview.text() and "良 2 个" in dialog.overview.text()
    assert dialog.width() <= 1280 and dialog.height() <= 660

    book, sheet = tmp_path / "汇总.xlsx", tmp_path / "汇总.pdf"
    monkeypatch.setattr(dialogs, "output_file", lambda *a: book)
    assert dialog.export_excel() is not None
    finish_jobs(qtbot, window)
    rows = list(openpyxl.load_workbook(book).active.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 2 and {row[4] for row in rows} == {"良"}

    monkeypatch.setattr(dialogs, "output_file", lambda *a: sheet)
    assert dialog.export_pdf() is not None
    finish_jobs(qtbot, window)
    text = read_pdf(sheet.read_bytes()).text
    assert "单位内部审核表" in text and squash("科普资源平台建设") in text

    other = next(
        r
        for r in range(2)
        if dialog.table.item(r, SUMMARY_NAME).data(ID_ROLE) != window.current_project_id()
    )
    wanted = dialog.table.item(other, SUMMARY_NAME).data(ID_ROLE)
    dialog.table.cellDoubleClicked.emit(other, SUMMARY_NAME)
    assert window.current_project_id() == wanted in ids
    dialog.close()


def test_summary_export_cancelled_leaves_no_file(
    open_window: WindowFactory,
    db_path: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    window = open_window(db_path)
    dialog = ReviewSummaryDialog(window)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    sheet = tmp_path / "汇总.pdf"
    monkeypatch.setattr(dialogs, "output_file", lambda *a: sheet)
    job = dialog.export_pdf()
    assert job is not None
    job.cancel()
    finish_jobs(qtbot, window)
    assert job.was_cancelled or sheet.exists()  # a fast machine may finish first
    if job.was_cancelled:
        assert list(tmp_path.glob("汇总*")) == []
    dialog.close()


def test_compare_with_last_year_shows_what_changed(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        [first, _] = store.add_many(sample_projects())
        copy = store.copy_to_next_year(first)
    window = open_window(db_path)
    window.open_project(copy)
    editor = window.form.sections.editors["项目概况"]
    type_text(editor, "新增一段说明。")
    window.flush()
    action(window, "yearCompareAction").trigger()
    dialog = window.findChild(YearCompareDialog)
    assert isinstance(dialog, YearCompareDialog)
    page = dialog.view.toPlainText()
    assert "2020年 → 2021年" in page
    assert "新增一段说明。" in page
    assert any(n.label == "项目概况" for n in dialog.comparison.narratives)
    assert dialog.width() <= 1280 and dialog.height() <= 660
    dialog.close()


def test_compare_without_last_year_says_so(
    open_window: WindowFactory, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    window = open_window(db_path)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "information", lambda _parent, _title, text: told.append(text))
    action(window, "yearCompareAction").trigger()
    assert told and "2019年" in told[0]
    assert window.findChild(YearCompareDialog) is None
