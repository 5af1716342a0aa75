"""The window's printing actions: 打印预览…, 打印…, 导出PDF…, 打开PDF, 批量打印…, 打印字体….

The first four print the open project, 批量打印… the projects ticked in a list, all through
the same PDF the preview shows; 打印字体… chooses the font they print with. Installed into the
文件 menu's printing section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from perfdesk.progress import Steps
from perfdesk.store import Store
from ui import dialogs, font_choice, jobs, settings
from ui.check_panel import confirm_printing
from ui.import_export import ExportScope, ask_scope

# ui.print_preview (Qt's PDF and printing modules) loads with the first preview, not at start.
if TYPE_CHECKING:
    from perfdesk.printing.rendering import Rendered
    from ui.print_preview import PrintPreview
    from ui.surface import Window


def render_job(
    window: Window,
    title: str,
    done: Callable[[Rendered], object],
    *,
    projects: Sequence[Project] = (),
    ids: Sequence[int] = (),
    write_to: Path | None = None,
) -> jobs.Job | None:
    """Lay out ``projects`` in a worker, or the stored projects ``ids`` in a process of their
    own (a batch would hold the interpreter for long stretches and stall the window); then
    ``done(rendered)``. With ``ids`` and ``write_to`` the PDF is written there as well
    (nothing is written when cancelled)."""
    window.flush()
    chosen = window.settings.get(settings.PRINT_FONT)
    font = Path(chosen) if chosen else None
    database = window.store.path
    given, wanted = list(projects), list(ids)

    def work(steps: Steps) -> Rendered:
        if wanted:
            from perfdesk.apart import run_apart
            from perfdesk.printing.rendering import render_stored

            return run_apart(render_stored, database, wanted, font, write_to, steps=steps)
        # the font is read here, not on the window's thread
        from perfdesk.printing import resolve_fonts
        from perfdesk.printing.rendering import render

        return render(given, resolve_fonts(font), steps)

    return jobs.runner(window.as_widget()).start(title, work, done=done)


def _open_project(window: Window) -> list[Project]:
    project = window.current_project()
    return [project] if project is not None else []


def _checked(window: Window, projects: list[Project]) -> Callable[[], bool]:
    """Before printing: a form with errors is printed only if the officer says so."""
    return lambda: confirm_printing(window, projects)


def _exported(window: Window) -> Callable[[Path], None]:
    """After 导出PDF…: the window's status bar says where the file is."""
    return lambda path: jobs.runner(window.as_widget()).notify(
        QCoreApplication.translate("print_actions", "已导出PDF：%1").replace("%1", str(path)), path
    )


def show_preview(window: Window, rendered: Rendered) -> PrintPreview:
    from ui.print_preview import preview

    return preview(
        window.as_widget(), rendered, _checked(window, rendered.projects), _exported(window)
    )


def preview_open_project(window: Window) -> jobs.Job | None:
    """Lay out the open project in a worker, then show its preview."""
    projects = _open_project(window)
    if not projects:
        return None
    title = QCoreApplication.translate("print_actions", "排版")
    return render_job(window, title, lambda r: show_preview(window, r), projects=projects)


def print_open_project(window: Window) -> jobs.Job | None:
    """Straight to the print dialog, after the form checks and saying what the font cannot
    draw."""
    projects = _open_project(window)
    if not projects or not confirm_printing(window, projects):
        return None
    title = QCoreApplication.translate("print_actions", "打印")

    def send(rendered: Rendered) -> None:
        from ui.print_preview import PrintPreview, font_warnings, suggested_file_name

        warnings = font_warnings(rendered)
        if warnings and not dialogs.confirm(
            window.as_widget(),
            title,
            "\n\n".join([*warnings, QCoreApplication.translate("print_actions", "仍要打印吗？")]),
            action=title,
        ):
            return
        job = PrintPreview(
            rendered.pdf,
            file_name=suggested_file_name(rendered.projects),
            parent=window.as_widget(),
        )
        job.print_document()
        job.deleteLater()

    return render_job(window, title, send, projects=projects)


def export_pdf(window: Window) -> jobs.Job | None:
    """导出PDF…: the open, selected or listed projects into one PDF, written in a worker."""
    from ui.print_preview import font_warnings, suggested_file_name

    title = QCoreApplication.translate("print_actions", "导出PDF")
    ids = ask_scope(window, title, ExportScope.OPEN)
    if not ids:
        return None
    if len(ids) == 1 and ids == [window.current_project_id()]:
        suggested = suggested_file_name(_open_project(window))
    else:
        suggested = QCoreApplication.translate("print_actions", "绩效目标表（%1个项目）.pdf")
        suggested = suggested.replace("%1", str(len(ids)))
    path = dialogs.output_file(
        window.as_widget(),
        title,
        QCoreApplication.translate("print_actions", "PDF 文件 (*.pdf)"),
        suggested,
        ".pdf",
    )
    if path is None:
        return None

    def done(rendered: Rendered) -> None:
        _exported(window)(path)
        warnings = font_warnings(rendered)
        if warnings:
            dialogs.warning(window.as_widget(), title, "\n\n".join(warnings))

    return render_job(window, title, done, ids=ids, write_to=path)


def open_as_pdf(window: Window) -> jobs.Job | None:
    """打开PDF: the open project's PDF in the system's viewer."""
    projects = _open_project(window)
    if not projects:
        return None
    title = QCoreApplication.translate("print_actions", "打开PDF")

    def done(rendered: Rendered) -> None:
        from ui.print_preview import font_warnings, open_pdf, suggested_file_name

        open_pdf(window.as_widget(), rendered.pdf, suggested_file_name(rendered.projects))
        warnings = font_warnings(rendered)
        if warnings:
            dialogs.warning(window.as_widget(), title, "\n\n".join(warnings))

    return render_job(window, title, done, projects=projects)


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


def preview_projects(window: Window, ids: list[int]) -> jobs.Job | None:
    """One preview of the forms of ``ids``, read and laid out in a worker."""
    if not ids:
        return None
    title = QCoreApplication.translate("print_actions", "批量排版")
    return render_job(window, title, lambda r: show_preview(window, r), ids=ids)


def batch_print(window: Window) -> jobs.Job | None:
    dialog = BatchPrintDialog(window.store, window.as_widget())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return preview_projects(window, dialog.chosen_ids())
    finally:
        dialog.deleteLater()


def choose_print_font(window: Window) -> None:
    """The installed Chinese fonts by name, another TrueType file, or the system's fonts."""
    message = font_choice.choose_print_font(window.as_widget(), window.settings)
    if message:
        window.show_problem(message)


def install(window: Window) -> None:
    def action(
        text: str, slot: Callable[[], object], name: str, shortcut: str | None = None
    ) -> QAction:
        act = QAction(text, window.as_widget())
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
            QCoreApplication.translate("print_actions", "打开PDF"),
            lambda: open_as_pdf(window),
            "openPdfAction",
        ),
    ]
    # the open, the selected or the listed projects: not only while a project is open
    action(
        QCoreApplication.translate("print_actions", "导出PDF…"),
        lambda: export_pdf(window),
        "exportPdfAction",
        "Ctrl+Shift+E",
    )
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
