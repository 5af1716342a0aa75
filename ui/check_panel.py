"""The 检查 dock: the open project's errors and warnings; a click takes the officer there.

The checks themselves are :func:`perfdesk.checks.check`; this module only shows them, keeps
them current as the project is edited, and finds the widget a finding points at.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk.checks import Finding, FontCheck, Location, check, has_errors, tree_path
from perfdesk.model import Project
from ui import dialogs, settings
from ui.fonts import print_fonts

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_DELAY_MS = 250  # typing saves often; checking once it pauses is enough
FONT_POLL_MS = 100
# Not during start-up: the font is parsed in Python, which would slow the window's first paint.
FONT_LOAD_DELAY_MS = 1000


class CheckPanel(QWidget):
    """A list of findings, errors first, with a one-line summary above it."""

    findingActivated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("checkList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("检查结果"))
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []
        self.show_findings(None)

    def sizeHint(self) -> QSize:
        # The summary and three findings: the form above keeps the room; the officer can drag
        # the dock taller when a form has many findings.
        return QSize(480, self.fontMetrics().lineSpacing() * 5)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().lineSpacing() * 3)

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


def focus_location(window: MainWindow, location: Location) -> bool:
    """Show and focus the widget of ``location`` in the window; False if there is none."""
    if location.kind == "year":
        window.year_box.setFocus(Qt.FocusReason.OtherFocusReason)
        window.year_box.selectAll()
        return True
    if location.kind == "indicator":
        project = window.project
        path = tree_path(project, location) if project is not None else []
        view = window.indicators.view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not path:
            return False
        index = window.indicator_model.index_at(path)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        return True
    prefix = {"field": "field:", "budget": "budget:", "section": "section:"}[location.kind]
    widget = window.findChild(QWidget, f"{prefix}{location.key}")
    if widget is None:
        return False
    if isinstance(widget, QPlainTextEdit):  # a section: bring its tab forward first
        tabs = window.sections.tabs
        tabs.setCurrentWidget(widget)
    _reveal(widget)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def _reveal(widget: QWidget) -> None:
    """Make tab pages holding ``widget`` current (a widget on a hidden tab cannot take focus)."""
    parent = widget.parentWidget()
    child = widget
    while parent is not None:
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def findings_for(project: Project | None, font_check: FontCheck | None) -> list[Finding] | None:
    if project is None:
        return None
    return check(project, font_can_draw=font_check)


def print_font_check(prefs: settings.Settings) -> FontCheck:
    """Whether the font the forms are printed with (the one picked in the settings, or the
    system's) draws a character."""
    fonts = print_fonts(prefs)
    return lambda ch: bool(fonts.can_draw(fonts.regular, ch))


# Reading the print font means loading ReportLab and parsing a CJK font file of many megabytes:
# a few tenths of a second, done beside the window's start instead of before it.
_font_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="print-font")


def confirm_printing(window: MainWindow, projects: list[Project]) -> bool:
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
        window,
        QCoreApplication.translate("check_panel", "表格有错误"),
        QCoreApplication.translate(
            "check_panel", "以下项目的表格检查出错误，打印出来可能被退回：\n%1\n\n仍要打印吗？"
        ).replace("%1", names),
        action=QCoreApplication.translate("check_panel", "仍然打印"),
    )


def install(window: MainWindow) -> None:
    panel = CheckPanel()
    # Below the form, like a problems list: the form keeps its full width.
    dock = window.add_dock(
        panel,
        QCoreApplication.translate("check_panel", "检查"),
        object_name="checkPanel",
        area=Qt.DockWidgetArea.BottomDockWidgetArea,
    )
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
    window.projectEdited.connect(lambda _id: timer.start())
    panel.findingActivated.connect(lambda finding: focus_location(window, finding.location))

    action = QAction(QCoreApplication.translate("check_panel", "检查表格"), window)
    action.setObjectName("checkAction")
    action.setShortcut(QKeySequence("F7"))

    def show() -> None:
        window.flush()
        refresh()
        dock.show()
        dock.raise_()
        panel.list.setFocus()

    action.triggered.connect(show)
    window.add_action("project", action)
    refresh()
