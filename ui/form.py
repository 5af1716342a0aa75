"""The open project's form: title and year, header and budget, narratives, indicator tree.

:meth:`ProjectForm.load` shows a project, :meth:`ProjectForm.show_changes` refreshes the panes
whose part of the project an edit changed (whoever made it), and :meth:`ProjectForm.focus`
takes the officer to the field a check finding points at. Edits leave through ``commit``
(one stored, undoable step) as calls of :class:`~perfdesk.model.Project`'s typed setters.

Sized for small screens: the header and budget scroll within their pane, the indicator tree
keeps room for at least :data:`TREE_ROWS` rows, and the narratives take what is left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk.checks import tree_path
from perfdesk.indicator_tree import with_standard_block
from perfdesk.location import Location
from perfdesk.model import Part, Project
from ui.editor import BudgetForm, Commit, HeaderForm, PendingEdits, SectionTabs, WheelGuard
from ui.indicator_model import IndicatorModel
from ui.indicator_view import IndicatorPanel, Suggestions

TREE_ROWS = 10  # the indicator tree never shows fewer rows than this, whatever the screen


class ProjectForm(QWidget):
    """The editor of one project (see the module docstring)."""

    problem = Signal(str)  # something the officer should read in the status bar

    def __init__(
        self,
        pending: PendingEdits,
        commit: Commit,
        suggestions: Suggestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectForm")
        self.pending = pending
        self.commit = commit
        self.project: Project | None = None
        self.wheel_guard = WheelGuard(self)
        # A new window shares the height between the panes once it has one (the screen's).
        self.distribute_when_sized = True

        self.header_form = HeaderForm(pending, commit)
        self.budget_form = BudgetForm(pending, commit)
        self.sections = SectionTabs(pending, commit)
        for form in (self.header_form, self.budget_form):
            form.problem.connect(self.problem)
        self.indicator_model = IndicatorModel(self)
        self.indicator_model.edited.connect(self._indicators_edited)
        self.indicators = IndicatorPanel(self.indicator_model, suggestions)
        self.indicators.standard_block.triggered.connect(self.insert_standard_block)

        self.form_title = QLabel()
        self.form_title.setObjectName("formTitle")
        title_font = self.form_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.form_title.setFont(title_font)
        self.form_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.year_box = QSpinBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(1990, 2200)
        self.year_box.setKeyboardTracking(False)
        self.year_box.setToolTip(self.tr("表格所属的预算年度；修改后表头和指标标题随之改变"))
        self.year_box.valueChanged.connect(self._year_changed)
        self.wheel_guard.guard(self.year_box)
        self.layout_label = QLabel()
        self.layout_label.setObjectName("layoutLabel")
        self.layout_label.setStyleSheet("color: palette(mid);")

        title_row = QHBoxLayout()
        title_row.addWidget(self.form_title, 1)
        title_row.addWidget(self.layout_label)
        title_row.addSpacing(8)
        title_row.addWidget(QLabel(self.tr("年度：")))
        title_row.addWidget(self.year_box)

        header_box = QGroupBox(self.tr("基本信息"))
        QVBoxLayout(header_box).addWidget(self.header_form)
        self.budget_box = QGroupBox()
        budget_layout = QVBoxLayout(self.budget_box)
        budget_layout.addWidget(self.budget_form)
        budget_layout.addStretch(1)
        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(header_box, 3)
        top_row.addWidget(self.budget_box, 2)
        # On a small screen the header and budget scroll in their pane; the tree keeps its room.
        self.header_area = QScrollArea()
        self.header_area.setObjectName("headerArea")
        self.header_area.setWidgetResizable(True)
        self.header_area.setFrameShape(QFrame.Shape.NoFrame)
        self.header_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header_area.setWidget(top)
        self.header_top = top

        # No frames of their own: the tabs and the tree's heading say what they are.
        self.sections_box = QWidget()
        sections_layout = QVBoxLayout(self.sections_box)
        sections_layout.setContentsMargins(0, 4, 0, 0)
        sections_layout.addWidget(self.sections)
        self.indicators_box = QWidget()
        indicators_layout = QVBoxLayout(self.indicators_box)
        indicators_layout.setContentsMargins(0, 4, 0, 0)
        indicators_layout.addWidget(self.indicators)
        # Narratives above the indicators, both the editor's full width: the section names
        # (tabs) and the 三级 names are long, and neither should be cut short.
        self.lower_splitter = QSplitter(Qt.Orientation.Vertical)
        self.lower_splitter.setObjectName("lowerSplitter")
        self.lower_splitter.addWidget(self.sections_box)
        self.lower_splitter.addWidget(self.indicators_box)
        self.lower_splitter.setStretchFactor(0, 2)
        self.lower_splitter.setStretchFactor(1, 3)
        self.lower_splitter.setChildrenCollapsible(False)

        self.editor_splitter = QSplitter(Qt.Orientation.Vertical)
        self.editor_splitter.setObjectName("editorSplitter")
        self.editor_splitter.addWidget(self.header_area)
        self.editor_splitter.addWidget(self.lower_splitter)
        self.editor_splitter.setStretchFactor(0, 0)
        self.editor_splitter.setStretchFactor(1, 1)
        self.editor_splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(title_row)
        layout.addWidget(self.editor_splitter, 1)

    # -- sizes ---------------------------------------------------------------------------------

    def _set_minimum_heights(self) -> None:
        """The least each pane needs to stay usable — TREE_ROWS rows of the tree, three lines of
        narrative, two header rows — set on the views, so the boxes around them add their own
        frames. Their sum makes the form's minimum height, which fits 1280×660."""
        line = self.fontMetrics().lineSpacing()
        self.header_area.setMinimumHeight(5 * line)
        for editor in self.sections.editors.values():
            editor.setMinimumHeight(3 * line + 8)
        view = self.indicators.view
        view.setMinimumHeight(
            view.header().sizeHint().height() + TREE_ROWS * self.tree_row_height() + 4
        )

    def tree_row_height(self) -> int:
        view = self.indicators.view
        row = view.sizeHintForRow(0) if self.indicator_model.rowCount() else 0
        # an empty tree: a text line and the delegate's room around it
        return row if row > 0 else view.fontMetrics().height() + 6

    def distribute(self) -> None:
        """Share the height as a new window does. Each pane gets its minimum; of what is left
        the header and budget take up to three quarters (no more than they need), the narratives 40 % of
        the rest, and the indicator tree the remainder."""
        handle = self.editor_splitter.handleWidth()
        total = self.editor_splitter.height() - 2 * handle
        top_min = self.header_area.minimumHeight()
        sections_min = self.sections_box.minimumSizeHint().height()
        tree = self.indicators_box.minimumSizeHint().height()
        spare = max(0, total - top_min - sections_min - tree)
        top = top_min + min(max(0, self.header_top.sizeHint().height() - top_min), spare * 3 // 4)
        spare -= top - top_min
        sections = sections_min + spare * 2 // 5
        tree = max(tree, total - top - sections)
        self.editor_splitter.setSizes([top, sections + tree + handle])
        self.lower_splitter.setSizes([sections, tree])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._distribute_once()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._distribute_once()

    def _distribute_once(self) -> None:
        if self.distribute_when_sized and self.isVisible() and self.editor_splitter.height() > 0:
            self.distribute_when_sized = False
            self.distribute()

    # -- showing a project ---------------------------------------------------------------------

    def load(self, project: Project) -> None:
        """Show ``project`` whole (another project, or the same after undo)."""
        self.project = project
        spec = project.spec
        self.header_form.load(project)
        self.budget_form.load(project)
        self.sections.load(project)
        self.budget_box.setTitle(spec.budget_heading)
        self._show_year(project.year)
        self.layout_label.setText(spec.name)
        self.indicators.set_layout(spec)
        self.indicator_model.set_layout(spec)
        self.indicator_model.load(project.indicators)
        self._set_minimum_heights()  # the sections are the layout's, and the rows now measurable
        self._update_titles()

    def show_changes(self, project: Project, parts: frozenset[Part]) -> None:
        """``project`` was stored with these parts changed: refresh what shows them, leaving a
        pane alone where the screen already has it (the officer typed it there)."""
        self.project = project
        if Part.FIELDS in parts:
            self.header_form.load(project, keep_typing=True)
        if Part.BUDGET in parts:
            self.budget_form.load(project)
        if Part.SECTIONS in parts:
            self.sections.load(project)
        if Part.YEAR in parts:
            self._show_year(project.year)
        if Part.INDICATORS in parts and self.indicator_model.tree() != project.indicators:
            path = self.indicators.current_path()
            self.indicator_model.load(project.indicators)
            if path:
                self.indicators.view.setCurrentIndex(self.indicator_model.index_at(path))
        if parts & {Part.YEAR, Part.FIELDS}:
            self._update_titles()

    def _show_year(self, year: int) -> None:
        self.year_box.blockSignals(True)
        self.year_box.setValue(year)
        self.year_box.blockSignals(False)

    def _update_titles(self) -> None:
        if self.project is None:
            return
        spec = self.project.spec
        self.form_title.setText(spec.title + spec.caption(self.project.year))
        self.indicators.title.setText(spec.targets_caption(self.project.year))

    # -- edits ---------------------------------------------------------------------------------

    def settle(self) -> None:
        """Before the project changes or the window closes: what is typed is stored, or, where
        it is not a valid value, put back visibly with a message (never silently dropped)."""
        self.indicators.commit_editor()
        self.header_form.settle()
        self.budget_form.settle()
        self.pending.flush()

    def _indicators_edited(self, description: str, merge_key: object) -> None:
        tree = self.indicator_model.tree()
        self.commit(
            description,
            lambda p: p.set_indicators(tree),
            merge_key if isinstance(merge_key, str) else None,
        )

    def _year_changed(self, year: int) -> None:
        self.commit(self.tr("修改年度"), lambda p: p.set_year(year), None)

    def insert_standard_block(self) -> None:
        if self.project is None:
            return
        self.pending.flush()
        tree = with_standard_block(self.project.indicators, self.project.spec)
        self.commit(self.indicators.standard_block.text(), lambda p: p.set_indicators(tree), None)

    # -- going to a place ----------------------------------------------------------------------

    def focus(self, location: Location) -> bool:
        """Show and focus the widget of ``location``; False if there is none."""
        if location.kind == "year":
            self.year_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.year_box.selectAll()
            return True
        if location.kind == "indicator":
            path = tree_path(self.project, location) if self.project is not None else []
            view = self.indicators.view
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not path:
                return False
            index = self.indicator_model.index_at(path)
            view.setCurrentIndex(index)
            view.scrollTo(index)
            return True
        if location.kind == "layout":
            return False  # the form's own words: nothing to edit (another print font helps)
        prefix = {"field": "field:", "budget": "budget:", "section": "section:"}[location.kind]
        widget = self.findChild(QWidget, f"{prefix}{location.key}")
        if widget is None:
            return False
        if isinstance(widget, QPlainTextEdit):  # a section: bring its tab forward first
            self.sections.tabs.setCurrentWidget(widget)
        _reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.header_area.ensureWidgetVisible(widget)
        return True


def _reveal(widget: QWidget) -> None:
    """Make tab pages holding ``widget`` current (a widget on a hidden tab cannot take focus)."""
    parent = widget.parentWidget()
    child = widget
    while parent is not None:
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


__all__ = ["TREE_ROWS", "ProjectForm"]
