"""The 审核 dock: the open project's grade (优 / 良 / 中 / 差) and the reviewer's reasons, most
points first; a click takes the officer to the field. Kept current while the officer types.

The review is :func:`perfdesk.review.review`; this module only shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import Project
from perfdesk.review import Review, ReviewFinding, previous_year_project, review
from perfdesk.store import Store
from ui import settings

if TYPE_CHECKING:
    from ui.surface import Window

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
WIDE_SCREEN = 1600  # logical pixels: room for the form and the dock side by side


class ReviewPanel(QWidget):
    """The grade on top, the findings below."""

    findingActivated = Signal(object)  # ReviewFinding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.grade = QLabel()
        self.grade.setObjectName("reviewGrade")
        font = self.grade.font()
        font.setBold(True)
        self.grade.setFont(font)
        self.grade.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reviewList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("审核意见"))
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.grade)
        layout.addWidget(self.list, 1)
        self.result: Review | None = None
        self.show_review(None)

    def sizeHint(self) -> QSize:
        return QSize(300, 400)

    def show_review(self, result: Review | None) -> None:
        """``None``: no project is open."""
        self.result = result
        self.list.clear()
        if result is None:
            self.grade.setText(self.tr("没有打开的项目"))
            return
        self.grade.setText(
            self.tr("审核等级：%1（%2 分）")
            .replace("%1", result.grade)
            .replace("%2", f"{result.score:g}")
        )
        for finding in result.findings:
            text = f"[{finding.dimension}] {finding.message}"
            item = QListWidgetItem(text)
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(self.tr("改正后可加 %1 分").replace("%1", f"{finding.points:g}"))
            self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        finding: ReviewFinding = item.data(FINDING_ROLE)
        self.findingActivated.emit(finding)


def last_year_of(store: Store, project: Project) -> Project | None:
    """Last year's form of the open project (same unit and name), read once when it opens."""
    same = store.list_projects(year=project.year - 1, unit=project.unit)
    candidates = [store.get(s.id) for s in same if s.name == project.name]
    return previous_year_project(project, candidates)


def install(window: Window) -> None:
    panel = ReviewPanel()
    dock = window.add_dock(
        panel, QCoreApplication.translate("review_panel", "审核"), object_name="reviewPanel"
    )
    screen = window.as_widget().screen()
    first_start = window.settings.get(settings.WINDOW_STATE).isEmpty()
    if first_start and screen is not None and screen.availableGeometry().width() < WIDE_SCREEN:
        dock.hide()  # a small screen keeps the form whole; 视图 ▸ 审核 shows it, remembered
    previous: Project | None = None

    def refresh() -> None:
        project = window.project
        panel.show_review(review(project, previous) if project else None)

    def opened() -> None:
        nonlocal previous
        project = window.project
        previous = last_year_of(window.store, project) if project else None
        refresh()

    # The review takes a few milliseconds: every stored edit shows at once.
    window.projectChanged.connect(lambda _id: opened())
    window.projectEdited.connect(lambda _id, _parts: refresh())
    panel.findingActivated.connect(lambda finding: window.focus(finding.location))
    opened()
