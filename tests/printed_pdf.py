"""Reading printed forms back: text per page without the footer, tables, fonts."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdftypes import resolve1

from perfdesk.printing.styles import MARGIN_BOTTOM

FOOTER_RE = re.compile(r"第 (\d+) 页 共 (\d+) 页")


@dataclass
class PrintedPdf:
    pages: list[str]  # the text of each page, footer left out
    footers: list[str]
    tables: list[list[list[str | None]]]  # every table on every page, in order
    sizes: list[tuple[float, float]]
    font_files: dict[str, set[str]]  # font base name → which FontFile* streams it carries
    rules: list[int]  # how many horizontal rules (lines or thin boxes) each page draws

    @property
    def cells(self) -> list[str]:
        """Every table cell's text, whitespace removed."""
        return [
            squash(cell)
            for table in self.tables
            for row in table
            for cell in row
            if cell is not None
        ]

    @property
    def text(self) -> str:
        return "".join("".join(page.split()) for page in self.pages)


def read_pdf(data: bytes, tables: bool = True) -> PrintedPdf:
    pages, footers, found, sizes, rules = [], [], [], [], []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            sizes.append((float(page.width), float(page.height)))
            cut = float(page.height) - MARGIN_BOTTOM + 2
            pages.append(page.crop((0, 0, page.width, cut)).extract_text() or "")
            footers.append(page.crop((0, cut, page.width, page.height)).extract_text() or "")
            rules.append(len({round(e["top"]) for e in page.horizontal_edges}))
            if tables:
                found.extend(page.extract_tables())
        font_files = dict(_font_files(pdf))
    return PrintedPdf(pages, footers, found, sizes, font_files, rules)


def _font_files(pdf: pdfplumber.PDF) -> Iterator[tuple[str, set[str]]]:
    for xref in pdf.doc.xrefs:
        for objid in xref.get_objids():
            try:
                obj = resolve1(pdf.doc.getobj(objid))
            except Exception:
                continue
            if isinstance(obj, dict) and str(obj.get("Type")) == "/'Font'":
                descriptor = resolve1(obj.get("FontDescriptor"))
                name = str(resolve1(obj.get("BaseFont")))
                keys = set(descriptor) if isinstance(descriptor, dict) else set()
                yield name, {k for k in keys if k.startswith("FontFile")}


def squash(text: str) -> str:
    return "".join(text.split())
