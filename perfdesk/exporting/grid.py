"""The printed form as a grid of cells: what the Excel and Word exports lay out, and what the
Excel reader finds its way back by.

Four columns, as in the indicator table (一级 | 二级 | 三级 | 指标值), one more for each further
value column of the layout (中期指标值 | 年度指标值); the header and budget put label | value |
label | value on the same columns, the last value spanning to the right edge. Everything is
derived from the layout.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from perfdesk.errors import PerfDeskError
from perfdesk.layouts import FORM, Layout
from perfdesk.model import Project

COLUMNS = 4
# Column widths in Excel's units (about one Latin character; a Chinese character takes two).
# Together they fill an A4 page in portrait at 11 pt.
COLUMN_WIDTHS = (20.0, 22.0, 30.0, 20.0)
LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 400.0  # Excel refuses rows taller than 409 pt
PAGE_HEIGHT = 720.0  # points of rows that fit on an A4 page between the margins


def column_widths(layout: Layout) -> tuple[float, ...]:
    """The grid's column widths for ``layout``: further value columns share the room of the
    三级 and 指标值 columns with them (the page stays as wide)."""
    count = len(layout.value_headings)
    if count == 1:
        return COLUMN_WIDTHS
    level1, level2, name, value = COLUMN_WIDTHS
    each = round((name + value) / (count + 1.5), 1)
    return (level1, level2, name + value - count * each, *[each] * count)


# Control characters neither an .xlsx nor a .docx (both XML) can hold.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Role(StrEnum):
    TITLE = "title"
    CAPTION = "caption"
    LABEL = "label"  # a field or amount label, beside its value
    VALUE = "value"
    MONEY = "money"
    SECTION = "section"  # a narrative's label, full width
    TEXT = "text"  # a narrative, full width
    HEADING = "heading"  # budget and targets headings
    COLUMN = "column"  # the indicator table's column headings
    LEVEL = "level"  # 一级 / 二级, merged down over their rows
    NAME = "name"
    TARGET = "target"


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    role: Role
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    amount: Decimal | None = None  # for MONEY cells
    key: str = ""  # the field, section or amount the cell shows


@dataclass
class FormGrid:
    cells: list[Cell]
    rows: int
    row_lines: list[int]  # estimated lines of text per row, for row heights
    targets_row: int  # the row of the targets heading: where the indicator table starts
    widths: tuple[float, ...]
    form_row: int  # the title's row
    form_end: int  # the row after the indicator table
    document_rows: tuple[int, ...]  # the heading rows of the documents that travel with it

    @property
    def page_starts(self) -> list[int]:
        """The rows that start a page, as in the print: each document and the form."""
        return sorted({*self.document_rows, self.form_row} - {0})

    @property
    def columns(self) -> int:
        return len(self.widths)

    def row_height(self, row: int) -> float:
        return min(MAX_ROW_HEIGHT, self.row_lines[row] * LINE_HEIGHT + 6)

    def table_on_new_page(self) -> bool:
        """Whether the indicator table should start a page: it would be split otherwise, and
        fits on one page by itself."""
        heights = [self.row_height(row) for row in range(self.form_row, self.form_end)]
        before = sum(heights[: self.targets_row - self.form_row])
        table = sum(heights[self.targets_row - self.form_row :])
        return before + table > PAGE_HEIGHT and table <= PAGE_HEIGHT


def display_width(text: str) -> int:
    """Width in Latin characters: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` characters wide."""
    usable = max(width - 2, 4)
    return sum(max(1, math.ceil(display_width(p) / usable)) for p in text.split("\n"))


def split_paragraphs(text: str, width: float) -> list[str]:
    """A narrative cut, at line breaks only, into pieces that each fit one row's height."""
    limit = int(MAX_ROW_HEIGHT // LINE_HEIGHT) - 1
    pieces: list[str] = []
    current: list[str] = []
    for paragraph in text.split("\n"):
        if current and text_lines("\n".join([*current, paragraph]), width) > limit:
            pieces.append("\n".join(current))
            current = []
        current.append(paragraph)
    pieces.append("\n".join(current))
    return pieces


def form_grid(project: Project) -> FormGrid:
    layout = project.spec
    widths = column_widths(layout)
    columns = len(widths)
    full = sum(widths)
    cells: list[Cell] = []
    lines: list[int] = []

    def row(*row_cells: Cell) -> None:
        cells.extend(row_cells)
        height = 1
        for cell in row_cells:
            if cell.rowspan == 1:
                width = sum(widths[cell.col : cell.col + cell.colspan])
                height = max(height, text_lines(cell.text, width))
        lines.append(height)

    def r() -> int:
        return len(lines)

    def section(label: str) -> None:
        row(Cell(r(), 0, Role.SECTION, label, colspan=columns, key=label))
        for piece in split_paragraphs(project.sections.get(label, ""), full):
            row(Cell(r(), 0, Role.TEXT, piece, colspan=columns, key=label))

    document_rows: list[int] = []

    def attached(documents: list[str]) -> None:
        """The documents that travel with the form, each under its heading."""
        for document in documents:
            document_rows.append(r())
            row(Cell(r(), 0, Role.HEADING, document, colspan=columns, key=document))
            for part in layout.parts_of(document):
                if part.heading and part.heading != document:
                    row(Cell(r(), 0, Role.HEADING, part.heading, colspan=columns))
                for label in part.sections:
                    section(label)

    # in the printed order: the documents that travel with the form on pages of their own,
    # before the form (as published) or after it
    documents = [document for document in layout.documents if document != FORM]
    if layout.documents_first:
        attached(documents)
    form_row = r()
    row(Cell(r(), 0, Role.TITLE, layout.title, colspan=columns))
    lines[-1] = 2  # the title is set large
    row(Cell(r(), 0, Role.CAPTION, layout.caption(project.year), colspan=columns))

    def header() -> None:
        for labels in layout.header_rows():
            pair: list[Cell] = []
            for n, label in enumerate(labels):
                last = n == len(labels) - 1
                span = columns - 1 - 2 * n if last else 1
                value = project.fields.get(label, "")
                pair.append(Cell(r(), 2 * n, Role.LABEL, label, key=label))
                pair.append(Cell(r(), 2 * n + 1, Role.VALUE, value, colspan=span, key=label))
            row(*pair)

    def narratives() -> None:
        """The form's parts under their headings; the holding section only when something
        waits in it (never printed, but an export must not lose it)."""
        for part in layout.parts_of(FORM):
            if part.heading and part.heading != FORM:
                row(Cell(r(), 0, Role.HEADING, part.heading, colspan=columns))
            for label in part.sections:
                section(label)
        holding = layout.holding_section
        if holding and project.sections.get(holding, "").strip():
            section(holding)

    def budget() -> None:
        row(Cell(r(), 0, Role.HEADING, layout.budget_heading, colspan=columns))
        # two amounts to a grid row: a budget of more columns continues on the next row
        grid_rows = [line[i : i + 2] for line in layout.budget_grid for i in range(0, len(line), 2)]
        for labels in grid_rows:
            pair = []
            for n, label in enumerate(labels):
                if not label:
                    continue  # a shorter column: its cells stay empty
                last = n == len(labels) - 1
                span = columns - 1 - 2 * n if last else 1
                amount = project.budget.get(label)
                pair.append(Cell(r(), 2 * n, Role.LABEL, layout.budget_label(label), key=label))
                pair.append(
                    Cell(r(), 2 * n + 1, Role.MONEY, "", colspan=span, amount=amount, key=label)
                )
            row(*pair)

    # the form's parts in the printed order; the title and the targets table stay where
    # the readers expect them (first and last)
    parts = {"header": header, "narratives": narratives, "budget": budget}
    for name in layout.print_order:
        if name in parts:
            parts[name]()

    targets_row = r()
    row(Cell(r(), 0, Role.HEADING, layout.targets_caption(project.year), colspan=columns))
    row(*(Cell(r(), n, Role.COLUMN, text) for n, text in enumerate(layout.table_columns)))
    _indicator_rows(project, cells, lines, widths)
    form_end = r()
    if not layout.documents_first:
        attached(documents)
    grid = FormGrid(
        cells, len(lines), lines, targets_row, widths, form_row, form_end, tuple(document_rows)
    )
    for cell in cells:
        if _UNWRITABLE.search(cell.text):
            raise PerfDeskError(
                f"项目“{project.name}”中含有无法导出的控制字符，请删除后再导出：{cell.text[:30]}"
            )
    return grid


def _indicator_rows(
    project: Project, cells: list[Cell], lines: list[int], widths: tuple[float, ...]
) -> None:
    rows = project.rows()
    first = len(lines)
    for n, item in enumerate(rows):
        values = project.spec.row_values(item.target, item.other_values)
        height = max(
            text_lines(text, widths[col]) for col, text in enumerate((item.name, *values), 2)
        )
        cells.append(Cell(first + n, 2, Role.NAME, item.name))
        cells.extend(
            Cell(first + n, col, Role.TARGET, value) for col, value in enumerate(values, 3)
        )
        lines.append(height)
    # 一级 and 二级 merged down over their runs of rows, the way tree_from_rows groups them
    level1_runs = _runs([(r.level1,) for r in rows])
    level2_runs = _runs([(r.level1, r.level2) for r in rows])
    for start, end in level1_runs:
        cells.append(Cell(first + start, 0, Role.LEVEL, rows[start].level1, rowspan=end - start))
    for start, end in level2_runs:
        cells.append(Cell(first + start, 1, Role.LEVEL, rows[start].level2, rowspan=end - start))


def _runs(keys: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal consecutive keys."""
    runs: list[tuple[int, int]] = []
    start = 0
    while start < len(keys):
        end = start + 1
        while end < len(keys) and keys[end] == keys[start]:
            end += 1
        runs.append((start, end))
        start = end
    return runs
