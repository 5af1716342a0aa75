"""The 指标库 dialog on its own: search, templates, inserting into a real project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot
from testdata import SH2026_PROJECT

from perfdesk import exchange
from perfdesk.library import insert_rows, library_entries, load_templates, rows_for
from perfdesk.model import IndicatorRow, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui.library_panel import LibraryDialog


def names(tree: QTreeWidget) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def make_dialog(qtbot: QtBot, db_path: Path, project: Project) -> LibraryDialog:
    with Store(db_path) as store:
        store.add_many([*sample_projects(), *exchange.read_file(SH2026_PROJECT)])
        entries = library_entries(store)

    def insert(rows: list[IndicatorRow], layout: str) -> int:
        return insert_rows(project, rows_for(project, rows, layout))

    dialog = LibraryDialog(entries, load_templates(project.layout), insert)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_search_then_insert_an_old_form_entry_into_a_new_form_project(
    qtbot: QtBot, db_path: Path
) -> None:
    project = Project.new("sh2026", 2026)
    dialog = make_dialog(qtbot, db_path, project)
    assert "预算执行率" in names(dialog.entry_list)
    dialog.search_box.setText("1400")
    assert names(dialog.entry_list) == ["发布信息1400条", "微信、微博全年推送条数"]
    dialog.entry_list.topLevelItem(0).setSelected(True)
    dialog.insert_button.click()
    assert project.indicator_rows() == [
        IndicatorRow("产出指标", "数量指标", "发布信息1400条", "=100%")
    ]
    assert dialog.status.text() == "已插入 1 个指标"
    dialog.insert_button.click()
    assert dialog.status.text() == "所选指标已在表中，未重复插入"


def test_a_template_is_inserted_whole(qtbot: QtBot, db_path: Path) -> None:
    project = Project.new("sh2026", 2026)
    dialog = make_dialog(qtbot, db_path, project)
    dialog.tabs.setCurrentIndex(1)
    index = dialog.template_choice.findText("培训")
    dialog.template_choice.setCurrentIndex(index)
    template = dialog.templates[index]
    assert names(dialog.template_rows) == [r.name for r in template.rows]
    dialog.insert_button.click()
    assert project.indicator_rows() == list(template.rows)
    assert dialog.status.text() == f"已插入 {len(template.rows)} 个指标"
