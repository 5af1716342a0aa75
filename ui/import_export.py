"""文件 ▸ 导入… / 导出Excel… / 导出Word…: forms in from PDF, text, Excel or JSON (read in a
worker, previewed, then stored as one undo step), and projects out to Excel or Word (the
open one, the selected ones or all listed, written in a worker).

:class:`ExportScope` asks which projects go out; 导出PDF… (``ui.print_actions``) uses it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.exporting.stored import ExportKind, export_stored
from perfdesk.progress import Steps
from ui import dialogs, jobs

if TYPE_CHECKING:
    from perfdesk.importing import ImportResult
    from ui.import_dialog import ImportPreview
    from ui.surface import Window


def run_preview(preview: ImportPreview) -> bool:
    """Show the preview modally; True when the officer confirms. Tests replace this."""
    return preview.exec() == preview.DialogCode.Accepted


def import_files(window: Window, paths: list[Path]) -> jobs.Job | None:
    """Read every file in a worker; then preview and store the chosen projects as one step."""
    window.flush()
    title = QCoreApplication.translate("import_export", "导入")

    def work(steps: Steps) -> ImportResult:
        from perfdesk.importing import read_many  # the readers load here, not at start

        # every file read first: a bad file imports nothing
        return read_many(paths, progress=steps.progress, cancelled=steps.cancelled)

    return jobs.runner(window.as_widget()).start(
        title, work, done=lambda result: store_imported(window, result)
    )


def store_imported(window: Window, result: ImportResult) -> list[int]:
    """Preview what was read; store the chosen projects as one undo step; their ids."""
    title = QCoreApplication.translate("import_export", "导入")
    if not result.forms:
        lines = [str(w) for w in result.all_warnings()[:20]]
        dialogs.warning(
            window.as_widget(),
            title,
            "\n".join(
                [QCoreApplication.translate("import_export", "没有识别出任何项目。"), *lines]
            ),
        )
        return []
    from ui.import_dialog import ImportPreview  # (loads with the first import, not at start)

    stored = [window.store.same_form(form.project) for form in result.forms]
    preview = ImportPreview(result, window.as_widget(), stored)
    try:
        if not run_preview(preview):
            return []
        projects = preview.chosen()
        choices = preview.choices()
    finally:
        preview.deleteLater()
    window.flush()
    description = QCoreApplication.translate("import_export", "导入 %1 个项目").replace(
        "%1", str(len(projects))
    )
    outcome = window.history.import_projects(projects, choices, description)
    ids = outcome.added + [project_id for project_id, _ in outcome.replaced]
    window.reload_projects(select=ids[0] if ids else None)
    window.show_problem(
        QCoreApplication.translate("import_export", "已导入 %1 个项目，替换 %2 个，跳过 %3 个")
        .replace("%1", str(len(outcome.added)))
        .replace("%2", str(len(outcome.replaced)))
        .replace("%3", str(len(outcome.skipped)))
    )
    return ids


def choose_and_import(window: Window) -> jobs.Job | None:
    paths = dialogs.open_files(
        window.as_widget(),
        QCoreApplication.translate("import_export", "导入绩效目标表"),
        QCoreApplication.translate(
            "import_export",
            "绩效目标表 (*.pdf *.txt *.docx *.xlsx *.json);;PDF (*.pdf);;文本 (*.txt);;"
            "Word 文档 (*.docx);;Excel 工作簿 (*.xlsx);;PerfDesk 交换文件 (*.json)",
        ),
    )
    return import_files(window, paths) if paths else None


# -- which projects go out -------------------------------------------------------------------


@dataclass(frozen=True)
class Choices:
    """The projects an export can take, by id, in the list's order."""

    open: list[int]
    selected: list[int]
    listed: list[int]


def export_choices(window: Window) -> Choices:
    """The open project, the rows selected in the list and every row it shows (its year,
    unit and search filters apply)."""
    opened = window.current_project_id()
    return Choices(
        open=[opened] if opened is not None else [],
        selected=window.selected_project_ids(),
        listed=window.listed_project_ids(),
    )


class ExportScope(QDialog):
    """Which projects to export: the open one, the selected ones or all listed, each with
    its count."""

    OPEN, SELECTED, LISTED = range(3)

    def __init__(
        self, choices: Choices, title: str, default: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportScope")
        self.setWindowTitle(title)
        self.choices = choices
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("导出哪些项目？"), self))
        options = (
            (self.OPEN, self.tr("当前打开的项目（%1 个）"), choices.open),
            (self.SELECTED, self.tr("列表中选中的项目（%1 个）"), choices.selected),
            (self.LISTED, self.tr("列表中的全部项目（%1 个）"), choices.listed),
        )
        for key, text, ids in options:
            button = QRadioButton(text.replace("%1", str(len(ids))), self)
            button.setObjectName(("scopeOpen", "scopeSelected", "scopeListed")[key])
            # selecting one row is opening it: "selected" means something only for several
            button.setEnabled(len(ids) > (1 if key == self.SELECTED else 0))
            self.group.addButton(button, key)
            layout.addWidget(button)
        enabled = [b for b in self.group.buttons() if b.isEnabled()]
        preferred = self.group.button(default)
        if self.group.button(self.SELECTED).isEnabled():
            preferred = self.group.button(self.SELECTED)  # the officer picked them just now
        (preferred if preferred.isEnabled() else enabled[0] if enabled else preferred).setChecked(
            True
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出…"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(enabled))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        key = self.group.checkedId()
        if key == self.OPEN:
            return self.choices.open
        if key == self.SELECTED:
            return self.choices.selected
        return self.choices.listed if key == self.LISTED else []


def run_scope(dialog: ExportScope) -> bool:
    """Show the choice modally; True when the officer goes on. Tests replace this."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_scope(window: Window, title: str, default: int) -> list[int]:
    """The ids of the projects to export, or [] when the officer cancels or there are none."""
    window.flush()
    choices = export_choices(window)
    if not (choices.open or choices.listed):
        dialogs.information(
            window.as_widget(),
            title,
            QCoreApplication.translate("import_export", "没有项目可以导出。"),
        )
        return []
    dialog = ExportScope(choices, title, default, window.as_widget())
    try:
        return dialog.chosen() if run_scope(dialog) else []
    finally:
        dialog.deleteLater()


def suggested_name(count: int, suffix: str) -> str:
    return (
        QCoreApplication.translate("import_export", "绩效目标表（%1个项目）").replace(
            "%1", str(count)
        )
        + suffix
    )


def export_projects(window: Window, title: str, kind: ExportKind, filters: str) -> jobs.Job | None:
    """Ask which projects and where; then read and write them in a process of their own (a
    large export would hold the interpreter for long stretches and stall the window)."""
    ids = ask_scope(window, title, ExportScope.LISTED)
    if not ids:
        return None
    suffix = f".{kind}"
    path = dialogs.output_file(
        window.as_widget(), title, filters, suggested_name(len(ids), suffix), suffix
    )
    if path is None:
        return None
    database = window.store.path

    def work(steps: Steps) -> Path:
        from perfdesk.apart import run_apart

        return run_apart(export_stored, kind, database, ids, path, steps=steps)

    def done(written: Path) -> None:
        jobs.runner(window.as_widget()).notify(
            QCoreApplication.translate("import_export", "已导出 %1 个项目到 %2")
            .replace("%1", str(len(ids)))
            .replace("%2", str(written)),
            written,
        )

    return jobs.runner(window.as_widget()).start(title, work, done=done)


def export_excel(window: Window) -> jobs.Job | None:
    return export_projects(
        window,
        QCoreApplication.translate("import_export", "导出Excel"),
        ExportKind.XLSX,
        QCoreApplication.translate("import_export", "Excel 工作簿 (*.xlsx)"),
    )


def export_word(window: Window) -> jobs.Job | None:
    return export_projects(
        window,
        QCoreApplication.translate("import_export", "导出Word"),
        ExportKind.DOCX,
        QCoreApplication.translate("import_export", "Word 文档 (*.docx)"),
    )


def install(window: Window) -> None:
    parent = window.as_widget()
    act_import = QAction(QCoreApplication.translate("import_export", "导入…"), parent)
    act_import.setObjectName("importAction")
    act_import.setShortcut(QKeySequence("Ctrl+I"))
    act_import.setToolTip(
        QCoreApplication.translate("import_export", "从 PDF、文本、Excel 或交换文件导入绩效目标表")
    )
    act_import.triggered.connect(lambda: choose_and_import(window))
    window.add_action("file", act_import, section="exchange")

    act_excel = QAction(QCoreApplication.translate("import_export", "导出Excel…"), parent)
    act_excel.setObjectName("exportExcelAction")
    act_excel.setToolTip(
        QCoreApplication.translate(
            "import_export", "把当前、选中或列表中的项目导出为 Excel 工作簿，每个项目一张工作表"
        )
    )
    act_excel.triggered.connect(lambda: export_excel(window))
    window.add_action("file", act_excel, section="exchange")

    act_word = QAction(QCoreApplication.translate("import_export", "导出Word…"), parent)
    act_word.setObjectName("exportWordAction")
    act_word.setToolTip(
        QCoreApplication.translate("import_export", "把当前、选中或列表中的项目导出为 Word 文档")
    )
    act_word.triggered.connect(lambda: export_word(window))
    window.add_action("file", act_word, section="exchange")
