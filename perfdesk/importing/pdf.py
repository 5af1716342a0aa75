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
from pathlib import Path
from typing import Any

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing.text import CELL_SEPARATOR, join_lines

# Page furniture that is no part of any form: "第 1 页", "第1页 共3页", "- 2 -", "1/3".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*/\s*\d+)\s*$",
    re.MULTILINE,
)


def pdf_text(path: Path) -> str:
    """The text of every page, pages separated by a line break; page numbers dropped.

    Pages are parsed by pdfium (see :mod:`perfdesk.importing.pdfium_page`). A file pdfium
    cannot open or parse, or with a page it cannot place exactly as pdfminer would (turned,
    cropped, its media box off the origin), is read by :func:`pdf_text_pdfminer` instead:
    the same text, and the refusals in plain words that route gives for damaged files."""
    import pypdfium2 as pdfium  # heavy: loaded only when a PDF is read

    from perfdesk.importing.pdfium_page import plumber_page, readable

    pages: list[str] = []
    try:
        document = pdfium.PdfDocument(path)
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except pdfium.PdfiumError:
        return pdf_text_pdfminer(path)
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    try:
        for number in range(len(document)):
            page = document[number]
            try:
                if not readable(page):
                    return pdf_text_pdfminer(path)
                pages.append(page_text(plumber_page(page, number + 1)))
            finally:
                page.close()
    except (pdfium.PdfiumError, ValueError, KeyError, TypeError):
        return pdf_text_pdfminer(path)
    finally:
        document.close()
    return _PAGE_NUMBER.sub("", "\n".join(pages))


def pdf_text_pdfminer(path: Path) -> str:
    """:func:`pdf_text` with every page parsed by pdfminer, as pdfplumber does by itself: the
    slower route, kept for pages pdfium cannot place and to check the fast one against."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(page_text(page))
                page.flush_cache()  # keeps memory flat on long files
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
    return _PAGE_NUMBER.sub("", "\n".join(pages))


def page_text(page: Any) -> str:
    from pdfplumber.page import DerivedPage

    tables = page.find_tables()
    if not tables:
        return str(page.extract_text() or "")
    # Each character is sorted once into the tables holding its middle, or outside them all:
    # a table then looks only at its own characters (the same text, far fewer comparisons).
    boxes = [table.bbox for table in tables]
    inside: list[list[dict[str, Any]]] = [[] for _ in tables]
    outside: list[dict[str, Any]] = []
    for char in page.chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        held = False
        for number, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= x <= x1 and top <= y <= bottom:
                inside[number].append(char)
                held = True
        if not held:
            outside.append(char)

    def with_chars(chars: list[dict[str, Any]]) -> Any:
        derived = DerivedPage(page)
        derived.bbox = page.bbox
        derived._objects = {**page.objects, "char": chars}
        return derived

    blocks: list[tuple[float, str]] = [
        (line["top"], line["text"]) for line in with_chars(outside).extract_text_lines()
    ]
    for table, chars in zip(tables, inside, strict=True):
        table.page = with_chars(chars)
        blocks.append((table.bbox[1], _table_text(table.extract())))
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


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
            lines.append(CELL_SEPARATOR.join(join_lines(cell or "") for cell in row))
    return "\n".join(lines)
