"""复制为新版表样: the open project copied onto the current form, as a new project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from perfdesk.convert import NEWEST_LAYOUT, can_convert, convert
from perfdesk.layouts import get_layout

if TYPE_CHECKING:
    from ui.surface import Window


def convert_open_project(window: Window) -> int | None:
    """Store the converted copy (one undoable step), open it; returns its id."""
    project = window.current_project()
    if project is None or not can_convert(project):
        return None
    copy = convert(project, NEWEST_LAYOUT)
    new_id = window.history.create(
        copy, QCoreApplication.translate("convert_action", "复制为新版表样")
    )
    window.reload_projects(select=new_id, changed=[new_id])
    if copy.sections.get(copy.spec.holding_section):
        window.show_problem(
            QCoreApplication.translate(
                "convert_action", "已复制为%1；没有对应栏目的内容在“%2”中，请移到合适的位置"
            )
            .replace("%1", get_layout(NEWEST_LAYOUT).name)
            .replace("%2", copy.spec.holding_section)
        )
    return new_id


def install(window: Window) -> None:
    action = QAction(
        QCoreApplication.translate("convert_action", "复制为新版表样"), window.as_widget()
    )
    action.setObjectName("convertAction")
    action.setToolTip(
        QCoreApplication.translate("convert_action", "把本项目复制到%1，原项目不变").replace(
            "%1", get_layout(NEWEST_LAYOUT).name
        )
    )
    action.triggered.connect(lambda: convert_open_project(window))

    def update(_project_id: int) -> None:
        project = window.project
        action.setEnabled(project is not None and can_convert(project))

    window.projectChanged.connect(update)
    window.add_action("project", action)
    update(-1)
