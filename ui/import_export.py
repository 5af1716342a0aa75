"""文件 ▸ 导入… / 导出Excel… / 导出Word…: forms in from PDF, text, Excel or JSON (previewed,
then stored as one undo step), and the listed projects out to Excel or Word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from perfdesk.errors import PerfDeskError
from perfdesk.importing import read_many
from perfdesk.model import Project
from ui import dialogs
from ui.import_dialog import ImportPreview

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def run_preview(preview: ImportPreview) -> bool:
    """Show the preview modally; True when the officer confirms. Tests replace this."""
    return preview.exec() == ImportPreview.DialogCode.Accepted


def import_files(window: MainWindow, paths: list[Path]) -> list[int]:
    """Read every file, preview, store the chosen projects as one step; their ids."""
    window.flush()
    title = QCoreApplication.translate("import_export", "导入")
    try:
        result = read_many(paths)  # every file read first: a bad file imports nothing
    except PerfDeskError as exc:
        dialogs.error(window, title, str(exc))
        return []
    if not result.forms:
        lines = [str(w) for w in result.all_warnings()[:20]]
        dialogs.warning(
            window,
            title,
            "\n".join(
                [QCoreApplication.translate("import_export", "没有识别出任何项目。"), *lines]
            ),
        )
        return []
    preview = ImportPreview(result, window)
    if not run_preview(preview):
        return []
    projects = preview.chosen()
    description = QCoreApplication.translate("import_export", "导入 %1 个项目").replace(
        "%1", str(len(projects))
    )
    ids = window.history.create_many(projects, description)
    window.reload_projects(select=ids[0] if ids else None)
    window.show_problem(
        QCoreApplication.translate("import_export", "已导入 %1 个项目").replace("%1", str(len(ids)))
    )
    return ids


def choose_and_import(window: MainWindow) -> None:
    paths = dialogs.open_files(
        window,
        QCoreApplication.translate("import_export", "导入绩效目标表"),
        QCoreApplication.translate(
            "import_export",
            "绩效目标表 (*.pdf *.txt *.xlsx *.json);;PDF (*.pdf);;文本 (*.txt);;"
            "Excel 工作簿 (*.xlsx);;PerfDesk 交换文件 (*.json)",
        ),
    )
    if paths:
        import_files(window, paths)


def listed_projects(window: MainWindow) -> list[Project]:
    """The projects the list shows (its year, unit and search filters apply), in its order."""
    window.flush()
    model = window.project_list.model
    return [window.store.get(model.summary(row).id) for row in range(model.rowCount())]


def export_listed(
    window: MainWindow, suffix: str, filters: str, write: Callable[[list[Project], Path], None]
) -> Path | None:
    projects = listed_projects(window)
    title = QCoreApplication.translate("import_export", "导出")
    if not projects:
        dialogs.information(
            window, title, QCoreApplication.translate("import_export", "列表中没有项目可以导出。")
        )
        return None
    suggested = QCoreApplication.translate("import_export", "绩效目标表") + suffix
    path = dialogs.output_file(window, title, filters, suggested, suffix)
    if path is None:
        return None
    try:
        write(projects, path)
    except PerfDeskError as exc:
        dialogs.error(window, title, str(exc))
        return None
    window.show_problem(
        QCoreApplication.translate("import_export", "已导出 %1 个项目到 %2")
        .replace("%1", str(len(projects)))
        .replace("%2", str(path))
    )
    return path


def export_excel(window: MainWindow) -> Path | None:
    from perfdesk.exporting.xlsx import export_xlsx

    return export_listed(
        window,
        ".xlsx",
        QCoreApplication.translate("import_export", "Excel 工作簿 (*.xlsx)"),
        export_xlsx,
    )


def export_word(window: MainWindow) -> Path | None:
    from perfdesk.exporting.docx import export_docx

    return export_listed(
        window,
        ".docx",
        QCoreApplication.translate("import_export", "Word 文档 (*.docx)"),
        export_docx,
    )


def install(window: MainWindow) -> None:
    act_import = QAction(QCoreApplication.translate("import_export", "导入…"), window)
    act_import.setObjectName("importAction")
    act_import.setShortcut(QKeySequence("Ctrl+I"))
    act_import.setToolTip(
        QCoreApplication.translate("import_export", "从 PDF、文本、Excel 或交换文件导入绩效目标表")
    )
    act_import.triggered.connect(lambda: choose_and_import(window))
    window.add_action("file", act_import, section="exchange")

    act_excel = QAction(QCoreApplication.translate("import_export", "导出Excel…"), window)
    act_excel.setObjectName("exportExcelAction")
    act_excel.setToolTip(
        QCoreApplication.translate(
            "import_export", "把列表中的项目导出为 Excel 工作簿，每个项目一张工作表"
        )
    )
    act_excel.triggered.connect(lambda: export_excel(window))
    window.add_action("file", act_excel, section="exchange")

    act_word = QAction(QCoreApplication.translate("import_export", "导出Word…"), window)
    act_word.setObjectName("exportWordAction")
    act_word.setToolTip(
        QCoreApplication.translate("import_export", "把列表中的项目导出为 Word 文档")
    )
    act_word.triggered.connect(lambda: export_word(window))
    window.add_action("file", act_word, section="exchange")
