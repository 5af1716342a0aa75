"""The 审核 dock: the open project's grade (优 / 良 / 中 / 差) and the reviewer's reasons, most
points first; a click takes the officer to the field. Kept current while the officer types.
Also the list's 审核 column (every project's grade, worked out beside the window), and the
项目 menu's 年度审核汇总… and 与上年比较….

The review is :func:`perfdesk.review.review`; this module only shows it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import Project
from perfdesk.progress import Steps
from perfdesk.review import Review, ReviewFinding, previous_year_project, review
from perfdesk.review.batch import last_year_index, reviewed_projects
from perfdesk.store import Store
from ui import dialogs, jobs, settings

if TYPE_CHECKING:
    from ui.surface import Window

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
WIDE_SCREEN = 1600  # logical pixels: room for the form and the dock side by side
GRADE_BATCH = 300  # projects graded per worker run: the column fills in steps, not at the end
GRADING_DELAY_MS = (
    3000  # the grades wait until the window has settled (its first 3 s are kept smooth)
)


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


Graded = dict[int, tuple[str, str]]  # project id: (revision graded, grade)


def grade_batch(
    database: Path, known: dict[int, str], first: list[int], steps: Steps
) -> tuple[Graded, bool]:
    """Up to :data:`GRADE_BATCH` projects whose stored form changed since ``known`` (id:
    revision) was graded, ``first`` (the listed ones) before the others; and whether more
    are left."""
    with jobs.job_store(database) as store:
        revisions = store.revisions()
        stale = [i for i, revision in revisions.items() if known.get(i) != revision]
        order = {project_id: n for n, project_id in enumerate(first)}
        stale.sort(key=lambda project_id: order.get(project_id, len(order)))
        batch = stale[:GRADE_BATCH]
        index = last_year_index(store.list_projects())
        # Between projects the worker lets go of the interpreter lock (reviewing is pure
        # Python): the window's thread waits less for it (measured by bench/review.py).
        polite = Steps(lambda _done, _total: time.sleep(0), steps.cancelled)
        graded = {
            r.project_id: (revisions[r.project_id], r.review.grade)
            for r in reviewed_projects(store, batch, index, polite)
        }
    return graded, len(stale) > len(batch)


class GradeKeeper(QObject):
    """The list's 审核 column: every project graded in a worker, a batch at a time, and again
    whenever its stored form changed; the open project's grade follows the typing."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.known: dict[int, str] = {}  # project id: the revision its grade is of
        self.runner = jobs.runner(window.as_widget())
        self.runner.closing.connect(self.stop)
        self.job: jobs.Job | None = None
        self.started = False
        self.stopped = False
        self.again = False

    def start(self) -> None:
        self.started = True
        self.refresh()

    def refresh(self) -> None:
        """Grade what changed since last time (in a worker)."""
        if not self.started or self.stopped:
            return
        if self.job is not None and self.job.running:
            self.again = True
            return
        self.again = False
        database, known = self.window.store.path, dict(self.known)
        first = self.window.listed_project_ids()
        self.job = self.runner.start(
            self.tr("计算审核等级"),
            lambda steps: grade_batch(database, known, first, steps),
            done=self._graded,
            failed=lambda exc: dialogs.explain(exc),  # logged: the column stays as it was
            background=True,
            shown=False,
        )

    def live(self, project_id: int, grade: str) -> None:
        """The open project's grade as just reviewed (the next batch grades it as stored)."""
        self.known.pop(project_id, None)
        self.window.show_grades({project_id: grade})

    def stop(self) -> None:
        self.stopped = True
        if self.job is not None:
            self.job.cancel()

    def _graded(self, result: tuple[Graded, bool]) -> None:
        graded, more = result
        if self.stopped:
            return
        self.known.update({i: revision for i, (revision, _grade) in graded.items()})
        self.window.show_grades({i: grade for i, (_revision, grade) in graded.items()})
        if more or self.again:
            QTimer.singleShot(0, self.refresh)


# The two windows load when first asked for, not with the main window.
def _open_summary(window: Window) -> None:
    from ui.review_summary import open_summary

    open_summary(window)


def _open_comparison(window: Window, previous: Project | None) -> None:
    from ui.year_compare import open_comparison

    open_comparison(window, previous)


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
    grades = GradeKeeper(window)
    panel.setProperty("grades", grades)  # found by tests and benchmarks

    def refresh() -> None:
        project = window.project
        result = review(project, previous) if project else None
        panel.show_review(result)
        if project is not None and project.id is not None and result is not None:
            grades.live(project.id, result.grade)

    def opened() -> None:
        nonlocal previous
        project = window.project
        previous = last_year_of(window.store, project) if project else None
        refresh()
        grades.refresh()  # a reload (import, restore, deletion) opens a project afresh

    # The review takes a few milliseconds: every stored edit shows at once.
    window.projectChanged.connect(lambda _id: opened())
    window.projectEdited.connect(lambda _id, _parts: refresh())
    panel.findingActivated.connect(lambda finding: window.focus(finding.location))
    opened()
    QTimer.singleShot(GRADING_DELAY_MS, grades.start)

    summary = QAction(QCoreApplication.translate("review_panel", "年度审核汇总…"), panel)
    summary.setObjectName("reviewSummaryAction")
    summary.setStatusTip(
        QCoreApplication.translate(
            "review_panel", "一年度全部项目的审核等级和主要问题，可导出Excel、打印单位内部审核表"
        )
    )
    summary.triggered.connect(lambda: _open_summary(window))
    window.add_action("project", summary)

    compare = QAction(QCoreApplication.translate("review_panel", "与上年比较…"), panel)
    compare.setObjectName("yearCompareAction")
    compare.setStatusTip(
        QCoreApplication.translate(
            "review_panel", "与上一年度同一项目的表比较：表头、资金、文字和指标的变化"
        )
    )
    compare.triggered.connect(lambda: _open_comparison(window, previous))
    window.add_action("project", compare)
