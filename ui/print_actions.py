"""The window's printing actions: 打印预览…, 打印…, 导出PDF…, 打开PDF, 批量打印…, 打印字体….

The first four print the open project, 批量打印… the projects ticked in a list, all through
the same PDF the preview shows; 打印字体… chooses the font they print with. Installed into the
文件 menu's printing section.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.model import Project
from perfdesk.store import Store
from ui import dialogs, font_choice
from ui.check_panel import confirm_printing
from ui.fonts import print_fonts
from ui.print_preview import (
    PrintPreview,
    export_pdf,
    font_warnings,
    open_pdf,
    preview,
    render_with_progress,
    suggested_file_name,
)

if TYPE_CHECKING:
    from perfdesk.printing import FontSet
    from ui.main_window import MainWindow


def _rendered(window: MainWindow, projects: list[Project]) -> tuple[bytes, FontSet] | None:
    fonts = print_fonts(window.settings)
    pdf = render_with_progress(window, projects, fonts)
    return None if pdf is None else (pdf, fonts)


def _open_project(window: MainWindow) -> list[Project]:
    project = window.current_project()
    return [project] if project is not None else []


def _checked(window: MainWindow, projects: list[Project]) -> Callable[[], bool]:
    """Before printing: a form with errors is printed only if the officer says so."""
    return lambda: confirm_printing(window, projects)


def preview_open_project(window: MainWindow) -> PrintPreview | None:
    projects = _open_project(window)
    if not projects:
        return None
    return preview(window, projects, print_fonts(window.settings), _checked(window, projects))


def print_open_project(window: MainWindow) -> None:
    """Straight to the print dialog, after the form checks and saying what the font cannot
    draw."""
    projects = _open_project(window)
    if projects and not confirm_printing(window, projects):
        return
    rendered = _rendered(window, projects) if projects else None
    if rendered is None:
        return
    pdf, fonts = rendered
    warnings = font_warnings(projects, fonts)
    if warnings and not dialogs.confirm(
        window,
        QCoreApplication.translate("print_actions", "打印"),
        "\n\n".join([*warnings, QCoreApplication.translate("print_actions", "仍要打印吗？")]),
        action=QCoreApplication.translate("print_actions", "打印"),
    ):
        return
    job = PrintPreview(pdf, file_name=suggested_file_name(projects), parent=window)
    job.print_document()
    job.deleteLater()


def _write(window: MainWindow, write: Callable[[QWidget, bytes, str], Path | None]) -> None:
    projects = _open_project(window)
    rendered = _rendered(window, projects) if projects else None
    if rendered is None:
        return
    pdf, fonts = rendered
    warnings = font_warnings(projects, fonts)
    if write(window, pdf, suggested_file_name(projects)) and warnings:
        dialogs.warning(
            window, QCoreApplication.translate("print_actions", "PDF"), "\n\n".join(warnings)
        )


class BatchPrintDialog(QDialog):
    """Tick the projects to print into one PDF, each form starting on a new page."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPrint")
        self.setWindowTitle(self.tr("批量打印"))
        self.list = QListWidget(self)
        self.list.setObjectName("batchPrintList")
        unnamed = self.tr("（未命名项目）")
        for summary in store.list_projects():
            item = QListWidgetItem(f"{summary.year}  {summary.unit}  {summary.name or unnamed}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        every = QPushButton(self.tr("全选"), self)
        every.clicked.connect(lambda: self.check_all(True))
        none = QPushButton(self.tr("全不选"), self)
        none.clicked.connect(lambda: self.check_all(False))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("预览"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("选择要打印的项目（合为一个 PDF，每个项目另起一页）："), self)
        )
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]


def preview_projects(window: MainWindow, ids: list[int]) -> PrintPreview | None:
    """One preview of the forms of ``ids`` (after saving what is being typed)."""
    window.flush()
    projects = [window.store.get(project_id) for project_id in ids]
    if not projects:
        return None
    return preview(window, projects, print_fonts(window.settings), _checked(window, projects))


def batch_print(window: MainWindow) -> PrintPreview | None:
    dialog = BatchPrintDialog(window.store, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return preview_projects(window, dialog.chosen_ids())
    finally:
        dialog.deleteLater()


def choose_print_font(window: MainWindow) -> None:
    """The installed Chinese fonts by name, another TrueType file, or the system's fonts."""
    message = font_choice.choose_print_font(window, window.settings)
    if message:
        window.show_problem(message)


def install(window: MainWindow) -> None:
    def action(
        text: str, slot: Callable[[], object], name: str, shortcut: str | None = None
    ) -> QAction:
        act = QAction(text, window)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        window.add_action("file", act, section="print")
        return act

    for_open_project = [
        action(
            QCoreApplication.translate("print_actions", "打印预览…"),
            lambda: preview_open_project(window),
            "printPreviewAction",
            "Ctrl+P",
        ),
        action(
            QCoreApplication.translate("print_actions", "打印…"),
            lambda: print_open_project(window),
            "printAction",
            "Ctrl+Shift+P",
        ),
        action(
            QCoreApplication.translate("print_actions", "导出PDF…"),
            lambda: _write(window, export_pdf),
            "exportPdfAction",
            "Ctrl+Shift+E",
        ),
        action(
            QCoreApplication.translate("print_actions", "打开PDF"),
            lambda: _write(window, open_pdf),
            "openPdfAction",
        ),
    ]
    action(
        QCoreApplication.translate("print_actions", "批量打印…"),
        lambda: batch_print(window),
        "batchPrintAction",
    )
    action(
        QCoreApplication.translate("print_actions", "打印字体…"),
        lambda: choose_print_font(window),
        "printFontAction",
    )

    def update(_project_id: int = -1) -> None:
        for act in for_open_project:
            act.setEnabled(window.project is not None)

    window.projectChanged.connect(update)
    update()
