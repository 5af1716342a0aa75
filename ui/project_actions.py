"""What the officer does with whole projects: new, duplicate, next year, delete, the sample.

Each is one undoable step (:class:`perfdesk.history.History`); the window then lists and
opens the project concerned.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from perfdesk.layouts import DEFAULT_LAYOUT, all_layouts
from perfdesk.location import Location
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from ui import dialogs
from ui.surface import Window


class ProjectActions(QObject):
    """The project actions of one window (its menus and the list's buttons show them)."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.new = self._action(
            self.tr("新建项目"),
            lambda: self.new_project(),
            QKeySequence.StandardKey.New,
            "newProject",
        )
        self.duplicate = self._action(
            self.tr("复制项目"), self.duplicate_project, "Ctrl+D", "duplicateProject"
        )
        self.next_year = self._action(
            self.tr("复制到下一年度"), self.copy_to_next_year, "Ctrl+Shift+D", "copyToNextYear"
        )
        self.delete = self._action(
            self.tr("删除项目…"), self.delete_project, "Ctrl+Shift+Del", "deleteProject"
        )
        self.sample = self._action(
            self.tr("导入示例数据"), self.import_sample, None, "importSample"
        )
        # 新建项目 on a chosen form: one action per layout
        self.new_on_layout = QMenu(self.tr("按表样新建"), window.as_widget())
        self.new_on_layout.setObjectName("newOnLayout")
        for spec in all_layouts().values():
            act = QAction(spec.name, self)
            act.setObjectName(f"newProject_{spec.key}")
            act.triggered.connect(lambda _checked=False, key=spec.key: self.new_project(key))
            self.new_on_layout.addAction(act)
        for act, short in (
            (self.new, self.tr("新建")),
            (self.duplicate, self.tr("复制")),
            (self.next_year, self.tr("下一年度")),
            (self.delete, self.tr("删除")),
        ):
            act.setIconText(short)  # the list's buttons are narrow; menus show the full text
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(self.tr("%1（%2）").replace("%1", act.text()).replace("%2", keys))

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None,
        name: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.as_widget().addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def update(self) -> None:
        """Enable what applies: the open project's actions, the sample only while empty."""
        has = self.window.project is not None
        for act in (self.duplicate, self.next_year, self.delete):
            act.setEnabled(has)
        self.sample.setEnabled(self.window.store.count() == 0)

    # -- the actions -------------------------------------------------------------------------

    def new_project(self, layout: str | None = None) -> int:
        """A new project on ``layout`` (default: the open project's layout); returns its id."""
        window = self.window
        window.flush()
        current = window.project
        year = current.year if current else date.today().year
        if layout is None:
            layout = current.layout if current else DEFAULT_LAYOUT
        project = Project.new(layout, year)
        if current is not None:
            project.fields[project.spec.unit_field] = current.unit
        new_id = window.history.create(project, self.tr("新建项目"))
        window.reload_projects(select=new_id, changed=[new_id])
        window.focus(Location("field", project.spec.name_field))
        return new_id

    def duplicate_project(self) -> int | None:
        project_id = self.window.current_project_id()
        if project_id is None:
            return None
        self.window.flush()
        new_id = self.window.history.duplicate(project_id, self.tr("复制项目"))
        self.window.reload_projects(select=new_id, changed=[new_id])
        return new_id

    def copy_to_next_year(self) -> int | None:
        project_id = self.window.current_project_id()
        if project_id is None:
            return None
        self.window.flush()
        new_id = self.window.history.copy_to_next_year(project_id, self.tr("复制到下一年度"))
        self.window.reload_projects(select=new_id, changed=[new_id])
        return new_id

    def delete_project(self) -> bool:
        """Delete the open project after asking (naming it, its year and its form)."""
        window = self.window
        project = window.current_project()
        if project is None or project.id is None:
            return False
        name = project.name or self.tr("（未命名项目）")
        question = (
            self.tr("删除项目“%1”（%2年度，%3）？\n\n删除后可以用“撤销”（Ctrl+Z）恢复。")
            .replace("%1", name)
            .replace("%2", str(project.year))
            .replace("%3", project.spec.name)
        )
        if not dialogs.confirm(
            window.as_widget(), self.tr("删除项目"), question, action=self.tr("删除")
        ):
            return False
        listed = window.listed_project_ids()
        neighbour = _neighbour(listed, project.id)
        window.history.delete(project.id, self.tr("删除项目“%1”").replace("%1", name))
        window.reload_projects(select=neighbour, changed=[project.id])
        return True

    def import_sample(self) -> list[int]:
        """The reference form's projects, as one undoable step like any import."""
        self.window.flush()
        ids = self.window.history.create_many(sample_projects(), self.tr("导入示例数据"))
        self.window.reload_projects(select=ids[0] if ids else None, changed=ids)
        self.window.show_problem(self.tr("已导入 %1 个示例项目").replace("%1", str(len(ids))))
        return ids


def _neighbour(listed: list[int], project_id: int) -> int | None:
    """The project shown after ``project_id`` goes: the next in the list, else the one before."""
    if project_id not in listed:
        return listed[0] if listed else None
    row = listed.index(project_id)
    rest = listed[row + 1 :] or listed[:row][-1:]
    return rest[0] if rest else None


__all__ = ["ProjectActions"]
