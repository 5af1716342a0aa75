"""The project list: search as you type, filters, sorting, counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from qt_input import type_text
from window_harness import WindowFactory, field_line

from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui.project_list import NAME, YEAR, ProjectListModel


def _fill(db_path: Path) -> list[int]:
    with Store(db_path) as store:
        ids = store.add_many(sample_projects())
        other = Project.new(year=2021)
        other.set_field("项目名称", "档案数字化")
        other.set_field("申报单位名称", "市档案馆")
        ids.append(store.add(other))
    return ids


def _names(model: ProjectListModel) -> list[str]:
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def test_list_model_passes_the_model_tester(qtmodeltester: ModelTester, db_path: Path) -> None:
    _fill(db_path)
    model = ProjectListModel()
    with Store(db_path) as store:
        model.set_projects(store.list_projects())
    qtmodeltester.check(model, force_py=True)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_search_as_you_type_in_chinese(open_window: WindowFactory, db_path: Path) -> None:
    _fill(db_path)
    window = open_window(db_path)
    panel = window.project_list
    assert panel.count_label.text() == "共 3 个项目"
    type_text(panel.search, "科普")  # in both sample projects' text
    assert panel.model.rowCount() == 2
    assert panel.count_label.text() == "找到 2 个，共 3 个项目"
    type_text(panel.search, "资源平台")  # the box now says 科普资源平台
    assert _names(panel.model) == ["科普资源平台建设"]
    assert panel.count_label.text() == "找到 1 个，共 3 个项目"
    panel.search.clear()
    type_text(panel.search, "预算执行率")  # indicators are searched too
    assert panel.model.rowCount() == 2
    panel.search.clear()
    assert panel.model.rowCount() == 3


def test_filters_by_year_and_unit(open_window: WindowFactory, db_path: Path) -> None:
    _fill(db_path)
    window = open_window(db_path)
    panel = window.project_list
    assert [panel.year_filter.itemData(i) for i in range(panel.year_filter.count())] == [
        None,
        2021,
        2020,
    ]
    panel.year_filter.setCurrentIndex(panel.year_filter.findData(2021))
    assert _names(panel.model) == ["档案数字化"]
    panel.year_filter.setCurrentIndex(0)
    panel.unit_filter.setCurrentIndex(panel.unit_filter.findData("上海科技报社"))
    assert panel.model.rowCount() == 2


def test_sorting_by_the_headers(open_window: WindowFactory, db_path: Path) -> None:
    _fill(db_path)
    window = open_window(db_path)
    view = window.project_list.view
    model = window.project_list.model
    assert model.index(0, YEAR).data() == "2021"  # newest year first
    view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert _names(model) == sorted(_names(model))
    current = window.current_project_id()
    assert window.project_list.current_id() == current  # the selection follows the sort


def test_choosing_a_row_opens_the_project(open_window: WindowFactory, db_path: Path) -> None:
    ids = _fill(db_path)
    window = open_window(db_path)
    panel = window.project_list
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(ids[1]), NAME))
    assert window.current_project_id() == ids[1]
    assert field_line(window, "项目名称").text() == "科普资源平台建设"
    window.act_next.trigger()  # already the last row: stays
    assert window.current_project_id() == ids[1]
    window.act_previous.trigger()
    assert window.current_project_id() == ids[0]


def test_escape_clears_the_search(open_window: WindowFactory, db_path: Path, qtbot: QtBot) -> None:
    _fill(db_path)
    window = open_window(db_path)
    search = window.project_list.search
    type_text(search, "档案")
    assert window.project_list.model.rowCount() == 1
    window.activateWindow()
    qtbot.waitActive(window)
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.project_list.model.rowCount() == 3


def test_search_follows_what_was_just_typed_from_the_first_keystroke(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    """Nothing to load first: a name typed a moment ago is found by one and two characters
    and by longer terms, and the old name is gone."""
    _fill(db_path)
    window = open_window(db_path)
    panel = window.project_list
    old_name = field_line(window, "项目名称").text()
    field_line(window, "项目名称").setFocus()
    field_line(window, "项目名称").selectAll()
    type_text(field_line(window, "项目名称"), "档案馆藏新名称")
    window.flush()
    for term in ("藏", "藏新", "馆藏新名"):
        panel.search.clear()
        type_text(panel.search, term)
        assert _names(panel.model) == ["档案馆藏新名称"], term
    panel.search.clear()
    type_text(panel.search, old_name)
    assert _names(panel.model) == []
