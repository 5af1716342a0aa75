"""The 检查 dock: the open project's errors and warnings; a click takes the officer there.

The checks themselves are :func:`perfdesk.checks.check`; this module only shows them and keeps
them current as the project is edited; the window goes to the field a finding points at.

The dock starts as its one-line summary (the form keeps the screen's height); 详情 or F7
opens the list, and the choice is remembered.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.checks import Finding, FontCheck, check, has_errors
from perfdesk.model import Project
from ui import dialogs, settings
from ui.fonts import print_fonts

if TYPE_CHECKING:
    from ui.surface import Window

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_DELAY_MS = 250  # typing saves often; checking once it pauses is enough
FONT_POLL_MS = 100
# Not during start-up: the font is parsed in Python, which would slow the window's first paint.
FONT_LOAD_DELAY_MS = 1000


class CheckPanel(QWidget):
    """A list of findings, errors first, under a one-line summary; the list can fold away."""

    findingActivated = Signal(object)  # Finding
    expandedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.toggle = QToolButton()
        self.toggle.setObjectName("checkToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self.set_expanded)
        self.list = QListWidget()
        self.list.setObjectName("checkList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("检查结果"))
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        # 检查 · the summary · 详情: the dock's title bar (one line when folded)
        self.header = QWidget()
        self.header.setObjectName("checkHeader")
        heading = QLabel(self.tr("检查"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout(self.header)
        top.setContentsMargins(6, 1, 2, 1)
        top.addWidget(heading)
        top.addSpacing(8)
        top.addWidget(self.summary, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.header.installEventFilter(self)
        self.findings: list[Finding] = []
        self.set_expanded(False)
        self.show_findings(None)

    @property
    def expanded(self) -> bool:
        return not self.list.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        """Show the list of findings, or only the summary line."""
        self.list.setVisible(expanded)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setText(self.tr("收起") if expanded else self.tr("详情"))
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.UpArrow)
        self.toggle.setToolTip(
            self.tr("只显示一行摘要") if expanded else self.tr("列出每个问题（F7）")
        )
        self.updateGeometry()
        self.expandedChanged.emit(expanded)

    def sizeHint(self) -> QSize:
        # Folded: nothing below the summary line. Open: about four findings; the form above
        # keeps the room, and the officer can drag the dock taller for many findings.
        lines = 5 if self.expanded else 0
        return QSize(480, self.fontMetrics().lineSpacing() * lines + 4)

    def minimumSizeHint(self) -> QSize:
        lines = 3 if self.expanded else 0
        return QSize(240, self.fontMetrics().lineSpacing() * lines + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A double click on the summary line opens or folds the list (a single press there
        # may be the start of dragging the dock away).
        if watched is self.header and event.type() == QEvent.Type.MouseButtonDblClick:
            self.set_expanded(not self.expanded)
            return True
        return False

    def show_findings(self, findings: list[Finding] | None) -> None:
        """``None``: no project is open."""
        self.findings = list(findings or [])
        self.list.clear()
        style = self.style()
        icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for finding in self.findings:
            item = QListWidgetItem(icons[finding.is_error], finding.message)
            item.setData(FINDING_ROLE, finding)
            severity = self.tr("错误：%1") if finding.is_error else self.tr("警告：%1")
            item.setToolTip(severity.replace("%1", finding.message))
            self.list.addItem(item)
        errors = sum(f.is_error for f in self.findings)
        warnings = len(self.findings) - errors
        if findings is None:
            self.summary.setText(self.tr("没有打开的项目"))
        elif not self.findings:
            self.summary.setText(self.tr("未发现问题，可以打印"))
        else:
            self.summary.setText(
                self.tr("%1 个错误，%2 个警告（单击一项可转到该处）")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )

    def _activated(self, item: QListWidgetItem) -> None:
        self.findingActivated.emit(item.data(FINDING_ROLE))


def findings_for(project: Project | None, font_check: FontCheck | None) -> list[Finding] | None:
    if project is None:
        return None
    return check(project, font_can_draw=font_check)


def print_font_check(prefs: settings.Settings) -> FontCheck:
    """Whether the font the forms are printed with (the one picked in the settings, or the
    system's) draws a character."""
    fonts = print_fonts(prefs)
    return fonts.draws


# Reading the print font means loading ReportLab and parsing a CJK font file of many megabytes:
# a few tenths of a second, done beside the window's start instead of before it.
_font_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="print-font")


def confirm_printing(window: Window, projects: list[Project]) -> bool:
    """Before printing: True to go on. With errors, the officer is asked first."""
    with_errors = [p for p in projects if has_errors(check(p))]
    if not with_errors:
        return True
    unnamed = QCoreApplication.translate("check_panel", "（未命名）")
    names = "\n".join(f"· {p.name or unnamed}" for p in with_errors[:10])
    more = len(with_errors) - 10
    if more > 0:
        names += "\n" + QCoreApplication.translate("check_panel", "……另有 %1 个").replace(
            "%1", str(more)
        )
    return dialogs.confirm(
        window.as_widget(),
        QCoreApplication.translate("check_panel", "表格有错误"),
        QCoreApplication.translate(
            "check_panel", "以下项目的表格检查出错误，打印出来可能被退回：\n%1\n\n仍要打印吗？"
        ).replace("%1", names),
        action=QCoreApplication.translate("check_panel", "仍然打印"),
    )


def install(window: Window) -> None:
    panel = CheckPanel()
    # Below the form, like a problems list: the form keeps its full width.
    dock = window.add_dock(
        panel,
        QCoreApplication.translate("check_panel", "检查"),
        object_name="checkPanel",
        area=Qt.DockWidgetArea.BottomDockWidgetArea,
    )
    dock.setTitleBarWidget(panel.header)  # the summary is the title: one line when folded
    timer = QTimer(panel)
    timer.setSingleShot(True)
    timer.setInterval(REFRESH_DELAY_MS)
    font_check: FontCheck | None = None  # until the print font is read; then checked too
    loading: Future[FontCheck] | None = None
    font_poll = QTimer(panel)
    font_poll.setInterval(FONT_POLL_MS)

    def refresh() -> None:
        timer.stop()
        project = window.project
        panel.show_findings(findings_for(project.clone() if project else None, font_check))

    def take_font_check() -> None:
        nonlocal font_check, loading
        if loading is None:  # the window is up: read the font beside it
            loading = _font_loader.submit(print_font_check, window.settings)
        elif loading.done():
            font_poll.stop()
            font_check = loading.result()
            refresh()

    font_poll.timeout.connect(take_font_check)
    QTimer.singleShot(FONT_LOAD_DELAY_MS, panel, font_poll.start)

    timer.timeout.connect(refresh)
    window.projectChanged.connect(lambda _id: refresh())
    window.projectEdited.connect(lambda _id, _parts: timer.start())
    panel.findingActivated.connect(lambda finding: window.focus(finding.location))

    def fit_dock(expanded: bool) -> None:
        window.settings.set(settings.CHECKS_EXPANDED, expanded)
        # the dock follows the panel: one line folded, a few findings open
        QTimer.singleShot(
            0,
            dock,
            lambda: window.as_widget().resizeDocks(
                [dock], [dock.sizeHint().height()], Qt.Orientation.Vertical
            ),
        )

    panel.set_expanded(window.settings.get(settings.CHECKS_EXPANDED))
    panel.expandedChanged.connect(fit_dock)

    action = QAction(QCoreApplication.translate("check_panel", "检查表格"), window.as_widget())
    action.setObjectName("checkAction")
    action.setShortcut(QKeySequence("F7"))

    def show() -> None:
        window.flush()
        refresh()
        dock.show()
        dock.raise_()
        panel.set_expanded(True)
        panel.list.setFocus()

    action.triggered.connect(show)
    window.add_action("project", action)
    refresh()
