"""The main window: project list on the left, the open project's form on the right.

Every edit goes widgets → :class:`perfdesk.history.History` (one store transaction, one undo
step) → the views; there is no save button. The form is :class:`ui.form.ProjectForm`; the
project actions are :mod:`ui.project_actions`; plug-ins (``ui/extensions.py``) see the window
only through :class:`ui.surface.Window`.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.errors import DatabaseInUseError, PerfDeskError
from perfdesk.history import Change as HistoryStep
from perfdesk.history import History
from perfdesk.indicator_tree import used_names, used_targets
from perfdesk.location import Location
from perfdesk.model import Part, Project
from perfdesk.store import ProjectSummary, Store
from ui import dialogs, extensions, jobs, settings
from ui.editor import Change, PendingEdits
from ui.form import ProjectForm
from ui.indicator_model import TARGET
from ui.project_actions import ProjectActions
from ui.project_list import ProjectList
from ui.screen import fit_to_screen
from ui.settings import Option, Settings
from ui.shortcuts import show_shortcuts
from ui.surface import Window
from ui.unsaved import SAVE_WAIT_SECONDS, UnsavedEdits

MENUS = ("file", "edit", "project", "indicators", "view", "help")
FILE_SECTIONS = ("exchange", "print", "backup")


class _TextUndoToWindow(QObject):
    """Ctrl+Z in a field of the form undoes PerfDesk's last step, not the field's private history.

    Otherwise the field would change on screen without the change being stored. The search box
    and an open cell editor of the tree keep their own undo: nothing there is stored yet.
    """

    def __init__(self, forms: list[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self.forms = forms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit | QPlainTextEdit)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
            and any(form.isAncestorOf(watched) for form in self.forms)
        ):
            event.ignore()
            return True
        return False


class MainWindow(QMainWindow):
    """The window (see the module docstring); satisfies :class:`ui.surface.Window`."""

    projectChanged = Signal(int)
    projectEdited = Signal(int, object)  # project id, frozenset[Part] changed

    def __init__(self, store: Store, prefs: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._store = store
        dialogs.set_database(store.path)  # no save dialog may write over it
        self._settings = prefs or settings.Settings()
        self._history = History(store)
        self._project: Project | None = None
        self._suggestions: dict[tuple[int, int], list[str]] = {}
        self.pending = PendingEdits(self)
        self.pending.changed.connect(self._update_title)
        # A save waits briefly for another program's write; past that the edit is kept.
        store.busy_timeout = SAVE_WAIT_SECONDS
        self.unsaved = UnsavedEdits(self._history, self)
        self.unsaved.changed.connect(self._update_title)
        self.unsaved.stored.connect(lambda project_id: self.project_list.index.refresh(project_id))
        # The year and unit filters follow an edit once the event loop is back (not mid-commit).
        self._filters_timer = QTimer(self)
        self._filters_timer.setSingleShot(True)
        self._filters_timer.setInterval(0)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.history.listeners.append(self._update_undo_actions)
        form = self.form
        self._text_undo_filter = _TextUndoToWindow(
            [form.header_form, form.budget_form, form.sections, form.year_box], self
        )
        app = QApplication.instance()
        self._listening = app is not None
        if app is not None:
            app.installEventFilter(self._text_undo_filter)
            app.focusChanged.connect(self._focus_changed)  # type: ignore[attr-defined]

        surface: Window = self  # what the plug-ins get, checked against the protocol
        for module in extensions.INSTALLED:
            importlib.import_module(module).install(surface)

        self.project_list.refresh_filters()
        self.project_list.reload()
        self._restore_state()
        self._open_initial_project()
        self._update_undo_actions()

    # == the surface plug-ins see (ui.surface.Window) ==============================================

    @property
    def store(self) -> Store:
        return self._store

    @property
    def history(self) -> History:
        return self._history

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def project(self) -> Project | None:
        return self._project

    def as_widget(self) -> QMainWindow:
        return self

    # == building =============================================================================

    def _build_widgets(self) -> None:
        self.project_list = ProjectList(self.store)
        self.project_list.projectSelected.connect(self.open_project)
        self._filters_timer.timeout.connect(self.project_list.refresh_filters)

        commit: Callable[[str, Change, str | None], None] = self.commit
        self.form = ProjectForm(self.pending, commit, self._suggestions_for)
        self.form.problem.connect(self.show_problem)

        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        self.empty_label = QLabel(
            self.tr("还没有打开的项目。\n新建一个项目，或导入参考表样中的示例数据。")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_label)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        self.empty_new = QPushButton(self.tr("新建项目"))
        self.empty_sample = QPushButton(self.tr("导入示例数据"))
        empty_buttons.addWidget(self.empty_new)
        empty_buttons.addWidget(self.empty_sample)
        empty_buttons.addStretch(1)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(empty_page)
        self.editor_stack.addWidget(self.form)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.project_list)
        self.main_splitter.addWidget(self.editor_stack)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.statusBar().setSizeGripEnabled(True)
        # The file's name; where it is shows on hover (and in 帮助 → 关于).
        self.database_label = QLabel(self.tr("数据库：%1").replace("%1", self.store.path.name))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setStyleSheet("color: palette(mid);")
        self.database_label.setToolTip(str(self.store.path))
        self.statusBar().addPermanentWidget(self.database_label)
        fit_to_screen(self, preferred=(1440, 900))
        self._size_list_when_shown = True  # unless the officer's own split is remembered

    def _default_splitter_sizes(self) -> None:
        """The list about 28 % of the width (300 to 460 pixels; at least its buttons' room)."""
        width = self.main_splitter.width() or self.width()
        left = max(
            self.project_list.minimumSizeHint().width(), min(460, max(300, width * 28 // 100))
        )
        self.main_splitter.setSizes([left, max(1, width - left)])

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        self.project_actions = ProjectActions(self)
        actions = self.project_actions
        # Every change is stored as it is made; Ctrl+S, pressed out of habit, says so.
        self.act_save = self._action(
            self.tr("保存（自动）"), self.save_now, QKeySequence.StandardKey.Save, "save"
        )
        self.act_quit = self._action(
            self.tr("退出"), self.close, QKeySequence.StandardKey.Quit, "quit"
        )
        self.act_undo = self._action(
            self.tr("撤销"), self.undo, QKeySequence.StandardKey.Undo, "undo"
        )
        self.act_redo = self._action(self.tr("重做"), self.redo, "Ctrl+Y", "redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_find = self._action(
            self.tr("查找项目"), self.focus_search, QKeySequence.StandardKey.Find, "findProject"
        )
        self.act_previous = self._action(
            self.tr("上一个项目"),
            lambda: self.project_list.step(-1),
            "Ctrl+PgUp",
            "previousProject",
        )
        self.act_next = self._action(
            self.tr("下一个项目"), lambda: self.project_list.step(1), "Ctrl+PgDown", "nextProject"
        )
        self.act_reset_layout = self._action(
            self.tr("恢复默认窗口布局"), self.reset_layout, None, "resetLayout"
        )
        self.act_about = self._action(self.tr("关于 PerfDesk"), self.about, None, "about")
        self.act_shortcuts = self._action(
            self.tr("键盘快捷键"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            "shortcuts",
        )
        # Delete on the list itself deletes the project (after asking); elsewhere Delete edits.
        list_delete = QAction(self.project_list.view)
        list_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        list_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        list_delete.triggered.connect(actions.delete_project)
        self.project_list.view.addAction(list_delete)
        self.empty_new.clicked.connect(lambda: actions.new_project())
        self.empty_sample.clicked.connect(actions.import_sample)

        for act in (actions.new, actions.duplicate, actions.next_year, actions.delete):
            button = QToolButton()
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(False)
            self.project_list.add_button(button)
        self.project_list.buttons.addStretch(1)
        self.project_list.sample_button.setDefaultAction(actions.sample)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        titles = {
            "file": self.tr("文件(&F)"),
            "edit": self.tr("编辑(&E)"),
            "project": self.tr("项目(&P)"),
            "indicators": self.tr("指标(&I)"),
            "view": self.tr("视图(&V)"),
            "help": self.tr("帮助(&H)"),
        }
        self.menus: dict[str, QMenu] = {}
        for key in MENUS:
            menu = bar.addMenu(titles[key])
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
        self._section_ends: dict[str, QAction] = {}
        actions = self.project_actions

        file_menu = self.menus["file"]
        file_menu.addAction(actions.new)
        file_menu.addMenu(actions.new_on_layout)
        file_menu.addAction(actions.sample)
        file_menu.addAction(self.act_save)
        # Each section sits between two separators; a menu shows only one of several in a row.
        file_menu.addSeparator()
        for section in FILE_SECTIONS:
            self._section_ends[section] = file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = self.menus["edit"]
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        edit.addAction(self.act_find)

        project = self.menus["project"]
        project.addAction(actions.new)
        project.addMenu(actions.new_on_layout)
        for act in (
            actions.duplicate,
            actions.next_year,
            None,
            actions.delete,
            None,
            self.act_previous,
            self.act_next,
        ):
            if act is None:
                project.addSeparator()
            else:
                project.addAction(act)

        indicators = self.menus["indicators"]
        for entry in self.form.indicators.actions_in_order:
            if entry is None:
                indicators.addSeparator()
            else:
                indicators.addAction(entry)

        view = self.menus["view"]
        language = view.addMenu(self.tr("语言 / Language"))
        group = QActionGroup(self)
        current = self.settings.get(settings.LANGUAGE)
        for code, label in (("zh_CN", "中文（简体）"), ("en", "English")):
            act = QAction(label, self, checkable=True)
            act.setObjectName(f"language_{code}")
            act.setChecked(code == current)
            act.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(act)
            language.addAction(act)
        view.addSeparator()
        self._docks_anchor = view.addSeparator()
        view.addAction(self.act_reset_layout)

        help_menu = self.menus["help"]
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)

    # == the public surface for the other parts ===================================================

    def add_action(self, menu: str, action: QAction, section: str | None = None) -> None:
        """Put ``action`` into a menu (and make its shortcut work anywhere in the window)."""
        target = self.menus[menu]
        if section is not None:
            target.insertAction(self._section_ends[section], action)
        elif menu == "file":
            target.insertAction(self._section_ends[FILE_SECTIONS[-1]], action)
        else:
            target.addAction(action)
        self.addAction(action)

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        *,
        object_name: str,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{object_name}Dock")
        widget.setObjectName(widget.objectName() or object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menus["view"].insertAction(self._docks_anchor, dock.toggleViewAction())
        saved = self.settings.get(settings.WINDOW_STATE)
        if not saved.isEmpty():
            self.restoreDockWidget(dock)
        return dock

    def current_project(self) -> Project | None:
        """The open project as stored (pending typing saved first); a copy to read freely."""
        self.flush()
        return self._project.clone() if self._project else None

    def current_project_id(self) -> int | None:
        return self._project.id if self._project else None

    def flush(self) -> None:
        """Store what is still waiting from typing, and edits waiting for the database."""
        self.pending.flush()
        if self.unsaved.has_edits():
            self.unsaved.retry()

    def focus(self, location: Location) -> bool:
        return self.form.focus(location)

    def selected_project_ids(self) -> list[int]:
        chosen = self.project_list.selected_ids()
        if not chosen and self._project is not None and self._project.id is not None:
            return [self._project.id]
        return chosen

    def listed_project_ids(self) -> list[int]:
        return self.project_list.listed_ids()

    def show_grades(self, grades: Mapping[int, str]) -> None:
        self.project_list.model.set_grades(grades)

    def reload_projects(
        self, select: int | None = None, changed: Sequence[int] | None = None
    ) -> None:
        self.flush()
        if changed is None:
            self.project_list.index.reload()
        else:
            for project_id in changed:
                self.project_list.index.refresh(project_id)
        self.project_list.refresh_filters()
        self.project_list.reload(select=select)
        self._suggestions.clear()
        target = select if select is not None else self.current_project_id()
        if target is not None and self.store.exists(target):
            if self._project is not None and self._project.id == target:
                self._project = None  # changed behind the form's back: show it afresh
            self.open_project(target)
        else:
            self._project = None
            self._open_first()
        self._update_actions()

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # == projects =================================================================================

    def _open_initial_project(self) -> None:
        last = self.settings.get(settings.LAST_PROJECT)
        same_db = self.settings.get(settings.LAST_DATABASE) == str(self.store.path)
        if same_db and last and self.store.exists(last):
            self.open_project(last)
        else:
            self._open_first()

    def _open_first(self) -> None:
        listed = self.project_list.listed_ids()
        if listed:
            self.open_project(listed[0])
        else:
            self._show_project(None)

    def open_project(self, project_id: int) -> None:
        if self._project is not None and self._project.id == project_id:
            self.project_list.select(project_id)
            return
        # What is on screen is stored, or put back visibly: never dropped without a word.
        self.form.settle()
        self.history.seal()
        try:
            project = self.unsaved.latest(project_id) or self.store.get(project_id)
        except PerfDeskError as exc:
            self.show_problem(str(exc))
            return
        self._show_project(project)

    def _show_project(self, project: Project | None) -> None:
        self._project = project
        if project is None:
            self.editor_stack.setCurrentIndex(0)
            self.project_list.select(None)
        else:
            self.form.load(project)
            self.editor_stack.setCurrentIndex(1)
            self.project_list.select(project.id)
            self.settings.set(settings.LAST_PROJECT, project.id)
            self.settings.set(settings.LAST_DATABASE, str(self.store.path))
        self._update_title()
        self._update_actions()
        self.projectChanged.emit(project.id if project and project.id is not None else -1)

    def save_now(self) -> None:
        self.form.settle()
        self.show_problem(self.tr("所有修改都已保存（PerfDesk 随时自动保存）"))

    def focus_search(self) -> None:
        self.project_list.search.setFocus()
        self.project_list.search.selectAll()

    # == editing ===================================================================================

    def commit(self, description: str, change: Change, merge_key: str | None = None) -> None:
        """Apply one change to the open project: stored at once, one undo step; the panes
        showing what changed refresh themselves (``projectEdited`` says which parts)."""
        before = self._project
        if before is None or before.id is None:
            return
        after = before.clone()
        try:
            change(after)
        except PerfDeskError as exc:
            self.show_problem(str(exc))
            return
        # With an earlier edit of this project still waiting for the database, this one
        # joins it: stored over what the database has, as one step.
        waiting = self.unsaved.stored_state(before.id)
        base = waiting if waiting is not None else before
        try:
            stored = self.history.record(base, after, description, merge_key=merge_key)
            self.unsaved.forget(before.id)
        except DatabaseInUseError:
            # Another program is writing: the edit stays on screen and is stored later.
            self.unsaved.keep(base, after, description, merge_key)
            self.show_problem(self.tr("数据库正被另一个程序使用，这次修改已保留，稍后自动保存"))
            stored = True
        except (PerfDeskError, sqlite3.Error) as exc:
            dialogs.error(
                self,
                self.tr("保存失败"),
                self.tr("这次修改没有保存：%1\n\n数据库中仍是修改前的内容。").replace(
                    "%1", str(exc)
                ),
            )
            self._show_project(self.store.get(before.id) if self.store.exists(before.id) else None)
            return
        if not stored:
            return
        parts = before.changed_parts(after)
        self._project = after
        self.form.show_changes(after, parts)
        self.project_list.index.refresh(before.id)
        if (before.name, before.unit, before.year) != (after.name, after.unit, after.year):
            self.project_list.model.update_summary(
                ProjectSummary(before.id, after.layout, after.year, after.unit, after.name)
            )
            if before.unit != after.unit or before.year != after.year:
                self._filters_timer.start()
        if Part.INDICATORS in parts:
            self._suggestions.clear()
        self._update_title()
        self.projectEdited.emit(after.id, parts)

    def _suggestions_for(self, depth: int, column: int) -> list[str]:
        key = (depth, column)
        if key not in self._suggestions:
            if column >= TARGET:
                words = used_targets(self.store)
            else:
                usual: list[str] = []
                if self._project is not None:
                    spec = self._project.spec
                    if depth == 1:
                        usual = [s.name for s in spec.level1]
                    elif depth == 2:
                        usual = [name for s in spec.level1 for name in s.level2]
                words = list(dict.fromkeys([*usual, *used_names(self.store, depth)]))
            self._suggestions[key] = words
        return self._suggestions[key]

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        # Leaving a field ends its typing: save it now, and start a new undo step next time.
        self.flush()
        self.history.seal()

    # == undo ====================================================================================

    def _edits_waiting(self) -> bool:
        """Whether an edit still waits for the database (undo would skip over it)."""
        if self.unsaved.has_edits():
            self.show_problem(self.tr("数据库正被另一个程序使用，修改保存后才能撤销或重做"))
            return True
        return False

    def undo(self) -> None:
        self.form.indicators.commit_editor()
        self.flush()
        if self._edits_waiting():
            return
        change = self.history.undo()
        if change is not None:
            self._show_change(change)
            self.show_problem(self.tr("已撤销：%1").replace("%1", change.description))

    def redo(self) -> None:
        self.form.indicators.commit_editor()
        self.flush()
        if self._edits_waiting():
            return
        change = self.history.redo()
        if change is not None:
            self._show_change(change)
            self.show_problem(self.tr("已重做：%1").replace("%1", change.description))

    def _show_change(self, change: HistoryStep) -> None:
        """After undo/redo: show the project the step was about (or a neighbour if gone)."""
        path = self.form.indicators.current_path()
        for part in change.parts:  # an import is one step over many projects
            self.project_list.index.refresh(part.project_id)
        self.project_list.refresh_filters()
        shown = next((p.project_id for p in change.parts if self.store.exists(p.project_id)), None)
        current_gone = self._project is not None and not self.store.exists(self._project.id or 0)
        self.project_list.reload(select=shown)
        if shown is not None:
            self._project = None  # force a fresh load from the store
            self.open_project(shown)
            if path:
                view = self.form.indicators.view
                view.setCurrentIndex(self.form.indicator_model.index_at(path))
        elif current_gone or self._project is None:
            self._project = None
            self._open_first()
        self._update_actions()

    def _update_undo_actions(self) -> None:
        if self.history.can_undo():
            self.act_undo.setText(
                self.tr("撤销“%1”").replace("%1", self.history.undo_description())
            )
        else:
            self.act_undo.setText(self.tr("撤销"))
        if self.history.can_redo():
            self.act_redo.setText(
                self.tr("重做“%1”").replace("%1", self.history.redo_description())
            )
        else:
            self.act_redo.setText(self.tr("重做"))
        self.act_undo.setEnabled(self.history.can_undo())
        self.act_redo.setEnabled(self.history.can_redo())

    # == window state ===============================================================================

    def _update_actions(self) -> None:
        self.project_actions.update()
        indicators = self.form.indicators
        if self._project is not None:
            indicators.update_actions()
            indicators.add_level1.setEnabled(True)
        else:
            for entry in indicators.actions_in_order:
                if entry is not None:
                    entry.setEnabled(False)
        self.project_list.sample_button.setVisible(self.project_actions.sample.isEnabled())

    def _update_title(self) -> None:
        app_title = self.tr("PerfDesk 绩效目标表")
        if self._project is None:
            self.setWindowTitle(app_title)
            return
        name = self._project.name or self.tr("（未命名项目）")
        if self.unsaved.has_edits():
            status = self.tr("等待保存：数据库正被另一个程序使用")
        elif self.pending.has_pending():
            status = self.tr("正在保存…")
        else:
            status = self.tr("已自动保存")
        self.setWindowTitle(
            self.tr("%1 — %2（%3）")
            .replace("%1", name)
            .replace("%2", app_title)
            .replace("%3", status)
        )

    def _restore_state(self) -> None:
        geometry = self.settings.get(settings.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a bigger screen than this one: never larger
        state = self.settings.get(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        for option, splitter in self._splitters():
            saved = self.settings.get(option)
            if not saved.isEmpty():
                splitter.restoreState(saved)
                # the officer's own split stays
                if splitter is self.main_splitter:
                    self._size_list_when_shown = False
                else:
                    self.form.distribute_when_sized = False
        header = self.settings.get(settings.INDICATOR_HEADER)
        if not header.isEmpty():
            self.form.indicators.view.header().restoreState(header)

    def _splitters(self) -> list[tuple[Option, QSplitter]]:
        return [
            (settings.MAIN_SPLITTER, self.main_splitter),
            (settings.EDITOR_SPLITTER, self.form.editor_splitter),
            (settings.LOWER_SPLITTER, self.form.lower_splitter),
        ]

    def save_state(self) -> None:
        self.settings.set(settings.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(settings.WINDOW_STATE, self.saveState())
        for option, splitter in self._splitters():
            self.settings.set(option, splitter.saveState())
        self.settings.set(settings.INDICATOR_HEADER, self.form.indicators.view.header().saveState())
        self.settings.sync()

    def reset_layout(self) -> None:
        self.settings.reset_state()
        self._default_splitter_sizes()
        self.form.distribute()
        self.show_problem(self.tr("已恢复默认窗口布局"))

    def choose_language(self, code: str) -> None:
        self.settings.set(settings.LANGUAGE, code)
        self.settings.sync()
        dialogs.information(
            self,
            "PerfDesk",
            self.tr(
                "界面语言将在下次启动 PerfDesk 时更改。\nThe language changes the next time PerfDesk starts."
            ),
        )

    def about(self) -> None:
        from perfdesk import __version__

        dialogs.information(
            self,
            self.tr("关于 PerfDesk"),
            self.tr("PerfDesk %1\n财政项目支出绩效目标表的编制、检查、打印与保管。\n\n数据库：%2")
            .replace("%1", __version__)
            .replace("%2", str(self.store.path)),
        )

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._size_list_when_shown:
            self._size_list_when_shown = False
            self._default_splitter_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.settle()
        self.flush()
        # Asked first, acted on only once the window really closes: the officer may still
        # keep it open below, and then the jobs and backups go on as before.
        work = jobs.runner(self)
        if not work.may_close():
            event.ignore()
            return
        if (
            self.unsaved.has_edits()
            and not self.unsaved.retry(SAVE_WAIT_SECONDS)
            and not dialogs.confirm(
                self,
                self.tr("修改尚未保存"),
                self.tr(
                    "数据库正被另一个程序使用，最近的修改还没有保存。\n\n"
                    "不关闭窗口，PerfDesk 会在数据库空出后自动保存它们。仍然关闭并丢弃这些修改吗？"
                ),
                action=self.tr("丢弃并关闭"),
            )
        ):
            event.ignore()
            return
        self._filters_timer.stop()  # the store may be closed right after
        work.close_down()  # cancels the officer's jobs; the backup at exit starts
        self.save_state()
        app = QApplication.instance()
        if app is not None and self._listening:
            app.removeEventFilter(self._text_undo_filter)
            app.focusChanged.disconnect(self._focus_changed)  # type: ignore[attr-defined]
            self._listening = False
        event.accept()


__all__ = ["FILE_SECTIONS", "MENUS", "MainWindow"]
