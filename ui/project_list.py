"""The project list: every project with name, unit, year and form; search, filters, sorting.

Several projects can be selected (Ctrl/Shift+click) to act on them together, e.g. to export
them: :meth:`ProjectList.selected_ids` and :meth:`ProjectList.listed_ids`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.layouts import UnknownLayoutError, get_layout
from perfdesk.search_index import SearchIndex
from perfdesk.store import ProjectSummary, Store

AnyIndex = QModelIndex | QPersistentModelIndex

NAME, UNIT, YEAR, LAYOUT, GRADE = range(5)
COLUMNS = 5
GRADE_ORDER = "优良中差"  # best first; a grade not yet known sorts after them all


def layout_label(key: str) -> str:
    """The short name of a project's form (2020 版, 现行版) for the list."""
    try:
        return get_layout(key).label
    except UnknownLayoutError:
        return key


def layout_name(key: str) -> str:
    try:
        return get_layout(key).name
    except UnknownLayoutError:
        return key


_by_year = attrgetter("year")


class ProjectListModel(QAbstractTableModel):
    """The summaries the search index found, sorted here (the index filters, the model orders)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProjectSummary] = []
        self._grades: dict[int, str] = {}  # 审核等级 by project id, as they become known
        self._sort_column = YEAR
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._headers = (
            self.tr("项目名称"),
            self.tr("申报单位"),
            self.tr("年度"),
            self.tr("表样"),
            self.tr("审核"),
        )

    def set_projects(self, rows: Sequence[ProjectSummary]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def summary(self, row: int) -> ProjectSummary:
        return self._rows[row]

    def row_of(self, project_id: int) -> int:
        for row, summary in enumerate(self._rows):
            if summary.id == project_id:
                return row
        return -1

    def update_summary(self, summary: ProjectSummary) -> None:
        row = self.row_of(summary.id)
        if row >= 0 and self._rows[row] != summary:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def set_grades(self, grades: Mapping[int, str]) -> None:
        """Show these projects' 审核等级 (worked out beside the window, a batch at a time)."""
        self._grades.update(grades)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, GRADE),
                self.index(len(self._rows) - 1, GRADE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def grade(self, project_id: int) -> str:
        """The project's 审核等级, "" until it is known."""
        return self._grades.get(project_id, "")

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return summary.name or self.tr("（未命名项目）")
            if column == UNIT:
                return summary.unit
            if column == YEAR:
                return str(summary.year)
            if column == LAYOUT:
                return layout_label(summary.layout)
            if column == GRADE:
                return self._grades.get(summary.id, "")
        if role == Qt.ItemDataRole.ToolTipRole and column == GRADE:
            grade = self._grades.get(summary.id)
            if grade is None:
                return self.tr("审核等级正在计算")
            return self.tr("审核等级：%1（详见 审核 面板）").replace("%1", grade)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole of what the narrow columns cut short, whichever column is pointed at.
            return (
                self.tr("%1\n%2 · %3年度 · %4")
                .replace("%1", summary.name or self.tr("（未命名项目）"))
                .replace("%2", summary.unit or self.tr("（未填写单位）"))
                .replace("%3", str(summary.year))
                .replace("%4", layout_name(summary.layout))
            )
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (YEAR, LAYOUT, GRADE):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMNS
        ):
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows = self._sorted(self._rows)
        positions = {summary.id: row for row, summary in enumerate(self._rows)}
        for index in self.persistentIndexList():
            new_row = positions[old[index.row()].id]
            self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[ProjectSummary]) -> list[ProjectSummary]:
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == NAME:
            return sorted(rows, key=lambda s: (s.name, s.id), reverse=reverse)
        if self._sort_column == UNIT:
            return sorted(rows, key=lambda s: (s.unit, s.name, s.id), reverse=reverse)
        if self._sort_column == GRADE:
            return sorted(rows, key=self._grade_rank, reverse=reverse)
        if self._sort_column == LAYOUT:
            return sorted(
                rows, key=lambda s: (layout_label(s.layout), s.name, s.id), reverse=reverse
            )
        # By year, newest first by default, and within a year in the order they were made
        # (the rows come in id order and the sort is stable, even reversed).
        return sorted(rows, key=_by_year, reverse=reverse)

    def _grade_rank(self, summary: ProjectSummary) -> tuple[int, int]:
        grade = self._grades.get(summary.id, "")
        rank = GRADE_ORDER.find(grade) if grade else -1
        return (len(GRADE_ORDER) if rank < 0 else rank, summary.id)


class SearchBox(QLineEdit):
    """The search field; Esc empties it (and shows every project again)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class ProjectList(QWidget):
    """Search box, year and unit filters, the list and its count.

    ``projectSelected(id)`` is emitted when the officer moves to a project.
    """

    projectSelected = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.index = SearchIndex(store)

        self.search = SearchBox()
        self.search.setObjectName("projectSearch")
        self.search.setPlaceholderText(self.tr("搜索项目名称、单位、内容、指标…（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)

        self.year_filter = QComboBox()
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setToolTip(self.tr("按年度筛选"))
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unitFilter")
        self.unit_filter.setToolTip(self.tr("按申报单位筛选"))
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(6)

        self.model = ProjectListModel(self)
        self.view = QTableView()
        self.view.setObjectName("projectList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl/Shift+click selects several (to export them together); the current row is open.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(YEAR, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(YEAR, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LAYOUT, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(GRADE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(UNIT, self.fontMetrics().horizontalAdvance("上海科技报社") + 16)
        header.resizeSection(YEAR, self.fontMetrics().horizontalAdvance("2020年") + 16)
        header.resizeSection(LAYOUT, self.fontMetrics().horizontalAdvance("2020 版") + 16)
        header.resizeSection(GRADE, self.fontMetrics().horizontalAdvance("审核") + 16)
        header.setHighlightSections(False)

        self.count_label = QLabel()
        self.count_label.setObjectName("projectCount")
        self.sample_button = QToolButton()
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.year_filter)
        filters.addWidget(self.unit_filter, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.setSpacing(4)

        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.sample_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(self.buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

        self._total = 0
        self._loading_filters = False
        self.search.textChanged.connect(lambda _text: self.reload())
        self.year_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.unit_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        selection.selectionChanged.connect(lambda _s, _d: self._update_count())

    def add_button(self, button: QToolButton) -> None:
        self.buttons.addWidget(button)

    # -- reading from the store ---------------------------------------------------------

    def refresh_filters(self) -> None:
        """Fill the year and unit boxes from the store, keeping the choices made."""
        year, unit = self.year_filter.currentData(), self.unit_filter.currentData()
        self._loading_filters = True
        try:
            self.year_filter.clear()
            self.year_filter.addItem(self.tr("全部年度"), None)
            for y in self.store.years():
                self.year_filter.addItem(self.tr("%1年").replace("%1", str(y)), y)
            self.unit_filter.clear()
            self.unit_filter.addItem(self.tr("全部单位"), None)
            for u in self.store.units():
                self.unit_filter.addItem(u, u)
            self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))
            self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(unit)))
        finally:
            self._loading_filters = False

    def reload(self, select: int | None = None) -> None:
        """Ask the search index again (search and filters apply); keep or set the selection."""
        keep = self.current_id() if select is None else select
        rows = self.index.list_projects(
            year=self.year_filter.currentData(),
            unit=self.unit_filter.currentData(),
            search=self.search.text(),
        )
        self._total = self.index.count()
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_projects(rows)
            row = self.model.row_of(keep) if keep is not None else -1
            if row >= 0:
                self._select_row(row)
        finally:
            selection.blockSignals(False)
        self._update_count()

    def _filtered(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.year_filter.currentData() is not None
            or self.unit_filter.currentData() is not None
        )

    def _filters_changed(self) -> None:
        if not self._loading_filters:
            self.reload()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self._filtered():
            text = self.tr("找到 %1 个，共 %2 个项目").replace("%1", str(shown))
            text = text.replace("%2", str(self._total))
        else:
            text = self.tr("共 %1 个项目").replace("%1", str(shown))
        chosen = len(self.selected_ids())
        if chosen > 1:
            text += self.tr("，已选 %1 个").replace("%1", str(chosen))
        self.count_label.setText(text)

    # -- selection ----------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(index.row()).id

    def selected_ids(self) -> list[int]:
        """The selected projects, in list order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.summary(row).id for row in rows]

    def listed_ids(self) -> list[int]:
        """Every project the list shows (search and filters applied), in list order."""
        return [self.model.summary(row).id for row in range(self.model.rowCount())]

    def select(self, project_id: int | None) -> bool:
        """Make ``project_id`` the current row without announcing it (the window opened it)."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            row = self.model.row_of(project_id) if project_id is not None else -1
            if row < 0:
                self.view.clearSelection()
                self.view.setCurrentIndex(QModelIndex())
                return False
            if self.view.currentIndex().row() == row:
                # Already current (the officer clicked it): the view keeps the rows selected
                # with it, e.g. by Ctrl+click.
                self.view.scrollTo(self.model.index(row, NAME))
                return True
            self._select_row(row)
            return True
        finally:
            selection.blockSignals(False)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, NAME)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.projectSelected.emit(self.model.summary(current.row()).id)

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) project in the list."""
        if self.model.rowCount() == 0:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + delta))
        self.view.setCurrentIndex(self.model.index(row, NAME))
