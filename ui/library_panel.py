"""The 指标库 dialog: indicators already used in any project, and templates per kind of project.

Both tabs insert the chosen rows into the open project's indicator tree as one undoable step
(:func:`perfdesk.library.insert_rows`); an indicator taken from a project of another layout is
first placed under this layout's 一级/二级 (:func:`perfdesk.library.rows_for`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.layouts import get_layout
from perfdesk.library import (
    LibraryEntry,
    Template,
    insert_rows,
    library_entries,
    load_templates,
    rows_for,
    search,
)
from perfdesk.model import IndicatorRow
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from ui.surface import Window

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# (rows, the layout they come from) -> how many were inserted
Insert = Callable[[list[IndicatorRow], str], int]


class LibraryDialog(QDialog):
    def __init__(
        self,
        entries: Sequence[LibraryEntry],
        templates: Sequence[Template],
        insert: Insert,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("指标库"))
        self.entries = list(entries)
        self.templates = list(templates)
        self.insert = insert

        self.search_box = QLineEdit()
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(self.tr("搜索指标名称、一级/二级或指标值"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.entry_list = self._tree(
            "libraryList",
            [self.tr("三级指标"), self.tr("一级 / 二级"), self.tr("次数"), self.tr("最近指标值")],
        )
        used_page = QWidget()
        used_layout = QVBoxLayout(used_page)
        used_layout.addWidget(self.search_box)
        used_layout.addWidget(self.entry_list, 1)

        self.template_choice = QComboBox()
        self.template_choice.setObjectName("templateChoice")
        for template in self.templates:
            self.template_choice.addItem(template.name, template.key)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        self.template_rows = self._tree(
            "templateRows", [self.tr("三级指标"), self.tr("一级 / 二级"), self.tr("指标值")]
        )
        self.template_choice.currentIndexChanged.connect(self._show_template)
        template_page = QWidget()
        template_layout = QVBoxLayout(template_page)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("项目类型：")))
        choice_row.addWidget(self.template_choice, 1)
        template_layout.addLayout(choice_row)
        template_layout.addWidget(self.template_note)
        template_layout.addWidget(self.template_rows, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("libraryTabs")
        self.tabs.addTab(used_page, self.tr("已用过的指标"))
        self.tabs.addTab(template_page, self.tr("模板"))
        self.status = QLabel()
        self.status.setObjectName("libraryStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.insert_button = QPushButton(self.tr("插入所选"))
        self.insert_button.setObjectName("libraryInsert")
        self.insert_button.setDefault(True)
        buttons.addButton(self.insert_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.insert_button.clicked.connect(self._insert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._filter("")
        self._show_template(0)

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setAlternatingRowColors(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setStretchLastSection(False)
        tree.itemDoubleClicked.connect(lambda _item, _col: self._insert())
        return tree

    def _filter(self, text: str) -> None:
        self.entry_list.clear()
        for entry in search(self.entries, text):
            item = QTreeWidgetItem(
                [
                    entry.name,
                    f"{entry.level1} / {entry.level2}",
                    str(entry.count),
                    entry.last_target,
                ]
            )
            item.setData(0, ROW_ROLE, entry)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, get_layout(entry.layout).name)
            self.entry_list.addTopLevelItem(item)
        for column in (1, 2, 3):
            self.entry_list.resizeColumnToContents(column)

    def _show_template(self, index: int) -> None:
        self.template_rows.clear()
        if not 0 <= index < len(self.templates):
            self.template_note.setText(self.tr("没有适用于本表样的模板"))
            return
        template = self.templates[index]
        self.template_note.setText(template.description)
        for row in template.rows:
            item = QTreeWidgetItem([row.name, f"{row.level1} / {row.level2}", row.target])
            item.setData(0, ROW_ROLE, row)
            self.template_rows.addTopLevelItem(item)
        self.template_rows.selectAll()  # a template is usually taken whole
        for column in (1, 2):
            self.template_rows.resizeColumnToContents(column)

    def _insert(self) -> None:
        if self.tabs.currentIndex() == 0:
            chosen = [item.data(0, ROW_ROLE) for item in self.entry_list.selectedItems()]
            by_layout: dict[str, list[IndicatorRow]] = {}
            for entry in chosen:
                by_layout.setdefault(entry.layout, []).append(entry.row)
            added = sum(self.insert(rows, layout) for layout, rows in by_layout.items())
            asked = len(chosen)
        else:
            rows = [item.data(0, ROW_ROLE) for item in self.template_rows.selectedItems()]
            layout = self.templates[self.template_choice.currentIndex()].layout
            added = self.insert(rows, layout) if rows else 0
            asked = len(rows)
        if not asked:
            self.status.setText(self.tr("请先选择要插入的指标"))
        elif added:
            self.status.setText(self.tr("已插入 %1 个指标").replace("%1", str(added)))
        else:
            self.status.setText(self.tr("所选指标已在表中，未重复插入"))


def insert_into_open_project(window: Window, rows: list[IndicatorRow], layout: str) -> int:
    """Insert rows (from a ``layout`` project) into the open project as one undoable step."""
    project = window.current_project()
    if project is None:
        return 0
    added = insert_rows(project, rows_for(project, rows, layout))
    if added:
        tree = project.indicators
        window.commit(
            QCoreApplication.translate("library_panel", "插入指标"),
            lambda p: p.set_indicators(tree),
        )
    return added


def open_library(window: Window) -> LibraryDialog | None:
    project = window.current_project()
    if project is None:
        return None
    dialog = LibraryDialog(
        library_entries(window.store),
        load_templates(project.layout),
        lambda rows, layout: insert_into_open_project(window, rows, layout),
        window.as_widget(),
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(dialog, preferred=(760, 560))
    dialog.show()
    return dialog


def install(window: Window) -> None:
    action = QAction(QCoreApplication.translate("library_panel", "指标库…"), window.as_widget())
    action.setObjectName("libraryAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    action.triggered.connect(lambda: open_library(window))
    window.add_action("indicators", action)
