"""年度审核汇总 as an Excel workbook: one sheet, one row a project, weakest first."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from perfdesk.errors import PerfDeskError
from perfdesk.exporting.xlsx import FONT_NAME
from perfdesk.fileio import atomic_write
from perfdesk.progress import CancelCheck, Progress, Steps
from perfdesk.review.summary import ReviewSummary

SHEET_TITLE = "单位内部审核表"
COLUMNS = (
    ("序号", 6),
    ("年度", 8),
    ("实施单位", 20),
    ("项目名称", 36),
    ("等级", 6),
    ("得分", 8),
    ("主要问题", 70),
)
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def export_summary_xlsx(
    summary: ReviewSummary,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> None:
    """Write the summary to ``path``; cancelled (:mod:`perfdesk.progress`), nothing is written."""
    if not summary.rows:
        raise PerfDeskError("没有要汇总的项目")
    steps = Steps(progress, cancelled)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    workbook.properties.creator = "PerfDesk"
    last = len(COLUMNS)
    sheet.cell(1, 1, f"{SHEET_TITLE}（{summary.period}）").font = Font(
        name=FONT_NAME, size=16, bold=True
    )
    sheet.cell(1, 1).alignment = _CENTER
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    counts = "，".join(f"{grade} {count} 个" for grade, count in summary.counts())
    sheet.cell(2, 1, f"共 {len(summary.rows)} 个项目：{counts}").font = Font(name=FONT_NAME)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    for column, (heading, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(3, column, heading)
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.alignment, cell.border = _CENTER, _BOX
        sheet.column_dimensions[cell.column_letter].width = width
    total = len(summary.rows)
    for number, row in enumerate(summary.rows, start=1):
        steps(number - 1, total)
        values = (
            number,
            row.year,
            row.unit,
            row.name,
            row.grade,
            row.score,
            row.reasons_text(),
        )
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number + 3, column, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even "=100%"
            cell.font = Font(name=FONT_NAME)
            cell.alignment = _WRAP if column in (3, 4, 7) else _CENTER
            cell.border = _BOX
        sheet.cell(number + 3, 6).number_format = "0.0"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    steps(total, total)
    atomic_write(path, buffer.getvalue())
