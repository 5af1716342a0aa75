"""User text made safe for ReportLab's paragraph markup."""

from __future__ import annotations

import unicodedata
from html import escape
from typing import Any

from reportlab.platypus import Paragraph


def markup(text: str) -> str:
    """``text`` as paragraph markup: ``<``, ``>`` and ``&`` escaped, line breaks kept.

    Control characters (pasted from other programs) are left out: they have no glyph and
    would break the markup.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # html.escape rather than xml.sax.saxutils, whose import pulls in urllib and email.
    return "<br/>".join(escape(_without_controls(line), quote=False) for line in lines)


def _without_controls(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc")


def printed_characters(text: str) -> list[str]:
    """The characters of ``text`` that need a glyph (not spaces, line breaks or controls)."""
    return [ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE]


_INVISIBLE = {"Cc", "Cf"}  # controls, and format marks such as zero-width spaces


class TextBlock(Paragraph):  # type: ignore[misc]
    """A paragraph that keeps its line breaks for the width it was last laid out at.

    Tables measure each cell several times (row heights, splitting, drawing); breaking
    Chinese text into lines is the costly part, and it depends only on the width.
    """

    _laid_out_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> Any:
        if self._laid_out_width == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._laid_out_width = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> Any:
        pieces = super().split(availWidth, availHeight)
        for piece in pieces:  # pieces of this paragraph are laid out afresh
            piece._laid_out_width = None
        return pieces
