"""Excel export: one sheet per project, laid out like the printed form.

Merged cells, thin borders, wrapped text, a Chinese font, A4 portrait fitted to the page width.
Every value is kept exactly (text as text, amounts as numbers), so that
:mod:`perfdesk.importing.xlsx` reads the same projects back.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.errors import PerfDeskError
from perfdesk.exporting.grid import Cell, Role, form_grid
from perfdesk.fileio import atomic_write
from perfdesk.layouts import Layout
from perfdesk.model import Project
from perfdesk.progress import CancelCheck, Progress, Steps

FONT_NAME = "宋体"  # SimSun: present on every Chinese Windows, understood by WPS
_SIZE = 11
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MAX_EXACT_DIGITS = 15  # what a spreadsheet number holds exactly

_FONTS = {
    Role.TITLE: Font(name=FONT_NAME, size=16, bold=True),
    Role.LABEL: Font(name=FONT_NAME, size=_SIZE, bold=True),
    Role.SECTION: Font(name=FONT_NAME, size=_SIZE, bold=True),
    Role.HEADING: Font(name=FONT_NAME, size=_SIZE + 1, bold=True),
    Role.COLUMN: Font(name=FONT_NAME, size=_SIZE, bold=True),
}
_PLAIN = Font(name=FONT_NAME, size=_SIZE)


def _align(horizontal: str, vertical: str = "center") -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)


_ALIGNMENTS = {
    Role.TITLE: _align("center"),
    Role.CAPTION: _align("center"),
    Role.LABEL: _align("center"),
    Role.VALUE: _align("left"),
    Role.MONEY: _align("right"),
    Role.SECTION: _align("left"),
    Role.TEXT: _align("left", "top"),
    Role.HEADING: _align("center"),
    Role.COLUMN: _align("center"),
    Role.LEVEL: _align("center"),
    Role.NAME: _align("left"),
    Role.TARGET: _align("center"),
}
_UNBOXED = {Role.TITLE, Role.CAPTION}


def export_xlsx(
    projects: list[Project],
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> None:
    """Write the workbook to ``path``; cancelled (:mod:`perfdesk.progress`), no file is written."""
    steps = Steps(progress, cancelled)
    data = workbook_bytes(projects, steps)
    steps.check()
    atomic_write(path, data)


def workbook_bytes(projects: list[Project], steps: Steps | None = None) -> bytes:
    """The workbook; ``steps`` hears of each sheet and of the saving (one more step)."""
    if not projects:
        raise PerfDeskError("没有要导出的项目")
    steps = steps or Steps()
    total = len(projects) + 1
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "PerfDesk"
    titles: set[str] = set()
    for number, project in enumerate(projects, start=1):
        steps(number - 1, total)
        sheet = workbook.create_sheet(sheet_title(project, number, titles))
        _fill_sheet(sheet, project)
    steps(len(projects), total)
    buffer = io.BytesIO()
    workbook.save(buffer)
    steps(total, total)
    return buffer.getvalue()


def sheet_title(project: Project, number: int, taken: set[str]) -> str:
    """The project name as a sheet name: no []:*?/\\, at most 31 characters, unique."""
    base = re.sub(r"[\[\]:*?/\\：]", "", project.name).strip().strip("'") or f"项目{number}"
    title = base[:31]
    counter = 2
    while title.casefold() in taken:
        suffix = f"({counter})"
        title = base[: 31 - len(suffix)] + suffix
        counter += 1
    taken.add(title.casefold())
    return title


def _fill_sheet(sheet: Worksheet, project: Project) -> None:
    grid = form_grid(project)
    for col, width in enumerate(grid.widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    for row in range(grid.rows):
        sheet.row_dimensions[row + 1].height = grid.row_height(row)
    for cell in grid.cells:
        _put(sheet, cell, project.spec)
    breaks = [*grid.page_starts, *([grid.targets_row] if grid.table_on_new_page() else [])]
    for row in sorted(breaks):
        sheet.row_breaks.append(Break(id=row))  # a break after the row above
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.sheet_view.showGridLines = False


def _put(sheet: Worksheet, cell: Cell, layout: Layout) -> None:
    target = sheet.cell(row=cell.row + 1, column=cell.col + 1)
    if cell.role is Role.MONEY:
        # in the layout's unit (万元 on the central template), exactly: the scale is a power of ten
        amount = None if cell.amount is None else cell.amount / layout.money_scale
        target.value, target.number_format = _money(amount, layout.money_decimals)
    elif cell.text:
        target.value = cell.text
        target.data_type = "s"  # text stays text, even "=100%"
    target.font = _FONTS.get(cell.role, _PLAIN)
    target.alignment = _ALIGNMENTS[cell.role]
    if cell.role not in _UNBOXED:
        target.border = _BOX
    if cell.rowspan > 1 or cell.colspan > 1:
        # borders go on the first cell before merging: openpyxl copies them round the range
        sheet.merge_cells(
            start_row=cell.row + 1,
            start_column=cell.col + 1,
            end_row=cell.row + cell.rowspan,
            end_column=cell.col + cell.colspan,
        )


def _money(amount: Decimal | None, decimals: int) -> tuple[Any, str]:
    """A number Excel can add up, with thousands separators and the layout's decimals (more
    when typed); as text if a number would not hold it exactly."""
    if amount is None:
        return None, "General"
    exponent = amount.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    digits = len(amount.as_tuple().digits)
    if digits > _MAX_EXACT_DIGITS:
        return format(amount, "f"), "@"
    if places == 0 and decimals == 0:
        return int(amount), "#,##0"
    shown = max(decimals, places, 2)
    return (float(amount) if places else int(amount)), "#,##0." + "0" * shown
