"""Word documents: our own ``export-docx`` and forms typed in Word or WPS from the template.

A Word form is a PDF form without the guessing: the document knows its paragraphs, its
tables, their rows and cells, and which cells are merged. The body is written out, in order,
as our PDF table reader writes a page (:mod:`perfdesk.importing.pdf`): a paragraph is a line,
a table row is one line with its cells separated by tabs (a cell's own line breaks joined, a
cell covered by a merged one empty), and a row that is one full-width cell keeps its line
breaks (a narrative's paragraphs). The text reader then finds the forms in it, so a hand-made
form with uneven tables, labels ending in ``：`` or a value typed into its label's cell reads
by the same grammar as a PDF.

Our own export is read exactly instead: its forms are laid out on the four columns of
:mod:`perfdesk.exporting.grid`, so each form is handed, as rows and merged cells, to the
reader of our Excel export, which goes by the same grid. A document that does not read
cleanly that way (edited into another shape, or typed by hand) goes the text route.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing import bounds
from perfdesk.importing.grammar import SlotKind, all_grammars
from perfdesk.importing.model import ImportResult
from perfdesk.importing.text import CELL_SEPARATOR, join_lines, read_text

_MAX_COLUMNS = 12  # more than any export's grid has (一级 | 二级 | 三级 | the value columns)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_document(path: Path) -> ImportResult:
    body = _open(path).element.body
    exported = _read_as_exported(body, path.name)
    if exported is not None:
        return exported
    return read_text(bounds.bounded_text(path, "\n".join(_body_lines(body))), path.name)


def document_text(path: Path) -> str:
    """The body of a .docx as lines of text, tables row by row (see the module's doc)."""
    return "\n".join(_body_lines(_open(path).element.body))


def _open(path: Path) -> Any:
    import docx  # loaded only when a Word document is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PerfDeskError(
            f"{path} 不是有效的 Word 文档（.docx）（{exc.__class__.__name__}）"
        ) from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    return document


def _body_lines(body: Any) -> Iterator[str]:
    for child in body.iterchildren():
        if child.tag == _W + "p":
            yield _paragraph_text(child)
        elif child.tag == _W + "tbl":
            yield from _table_lines(child)


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text: runs, tabs and line breaks (Word's ``w:br`` within a paragraph)."""
    parts: list[str] = []
    for node in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _W + "tab":
            parts.append(" ")
        elif node.get(_W + "type") in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _cell_text(cell: Any) -> str:
    lines = []
    for child in cell.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":  # a table inside a cell: its rows as lines
            lines.extend(_table_lines(child))
    return "\n".join(lines)


def _span(properties: Any) -> int:
    """How many grid columns a cell spans; a hostile file's span is cut to what a form has."""
    grid_span = None if properties is None else properties.find(_W + "gridSpan")
    if grid_span is None:
        return 1
    value = grid_span.get(_W + "val", "1") or "1"
    return min(int(value), _MAX_COLUMNS + 1) if value.isdigit() and int(value) > 0 else 1


def _table_lines(table: Any) -> Iterator[str]:
    for row in table.iterchildren(_W + "tr"):
        cells: list[str | None] = []  # None: covered by the merged cell above
        for cell in row.iterchildren(_W + "tc"):
            properties = cell.find(_W + "tcPr")
            merge = None if properties is None else properties.find(_W + "vMerge")
            covered = merge is not None and merge.get(_W + "val") in (None, "continue")
            text = None if covered else _as_label(_cell_text(cell))
            cells.append(text)
        filled = [cell for cell in cells if cell is not None and cell.strip()]
        if not filled:
            continue
        if len(cells) == 1 and cells[0] is not None:
            yield cells[0]
        else:
            yield CELL_SEPARATOR.join(join_lines(cell or "") for cell in cells)


def _as_label(cell: str) -> str:
    """A cell holding only a label, written with the colon a printed form puts after it: in a
    table the cell's border ends the label, in text the colon does (sh2020 requires it)."""
    bare = cell.strip().rstrip("：:").strip()
    if not bare or "\n" in bare:
        return cell
    for grammar in all_grammars():
        for slot in grammar.slots:
            if slot.kind is not SlotKind.HEADING and slot.pattern.fullmatch(bare + "："):
                return bare + "："
    return cell


# -- our own export: the grid of perfdesk.exporting.grid ---------------------------------------


class _Cell:
    def __init__(self, value: str | None, bold: bool) -> None:
        self.value = value
        self.font = _Font(bold)


class _Font:
    def __init__(self, bold: bool) -> None:
        self.b = bold


class _Range:
    def __init__(self, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
        self.min_row, self.min_col, self.max_row, self.max_col = min_row, min_col, max_row, max_col


class _MergedCells:
    def __init__(self) -> None:
        self.ranges: list[_Range] = []


class _Grid:
    """One exported form as the rows of a worksheet, with what the Excel reader asks of one:
    ``cell(row, column)``, ``merged_cells.ranges`` and ``max_row``."""

    def __init__(self, title: str, columns: int) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[list[_Cell]] = []
        self.merged_cells = _MergedCells()
        self._open: dict[int, _Range] = {}  # column -> the vertical merge running down it

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def cell(self, row: int, column: int) -> _Cell:
        if 1 <= row <= len(self.rows) and 1 <= column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return _Cell(None, False)

    def add_paragraph(self, text: str) -> None:
        self.rows.append([_Cell(text, False)] + [_Cell(None, False)] * (self.columns - 1))
        self.merged_cells.ranges.append(_Range(len(self.rows), 1, len(self.rows), self.columns))

    def add_table(self, table: Any) -> bool:
        """The table's rows; False when they are not on the export's columns."""
        for tr in table.iterchildren(_W + "tr"):
            number = len(self.rows) + 1
            row: list[_Cell] = []
            for tc in tr.iterchildren(_W + "tc"):
                properties = tc.find(_W + "tcPr")
                span = _span(properties)
                merge = None if properties is None else properties.find(_W + "vMerge")
                column = len(row) + 1
                if merge is not None and merge.get(_W + "val") in (None, "continue"):
                    above = self._open.get(column)
                    if above is None:
                        return False
                    above.max_row = number
                    row.extend(_Cell(None, False) for _ in range(span))
                    continue
                self._open.pop(column, None)
                bold = any(b.get(_W + "val") in (None, "1", "true") for b in tc.iter(_W + "b"))
                text = _cell_text(tc)
                row.append(_Cell(text or None, bold))
                row.extend(_Cell(None, False) for _ in range(span - 1))
                if span > 1 or merge is not None:
                    merged = _Range(number, column, number, column + span - 1)
                    self.merged_cells.ranges.append(merged)
                    if merge is not None:
                        self._open[column] = merged
                if len(row) > self.columns:
                    return False
            if len(row) != self.columns:
                return False
            self.rows.append(row)
        self._open.clear()
        return True


def _read_as_exported(body: Any, name: str) -> ImportResult | None:
    """Every form of a document laid out as our export lays them, read exactly; None when the
    document is not such a one."""
    from perfdesk.importing.xlsx import SheetReader, layout_by_document, layout_by_title

    grids: list[_Grid] = []
    waiting_for_title = False  # a form's documents printed before it were read: its title next
    for child in body.iterchildren():
        if child.tag == _W + "p":
            text = _paragraph_text(child).strip()
            layout = layout_by_title(text)
            document_of = layout_by_document(text)
            if layout is not None and not waiting_for_title:
                grids.append(_Grid(text, len(layout.table_columns)))
            elif document_of is not None and document_of.documents_first and not waiting_for_title:
                grids.append(_Grid(text, len(document_of.table_columns)))
                waiting_for_title = True
            elif layout is not None:
                waiting_for_title = False
            if text and grids:
                grids[-1].add_paragraph(text)
            elif text:
                return None
        elif child.tag == _W + "tbl" and (not grids or not grids[-1].add_table(child)):
            return None
    if not grids:
        return None
    result = ImportResult()
    for number, grid in enumerate(grids, start=1):
        form = SheetReader(grid, f"{name} 第 {number} 张表").read()
        if form is None or form.warnings:
            return None
        result.forms.append(form)
    return result
