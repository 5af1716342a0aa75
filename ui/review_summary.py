"""项目 → 年度审核汇总…: every project of a year with its grade and main reasons, for the
unit's finance chief; exported to Excel or printed as the 单位内部审核表.

The review runs in a worker (:func:`perfdesk.review.summary.summarize`); the workbook and the
PDF are written in a worker too. A double click opens the project to work on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.fileio import atomic_write
from perfdesk.progress import Steps
from perfdesk.review.summary import ReviewSummary, summarize
from ui import dialogs, jobs, settings
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from ui.surface import Window

NUMBER, NAME, UNIT, GRADE, SCORE, REASONS = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole


class ReviewSummaryDialog(QDialog):
    """The year's forms, weakest first; 导出Excel… and 打印审核表… write what is shown."""

    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.as_widget())
        self.setObjectName("reviewSummary")
        self.setWindowTitle(self.tr("年度审核汇总"))
        self.window_ = window
        self.summary: ReviewSummary | None = None
        self.job: jobs.Job | None = None

        self.year = QComboBox()
        self.year.setObjectName("summaryYear")
        for year in window.store.years():
            self.year.addItem(self.tr("%1年度").replace("%1", str(year)), year)
        open_project = window.project
        if open_project is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(open_project.year)))
        self.overview = QLabel()
        self.overview.setObjectName("summaryOverview")
        self.overview.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("summaryTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("序号"),
                self.tr("项目名称"),
                self.tr("实施单位"),
                self.tr("等级"),
                self.tr("得分"),
                self.tr("主要问题"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASONS, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((NUMBER, "序号"), (GRADE, "等级"), (SCORE, "100.0")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
        header.resizeSection(NAME, metrics.horizontalAdvance("中") * 16)
        header.resizeSection(UNIT, metrics.horizontalAdvance("中") * 8)
        self.table.setToolTip(self.tr("双击一行打开该项目"))
        self.table.cellDoubleClicked.connect(self._open_row)

        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setObjectName("summaryExcel")
        self.print_button = QPushButton(self.tr("打印审核表（PDF）…"))
        self.print_button.setObjectName("summaryPdf")
        close = QPushButton(self.tr("关闭"))
        self.export_button.clicked.connect(self.export_excel)
        self.print_button.clicked.connect(self.export_pdf)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.year)
        top.addWidget(self.overview, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        fit_to_screen(self, (1100, 640))
        self._show(None)

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> jobs.Job | None:
        """Review the chosen year's projects in a worker, then show them."""
        if self.job is not None and self.job.running:
            self.job.cancel()
        year = self.year.currentData()
        if year is None:
            return None
        self.window_.flush()
        self._show(None)
        self.overview.setText(self.tr("正在审核…"))
        database = self.window_.store.path

        def work(steps: Steps) -> ReviewSummary:
            with jobs.job_store(database) as store:
                return summarize(
                    store, year=year, progress=steps.progress, cancelled=steps.cancelled
                )

        self.job = jobs.runner(self.window_.as_widget()).start(
            self.tr("年度审核汇总"), work, done=self._loaded
        )
        return self.job

    def _loaded(self, summary: ReviewSummary) -> None:
        if summary.year == self.year.currentData():
            self._show(summary)

    def _show(self, summary: ReviewSummary | None) -> None:
        self.summary = summary
        rows = summary.rows if summary is not None else ()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (
                str(number + 1),
                row.name or self.tr("（未命名项目）"),
                row.unit,
                row.grade,
                f"{row.score:g}",
                row.reasons_text() or self.tr("（无）"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.project_id)
                if column in (NUMBER, GRADE, SCORE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column in (NAME, REASONS):
                    item.setToolTip(text)
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()
        if summary is not None:
            counts = self.tr("，").join(
                self.tr("%1 %2 个").replace("%1", grade).replace("%2", str(count))
                for grade, count in summary.counts()
            )
            self.overview.setText(
                self.tr("共 %1 个项目：%2").replace("%1", str(len(rows))).replace("%2", counts)
            )
        has_rows = bool(rows)
        self.export_button.setEnabled(has_rows)
        self.print_button.setEnabled(has_rows)

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, NAME)
        if item is not None:
            self.window_.open_project(int(item.data(ID_ROLE)))

    # -- writing ---------------------------------------------------------------------------

    def _output(self, title: str, suffix: str, filters: str) -> Path | None:
        if self.summary is None:
            return None
        suggested = self.tr("单位内部审核表（%1）").replace("%1", self.summary.period) + suffix
        return dialogs.output_file(self, title, filters, suggested, suffix)

    def export_excel(self) -> jobs.Job | None:
        title = self.tr("导出审核汇总")
        path = self._output(title, ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        summary = self.summary
        if path is None or summary is None:
            return None

        def work(steps: Steps) -> Path:
            from perfdesk.exporting.review_xlsx import export_summary_xlsx

            export_summary_xlsx(summary, path, progress=steps.progress, cancelled=steps.cancelled)
            return path

        return self._write(title, work)

    def export_pdf(self) -> jobs.Job | None:
        title = self.tr("打印审核表")
        path = self._output(title, ".pdf", self.tr("PDF 文件 (*.pdf)"))
        summary = self.summary
        if path is None or summary is None:
            return None
        chosen = self.window_.settings.get(settings.PRINT_FONT)

        def work(steps: Steps) -> Path:
            from perfdesk.printing import resolve_fonts  # the font is read here, not on screen
            from perfdesk.printing.review_sheet import render_review_sheet

            fonts = resolve_fonts(Path(chosen) if chosen else None)
            pdf = render_review_sheet(
                summary, fonts, progress=steps.progress, cancelled=steps.cancelled
            )
            steps.check()
            atomic_write(path, pdf)
            return path

        return self._write(title, work)

    def _write(self, title: str, work: jobs.Work) -> jobs.Job | None:
        runner = jobs.runner(self.window_.as_widget())

        def done(written: Path) -> None:
            runner.notify(self.tr("已写出审核汇总：%1").replace("%1", str(written)), written)

        return runner.start(title, work, done=done)


def open_summary(window: Window) -> ReviewSummaryDialog | None:
    if not window.store.years():
        dialogs.information(
            window.as_widget(),
            QCoreApplication.translate("review_summary", "年度审核汇总"),
            QCoreApplication.translate("review_summary", "还没有项目。"),
        )
        return None
    dialog = ReviewSummaryDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.load()
    return dialog
