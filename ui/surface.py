"""What a plug-in (``ui/extensions.py``) may use of the main window, as a typed surface.

Plug-ins import :class:`Window` instead of the main window class: they see only these members,
and the window is free to change everything behind them. ``ui.main_window.MainWindow``
satisfies the protocol (mypy checks it where the plug-ins are installed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from perfdesk.history import History
from perfdesk.location import Location
from perfdesk.model import Project
from perfdesk.store import Store
from ui.settings import Settings

Change = Callable[[Project], None]


class Window(Protocol):
    """The main window as plug-ins see it.

    Signals:
        projectChanged(int): another project is open (-1: none).
        projectEdited(int, frozenset[perfdesk.model.Part]): the open project was stored with a
            change to these parts; every pane showing one of them refreshes itself.
    """

    @property
    def store(self) -> Store: ...

    @property
    def history(self) -> History: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def project(self) -> Project | None:
        """The open project as stored, not counting typing still waiting; read, never change."""

    @property
    def projectChanged(self) -> SignalInstance: ...

    @property
    def projectEdited(self) -> SignalInstance: ...

    def as_widget(self) -> QMainWindow:
        """The window itself: the parent for dialogs and actions, the status bar."""

    def current_project(self) -> Project | None:
        """The open project as stored once pending typing is saved; a copy to read freely."""

    def current_project_id(self) -> int | None: ...

    def open_project(self, project_id: int) -> None:
        """Open ``project_id`` in the form (what is on screen is stored first)."""

    def commit(self, description: str, change: Change, merge_key: str | None = None) -> None:
        """Apply ``change`` (through :class:`~perfdesk.model.Project`'s setters) to the open
        project: stored at once, one undo step; the panes showing what changed refresh."""

    def flush(self) -> None:
        """Store what is still waiting from typing (before reading the store)."""

    def reload_projects(
        self, select: int | None = None, changed: Sequence[int] | None = None
    ) -> None:
        """After projects were added, changed or removed outside the form (an import): list
        them again and open ``select`` (else keep the open one). ``changed``: the projects
        concerned, if known (the search reads only those again)."""

    def show_problem(self, message: str) -> None:
        """A message in the status bar."""

    def focus(self, location: Location) -> bool:
        """Show and focus the field a check finding points at; False if there is none."""

    def selected_project_ids(self) -> list[int]:
        """The projects selected in the list, in list order (the open one if none is)."""

    def listed_project_ids(self) -> list[int]:
        """Every project the list shows (search and filters applied), in list order."""

    def show_grades(self, grades: Mapping[int, str]) -> None:
        """Show these projects' 审核等级 in the list's 审核 column."""

    def add_action(self, menu: str, action: QAction, section: str | None = None) -> None:
        """Put ``action`` into a menu: file, edit, project, indicators, view or help; the file
        menu has the sections ``exchange``, ``print`` and ``backup``, in that order."""

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        *,
        object_name: str,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """A dock whose toggle goes into 视图, with its place remembered."""


__all__ = ["Change", "Window"]
