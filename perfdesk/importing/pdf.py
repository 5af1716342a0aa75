"""Text out of a PDF, page by page, for :mod:`perfdesk.importing.text` to read.

Plain text extraction sets a merged or wrapped table cell's lines at their heights on the
page, so a 一级 name printed in the middle of its rows, or a value wrapped round its label,
lands among other rows' text. Where a page has ruled tables, each table row is therefore
read cell by cell (a cell's wrapped lines joined) and written as one line, in the order of
the cells, separated by tabs; text outside the tables keeps its place by height. Pages without ruled tables
come out as plain text. Only PDFs with a text layer can be read; a scan needs OCR first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing.text import CELL_CONTINUED, CELL_PARAGRAPH, CELL_SEPARATOR, join_lines

# Page furniture that is no part of any form: "第 1 页", "第1页 共3页", "- 2 -", "1/3".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*/\s*\d+)\s*$",
    re.MULTILINE,
)


def pdf_text(path: Path, *, pdfium: bool = True) -> str:
    """The text of every page, pages separated by a line break; page numbers dropped.

    ``pdfium=False`` reads every page with pdfminer alone (what the tests compare with, and
    the benchmark's peer)."""
    import pdfplumber  # heavy: loaded only when a PDF is read
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    from perfdesk.importing.pdf_objects import PdfiumPage

    pages: list[str] = []
    try:
        with pdfplumber.open(path) as pdf, _pdfium_document(path, pdfium) as fast:
            for number, page in enumerate(pdf.pages):
                read = page if fast is None else PdfiumPage(page, fast[number])
                pages.append(page_text(read))
                read.close()  # keeps memory flat on long files
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise PerfDeskError(f"{path} 有密码保护，请先取消密码再导入") from None
        raise PerfDeskError(f"{path} 不是有效的 PDF 文件（{cause}）") from None
    except PDFPasswordIncorrect:
        raise PerfDeskError(f"{path} 有密码保护，请先取消密码再导入") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise PerfDeskError(f"{path} 不是有效的 PDF 文件（{exc.__class__.__name__}）") from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    return _PAGE_NUMBER.sub("", "\n".join(_mark_continued_rows(pages)))


def _mark_continued_rows(pages: list[str]) -> list[str]:
    """A table row that a page break cut in two: the page's first line is a row of the
    table the previous page ended with (as many cells) with nothing in its first cell, so
    it may continue that page's last row (a cell's text running on) rather than start a row
    of its own. It is marked for the reader, who knows which cells say which."""
    marked = list(pages)
    for number in range(1, len(pages)):
        before = _content_lines(pages[number - 1])
        after = _content_lines(pages[number])
        if not before or not after:
            continue
        last, (index, first) = before[-1][1], after[0]
        cells = first.count(CELL_SEPARATOR)
        if cells and cells == last.count(CELL_SEPARATOR) and first.startswith(CELL_SEPARATOR):
            lines = pages[number].split("\n")
            lines[index] = CELL_CONTINUED + lines[index]
            marked[number] = "\n".join(lines)
    return marked


def _content_lines(page: str) -> list[tuple[int, str]]:
    """The page's lines with their index, without blank lines and page numbers."""
    return [
        (index, line)
        for index, line in enumerate(page.split("\n"))
        if line.strip(" ") and not _PAGE_NUMBER.fullmatch(line)
    ]


@contextmanager
def _pdfium_document(path: Path, wanted: bool) -> Iterator[Any]:
    """The PDF opened by PDFium as well (characters and lines read in C, see
    :mod:`perfdesk.importing.pdf_objects`); None where PDFium cannot open it, and pdfminer
    reads every page."""
    if not wanted:
        yield None
        return
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        yield None
        return
    try:
        yield document
    finally:
        document.close()


def page_text(page: Any) -> str:
    tables = page.find_tables()
    if not tables:
        return str(page.extract_text() or "")
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    blocks: list[tuple[float, str]] = [
        (line["top"], line["text"]) for line in page.filter(outside_tables).extract_text_lines()
    ]
    blocks += [(table.bbox[1], _table_text(_logical_rows(table))) for table in tables]
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


_ROW_LABEL_LINE = 3  # characters: an upright row label is written a few characters a line


def _logical_rows(table: Any) -> list[list[str | None]]:
    """The table's rows as the cells a reader sees. One ruled grid holding several blocks
    (sh2026: header, amounts, targets and indicators in one) has more columns than any of its
    rows: a cell spanning columns is one cell, a cell covered from above is an empty one.
    A narrow first column of merged row labels written upright (项目 / 资金 / （元）) becomes a
    line of its own above its rows, as a heading row would be."""
    texts = table.extract()
    lefts = sorted({round(cell[0], 1) for cell in table.cells})
    rows: list[list[str | None]] = []
    label_bottom = -1.0
    for row, row_texts in zip(table.rows, texts, strict=True):
        cells: list[str | None] = []
        reach = -1.0  # the right edge of the last cell placed in this row
        for left, bbox, text in zip(lefts, row.cells, row_texts, strict=False):
            if bbox is not None:
                cells.append(text)
                reach = bbox[2]
            elif left >= reach - 0.5:  # not spanned from the left: covered from above
                cells.append("")
                reach = _covering_right(table, row.bbox, left)
        first = row.cells[0] if row.cells else None
        label = cells[0] if cells else None
        others = [bbox[3] for bbox in row.cells[1:] if bbox is not None]
        row_bottom = min(others, default=row.bbox[3])
        if first is not None and label and _is_row_label(label) and first[3] > row_bottom + 1:
            rows.append([label.replace("\n", "")])
            label_bottom = first[3]
            cells = cells[1:]
        elif first is None and row_bottom <= label_bottom + 1:
            cells = cells[1:]
        rows.append(cells)
    return rows


def _covering_right(table: Any, row_box: tuple[float, ...], left: float) -> float:
    """The right edge of the cell from a row above that covers ``left`` in this row."""
    middle = (row_box[1] + row_box[3]) / 2
    for x0, top, x1, bottom in table.cells:
        if x0 - 0.5 <= left < x1 - 0.5 and top < middle < bottom:
            return float(x1)
    return left + 0.5


def _is_row_label(text: str) -> bool:
    lines = text.split("\n")
    return len(lines) > 1 and all(0 < len(line.strip()) <= _ROW_LABEL_LINE for line in lines)


def _table_text(rows: list[list[str | None]]) -> str:
    """One line per row with its cells separated by tabs (a cell covered by a merged one is
    empty); a row that is a single full-width cell keeps its line breaks for the reader to
    judge (a narrative's paragraphs)."""
    lines = []
    for row in rows:
        cells = [cell for cell in row if cell is not None]
        if len(cells) == 1:
            lines.append(cells[0])
        else:
            lines.append(CELL_SEPARATOR.join(_cell_line(cell or "") for cell in row))
    return "\n".join(lines)


def _cell_line(cell: str) -> str:
    """A cell's text on one line, its paragraph breaks (numbered items) marked."""
    return join_lines(cell, paragraphs=True).replace("\n", CELL_PARAGRAPH)
