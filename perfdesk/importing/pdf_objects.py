"""A PDF page's characters and ruling lines read with PDFium, for pdfplumber's table logic.

pdfplumber reads a page by interpreting its content stream in pure Python (pdfminer), which is
most of the time an import takes. PDFium (pypdfium2) reads the same page in C. This module
gives pdfplumber the objects it would have made itself — each character with pdfminer's box
(origin, advance, the font descriptor's descent and the font size), each path through
pdfminer's own rules for lines, rectangles and curves — so everything built on them (tables,
cells, text lines) comes out the same. A page with anything read differently by the two
(rotated pages or text, a MediaBox not at the origin, form XObjects, Bézier curves, text
without Unicode) is read by pdfminer as before.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTPage
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.page import Page

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_NO_UNICODE = (0, 0xFFFE, 0xFFFF)
_SEGMENT_OPERATOR = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l"}


class NotExact(Exception):
    """Something on the page that PDFium and pdfminer may read differently."""


class PdfiumPage(Page):
    """A pdfplumber page whose objects come from PDFium where that is exact."""

    def __init__(self, plumber_page: Page, pdfium_page: pdfium.PdfPage) -> None:
        super().__init__(
            plumber_page.pdf,
            plumber_page.page_obj,
            plumber_page.page_number,
            plumber_page.initial_doctop,
        )
        self._pdfium = pdfium_page

    def parse_objects(self) -> dict[str, list[dict[str, Any]]]:
        try:
            return self._pdfium_objects()
        except NotExact:
            return super().parse_objects()

    def _pdfium_objects(self) -> dict[str, list[dict[str, Any]]]:
        if self.rotation or self.mediabox[0] != 0 or self.mediabox[1] != 0:
            raise NotExact
        objects: dict[str, list[dict[str, Any]]] = {}
        chars = self._chars()
        if chars:
            objects["char"] = chars
        for item in self._paths():
            found = self.process_object(item)
            objects.setdefault(found["object_type"], []).append(found)
        return objects

    # -- characters -------------------------------------------------------------------------

    def _chars(self) -> list[dict[str, Any]]:
        fonts = _fonts(self.pdf.rsrcmgr, self.page_obj)
        height = float(self.height)
        textpage = self._pdfium.get_textpage()
        try:
            text = textpage.raw
            box = pdfium_c.FS_RECTF()
            matrix = pdfium_c.FS_MATRIX()
            x, y = ctypes.c_double(), ctypes.c_double()
            name = ctypes.create_string_buffer(256)
            # What is the same for every character of one text object, read once.
            runs: dict[int | None, _Run] = {}
            chars: list[dict[str, Any]] = []
            space_pending = False
            for index in range(pdfium_c.FPDFText_CountChars(text)):
                code = pdfium_c.FPDFText_GetUnicode(text, index)
                if pdfium_c.FPDFText_IsGenerated(text, index):
                    # PDFium replaces a space of the text with one of its own, as it does
                    # where it only sees a gap: a gap exactly as wide as the font's space
                    # was a written space (pdfminer has it there).
                    space_pending = code == 0x20
                    continue
                if code in _NO_UNICODE:
                    raise NotExact
                item = pdfium_c.FPDFText_GetTextObject(text, index)
                key = ctypes.cast(item, ctypes.c_void_p).value
                run = runs.get(key)
                if run is None:
                    run = runs[key] = self._run(text, index, item, fonts, name, matrix)
                pdfium_c.FPDFText_GetLooseCharBox(text, index, ctypes.byref(box))
                pdfium_c.FPDFText_GetCharOrigin(text, index, ctypes.byref(x), ctypes.byref(y))
                y0 = y.value + run.font.descent * run.size
                top = height - y0 - run.size
                char = {
                    "object_type": "char",
                    "page_number": self.page_number,
                    "text": chr(code),
                    "fontname": run.fontname,
                    "size": run.size,
                    "upright": True,
                    "x0": box.left,
                    "x1": box.right,
                    "y0": y0,
                    "y1": y0 + run.size,
                    "width": box.right - box.left,
                    "height": run.size,
                    "top": top,
                    "bottom": top + run.size,
                    "doctop": self.initial_doctop + top,
                }
                if space_pending and chars:
                    before = chars[-1]
                    gap = char["x0"] - before["x1"]
                    if run.font.space is not None and abs(gap - run.font.space * run.size) < 0.01:
                        chars.append(
                            {
                                **before,
                                "text": " ",
                                "x0": before["x1"],
                                "x1": char["x0"],
                                "width": gap,
                            }
                        )
                chars.append(char)
                space_pending = False
            return chars
        finally:
            textpage.close()

    @staticmethod
    def _run(
        text: Any, index: int, item: Any, fonts: dict[str, _Font], name: Any, matrix: Any
    ) -> _Run:
        """The text object holding character ``index``: its font, descent and size."""
        if pdfium_c.FPDFText_HasUnicodeMapError(text, index):
            raise NotExact
        pdfium_c.FPDFText_GetMatrix(text, index, ctypes.byref(matrix))
        if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
            raise NotExact  # rotated, mirrored or skewed text
        font = pdfium_c.FPDFTextObj_GetFont(item)
        length = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
        base = name.raw[: max(length - 1, 0)].decode("latin-1")
        if base not in fonts:
            raise NotExact
        return _Run(base, fonts[base], pdfium_c.FPDFText_GetFontSize(text, index))

    # -- paths ------------------------------------------------------------------------------

    def _paths(self) -> list[Any]:
        """Every path on the page as pdfminer's layout objects (LTLine, LTRect, LTCurve)."""
        analyzer = PDFLayoutAnalyzer(PDFResourceManager())
        analyzer.cur_item = LTPage(self.page_number, (0, 0, self.width, self.height))
        matrix = pdfium_c.FS_MATRIX()
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        x, y = ctypes.c_float(), ctypes.c_float()
        page = self._pdfium.raw
        for index in range(pdfium_c.FPDFPage_CountObjects(page)):
            item = pdfium_c.FPDFPage_GetObject(page, index)
            kind = pdfium_c.FPDFPageObj_GetType(item)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                raise NotExact
            if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            path: list[tuple[Any, ...]] = []
            for number in range(pdfium_c.FPDFPath_CountSegments(item)):
                segment = pdfium_c.FPDFPath_GetPathSegment(item, number)
                operator = _SEGMENT_OPERATOR.get(pdfium_c.FPDFPathSegment_GetType(segment))
                if operator is None:
                    raise NotExact  # a Bézier curve: pdfminer keeps its control points
                pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
                path.append((operator, x.value, y.value))
                if pdfium_c.FPDFPathSegment_GetClose(segment):
                    path.append(("h",))
            if not path:
                continue
            pdfium_c.FPDFPageObj_GetMatrix(item, ctypes.byref(matrix))
            pdfium_c.FPDFPath_GetDrawMode(item, ctypes.byref(fill_mode), ctypes.byref(stroke))
            analyzer.ctm = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            analyzer.paint_path(
                PDFGraphicState(),
                bool(stroke.value),
                fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE,
                fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE,
                path,
            )
        return list(analyzer.cur_item)


class _Font(NamedTuple):
    descent: float
    space: float | None  # the advance of a space


class _Run(NamedTuple):
    fontname: str
    font: _Font
    size: float


def _fonts(manager: PDFResourceManager, page_obj: Any) -> dict[str, _Font]:
    """Each font of the page by base name (subset prefix left off, as PDFium names it), as
    pdfminer measures it: the descent and the width of a space, per unit of font size."""
    found: dict[str, _Font] = {}
    resources = resolve1(page_obj.resources) or {}
    for reference in (resolve1(resources.get("Font")) or {}).values():
        spec = resolve1(reference)
        if not isinstance(spec, dict):
            continue
        try:
            font = manager.get_font(getattr(reference, "objid", None), spec)
        except Exception:  # pdfminer could not read it either: its characters fall back
            continue
        if font.is_vertical():
            continue
        space = _space_code(font)
        measured = _Font(font.get_descent(), None if space is None else font.char_width(space))
        for name in (_name(spec.get("BaseFont")), str(font.fontname)):
            found[_SUBSET_PREFIX.sub("", name)] = measured
    return found


def _space_code(font: Any) -> int | None:
    """The code the font draws a space with, if it has one."""
    unicode_map = getattr(font, "unicode_map", None)
    table = unicode_map.cid2unichr if unicode_map is not None else getattr(font, "cid2unicode", {})
    return next((code for code, text in table.items() if text == " "), None)


def _name(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)
