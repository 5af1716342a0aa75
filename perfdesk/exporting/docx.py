"""Word export: each project's form as tables with merged cells, A4, one form per page run.

The Chinese font is set for East Asian text (``w:eastAsia``) on every run, so Word and WPS
use it for Chinese characters whatever the Latin font is. The indicator table is a table of
its own whose heading rows repeat on every page it spans.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from perfdesk.errors import PerfDeskError
from perfdesk.exporting.grid import Cell, FormGrid, Role, form_grid
from perfdesk.fileio import atomic_write
from perfdesk.layouts import Layout
from perfdesk.model import Project
from perfdesk.progress import CancelCheck, Progress, Steps

EAST_ASIAN_FONT = "宋体"
LATIN_FONT = "Times New Roman"
_BODY = Pt(10.5)  # 五号, the usual size of Chinese official forms
_MIN_ROW = Pt(18)
_TEXT_WIDTH = Mm(170)  # A4 less 20 mm margins each side

_ALIGN = {
    Role.LABEL: WD_ALIGN_PARAGRAPH.CENTER,
    Role.MONEY: WD_ALIGN_PARAGRAPH.RIGHT,
    Role.HEADING: WD_ALIGN_PARAGRAPH.CENTER,
    Role.COLUMN: WD_ALIGN_PARAGRAPH.CENTER,
    Role.LEVEL: WD_ALIGN_PARAGRAPH.CENTER,
    Role.TARGET: WD_ALIGN_PARAGRAPH.CENTER,
}
_BOLD = {Role.LABEL, Role.SECTION, Role.HEADING, Role.COLUMN}


def export_docx(
    projects: list[Project],
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> None:
    """Write the document to ``path``; cancelled (:mod:`perfdesk.progress`), no file is written."""
    steps = Steps(progress, cancelled)
    data = document_bytes(projects, steps)
    steps.check()
    atomic_write(path, data)


def document_bytes(projects: list[Project], steps: Steps | None = None) -> bytes:
    """The document; ``steps`` hears of each form and of the saving (one more step)."""
    if not projects:
        raise PerfDeskError("没有要导出的项目")
    steps = steps or Steps()
    total = len(projects) + 1
    document = Document()
    _page_setup(document)
    _default_font(document)
    for number, project in enumerate(projects):
        steps(number, total)
        if number:
            _page_break(document)
        _add_form(document, project)
    steps(len(projects), total)
    document.core_properties.author = "PerfDesk"
    buffer = io.BytesIO()
    document.save(buffer)
    steps(total, total)
    return buffer.getvalue()


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)


def _default_font(document: Any) -> None:
    style = document.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = _BODY
    _east_asian(style.element.get_or_add_rPr())
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def _east_asian(rpr: Any) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _run(paragraph: Any, text: str, bold: bool = False, size: Pt | None = None) -> None:
    run = paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = size
    _east_asian(run._element.get_or_add_rPr())


def _page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _add_form(document: Any, project: Project) -> None:
    """The form and the documents that travel with it, in the printed order, each on pages of
    its own; a document's heading is a title line above its table, as the form's is."""
    grid = form_grid(project)
    spec = project.spec
    ends = sorted({*grid.page_starts, grid.form_end, grid.rows})
    for start in [0, *grid.page_starts]:
        if start:
            _page_break(document)
        heading = next(c for c in grid.cells if c.row == start and c.col == 0)
        _title(document, heading.text)
        if start != grid.form_row:
            _add_table(document, grid, start + 1, min(e for e in ends if e > start), spec, 0)
            continue
        caption = next(c for c in grid.cells if c.row == start + 1 and c.col == 0)
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(6)
        _run(paragraph, caption.text)
        # the header, narratives and budget; then the indicator table with repeating headings
        _add_table(document, grid, start + 2, grid.targets_row, spec, header_rows=0)
        # a paragraph between the tables keeps Word from joining them into one
        between = document.add_paragraph()
        if grid.table_on_new_page():
            between.add_run().add_break(WD_BREAK.PAGE)
        else:
            between.paragraph_format.line_spacing = Pt(6)
        _add_table(document, grid, grid.targets_row, grid.form_end, spec, header_rows=2)


def _title(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, bold=True, size=Pt(16))


def _add_table(
    document: Any, grid_of: FormGrid, first: int, end: int, layout: Layout, header_rows: int
) -> None:
    cells: list[Cell] = grid_of.cells
    table = document.add_table(rows=end - first, cols=grid_of.columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(grid_of.widths)
    widths = [int(_TEXT_WIDTH * w / total) for w in grid_of.widths]
    for row in table.rows:
        row.height = _MIN_ROW
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for col, column in enumerate(table.columns):
        column.width = widths[col]
    for row in table.rows:
        for col, cell in enumerate(row.cells):
            cell.width = widths[col]
    for number in range(header_rows):
        _repeat_as_header(table.rows[number])
    # the cells are looked up once: python-docx's table.cell() walks the whole table each time
    grid = [list(row.cells) for row in table.rows]
    for cell in cells:
        if not first <= cell.row < end:
            continue
        target = grid[cell.row - first][cell.col]
        if cell.rowspan > 1 or cell.colspan > 1:
            # a merge only touches the cells of its own range, so the rest of grid stays valid
            last = grid[cell.row - first + cell.rowspan - 1][cell.col + cell.colspan - 1]
            target = target.merge(last)
        # exact (more places where needed): a Word export read back must not lose a yuan
        text = layout.money_shown(cell.amount, exact=True) if cell.role is Role.MONEY else cell.text
        _fill_cell(target, text, cell.role)


def _fill_cell(target: Any, text: str, role: Role) -> None:
    target.vertical_alignment = (
        WD_CELL_VERTICAL_ALIGNMENT.TOP if role is Role.TEXT else WD_CELL_VERTICAL_ALIGNMENT.CENTER
    )
    paragraphs = text.split("\n")
    first = target.paragraphs[0]
    for extra in target.paragraphs[1:]:  # merging leaves the merged cells' empty paragraphs
        extra._element.getparent().remove(extra._element)
    for number, line in enumerate(paragraphs):
        paragraph = first if number == 0 else target.add_paragraph()
        paragraph.alignment = _ALIGN.get(role, WD_ALIGN_PARAGRAPH.LEFT)
        if role is Role.TEXT:
            paragraph.paragraph_format.first_line_indent = Pt(21)  # two characters
        if line:
            _run(paragraph, line, bold=role in _BOLD)


def _repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
