"""A page read with pdfium, handed to pdfplumber's text and table logic.

pdfplumber reads a page's content through pdfminer, which interprets every operator in
Python: most of the time a PDF import took. pdfium (pypdfium2, a compiled PDF engine that
pdfplumber itself depends on) parses the page instead; its characters and ruling lines are
given to pdfplumber as the objects it would have made itself, so that finding tables and
joining a cell's text stay pdfplumber's own code.

What pdfplumber's logic reads of a character is its text and box; of a ruling line, the
points of its path. The box follows pdfminer: as wide as the glyph's advance, as tall as the
font size, its bottom at the font's descent below the baseline.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.page import Page

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_BEZIER = pdfium_c.FPDF_SEGMENT_BEZIERTO
_MOVE = pdfium_c.FPDF_SEGMENT_MOVETO

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


def readable(page: pdfium.PdfPage) -> bool:
    """Pages this reader places exactly like pdfminer: upright, the media box at the origin
    and not cropped (pdfium measures a page by its crop box, pdfminer by its media box)."""
    box = page.get_mediabox()
    return bool(page.get_rotation() == 0 and box[:2] == (0, 0) and page.get_cropbox() == box)


def plumber_page(page: pdfium.PdfPage, page_number: int) -> Page:
    """A pdfplumber page whose objects were read by pdfium (see :func:`readable`)."""
    width, height = page.get_size()
    plumbed: Page = Page.__new__(Page)
    plumbed.pdf = None  # type: ignore[assignment]  # only its own parsing would use it
    plumbed.root_page = plumbed
    plumbed.page_obj = None  # type: ignore[assignment]
    plumbed.page_number = page_number
    plumbed.initial_doctop = 0
    plumbed.rotation = 0
    plumbed.mediabox = plumbed.cropbox = plumbed.bbox = (0, 0, width, height)
    plumbed.get_textmap = lru_cache()(plumbed._get_textmap)
    objects: dict[str, list[dict[str, Any]]] = {"char": _chars(page, height, page_number)}
    for kind, obj in _paths(page, height, page_number):
        objects.setdefault(kind, []).append(obj)
    plumbed._objects = objects
    return plumbed


def _chars(page: pdfium.PdfPage, height: float, page_number: int) -> list[dict[str, Any]]:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        chars: list[dict[str, Any]] = []
        owners: list[Any] = []  # the text object each character was drawn by
        space_after: set[int] = set()  # characters a space of their own string follows
        box = pdfium_c.FS_RECTF()
        matrix = pdfium_c.FS_MATRIX()
        # Size and slant belong to the string, not the character: asked once a string.
        size, upright, current = 0.0, True, None
        for index in range(pdfium_c.FPDFText_CountChars(raw)):
            code = pdfium_c.FPDFText_GetUnicode(raw, index)
            owner = pdfium_c.FPDFText_GetTextObject(raw, index)
            if not owner:  # a space or line break pdfium added of its own
                # pdfium stands its own space in for a space drawn inside a string; pdfminer
                # keeps the drawn one, which parts words closer than the gap tolerance.
                if code == 0x20 and chars:
                    space_after.add(len(chars) - 1)
                continue
            if not code:
                continue
            address = ctypes.addressof(owner.contents)
            if address != current:
                current = address
                pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
                size = pdfium_c.FPDFText_GetFontSize(raw, index)
                upright = matrix.b == 0 and matrix.c == 0
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
            y0 = box.bottom
            y1 = y0 + size if upright else box.top
            owners.append(owner)
            chars.append(
                _char(chr(code), box.left, box.right, y0, y1, height, page_number, size, upright)
            )
        for position in sorted(space_after, reverse=True):
            if position + 1 < len(chars) and _drawn_space(
                raw, owners[position], owners[position + 1]
            ):
                left, right = chars[position], chars[position + 1]
                space = _char(
                    " ",
                    left["x1"],
                    right["x0"],
                    left["y0"],
                    left["y1"],
                    height,
                    page_number,
                    left["size"],
                    left["upright"],
                )
                chars.insert(position + 1, space)
    finally:
        textpage.close()
    return chars


def _drawn_space(textpage: Any, before: Any, after: Any) -> bool:
    """Whether the strings drawing two neighbouring characters hold a space between them."""
    if not before or not after:
        return False
    if ctypes.addressof(before.contents) == ctypes.addressof(after.contents):
        return " " in _object_text(textpage, before).strip()
    return _object_text(textpage, before).endswith(" ") or _object_text(textpage, after).startswith(
        " "
    )


def _object_text(textpage: Any, text_object: Any) -> str:
    size = pdfium_c.FPDFTextObj_GetText(text_object, textpage, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFTextObj_GetText(text_object, textpage, pointer, size)
    return buffer.raw[: max(size - 2, 0)].decode("utf-16-le", errors="replace")


def _char(
    text: str,
    x0: float,
    x1: float,
    y0: float,
    y1: float,
    height: float,
    page_number: int,
    size: float,
    upright: bool,
) -> dict[str, Any]:
    return {
        "object_type": "char",
        "page_number": page_number,
        "text": text,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "size": size,
        "upright": upright,
    }


def _paths(
    page: pdfium.PdfPage, height: float, page_number: int
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every painted subpath as pdfminer reports it: a two-point one as a line, any other as a
    curve through its points (a Bézier's control points left out)."""
    for points in _subpaths(page.raw, height):
        if len(points) < 2:
            continue
        xs = [x for x, _ in points]
        tops = [y for _, y in points]
        obj = {
            "object_type": "",
            "page_number": page_number,
            "x0": min(xs),
            "x1": max(xs),
            "top": min(tops),
            "bottom": max(tops),
            "doctop": min(tops),
            "y0": height - max(tops),
            "y1": height - min(tops),
            "width": max(xs) - min(xs),
            "height": max(tops) - min(tops),
            "pts": points,
        }
        if len(points) == 2 or (len(points) == 3 and points[2] == points[0]):
            obj["object_type"] = "line"
            yield "line", obj
        else:
            obj["object_type"] = "curve"
            yield "curve", obj


def _subpaths(raw_page: Any, height: float) -> Iterator[list[Point]]:
    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    objects = (pdfium_c.FPDFPage_GetObject(raw_page, n) for n in range(count))
    yield from _object_subpaths(objects, (1, 0, 0, 1, 0, 0), height)


def _object_subpaths(objects: Iterator[Any], outer: Matrix, height: float) -> Iterator[list[Point]]:
    fs_matrix = pdfium_c.FS_MATRIX()
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (_PATH, _FORM):
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, fs_matrix)
        matrix = _times(
            (fs_matrix.a, fs_matrix.b, fs_matrix.c, fs_matrix.d, fs_matrix.e, fs_matrix.f), outer
        )
        if kind == _FORM:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            inner = (pdfium_c.FPDFFormObj_GetObject(obj, n) for n in range(count))
            yield from _object_subpaths(inner, matrix, height)
        elif _painted(obj):
            yield from _path_points(obj, matrix, height)


def _painted(path: Any) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke):
        return False
    return bool(fill.value or stroke.value)


def _path_points(path: Any, matrix: Matrix, height: float) -> Iterator[list[Point]]:
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[Point] = []
    start: Point = (0.0, 0.0)
    bezier_step = 0
    for n in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, n)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if kind == _MOVE:
            if points:
                yield points
            points, start, bezier_step = [point], point, 0
            continue
        if kind == _BEZIER:  # three points a curve; pdfminer keeps the last
            bezier_step = (bezier_step + 1) % 3
            if bezier_step:
                continue
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            if len(points) > 4 and points[-1] == start:
                points.pop()  # pdfminer drops a last line back to the start before a close
            points.append(start)
    if points:
        yield points


def _times(first: Matrix, then: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )
