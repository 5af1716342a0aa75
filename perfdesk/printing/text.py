"""User text made safe for ReportLab's paragraph markup."""

from __future__ import annotations

import unicodedata
from html import escape
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ


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


# Chinese line-break rules (GB/T 15834 punctuation): closing marks, pauses and dashes never
# start a line, opening brackets and quotes never end one. ReportLab's own rule knows only
# some of them and lets one mark hang past the right edge instead.
NO_LINE_START = frozenset(
    "，。、；：？！）」』》〉】〕］｝”’…—–―-·・%％‰℃°,.;:?!)]}" + ALL_CANNOT_START
)
NO_LINE_END = frozenset("（「『《〈【〔［｛“‘([{" + ALL_CANNOT_END)
_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.%")


def may_break_before(text: str, position: int) -> bool:
    """Whether a line may end before ``text[position]`` (and after the character before it)."""
    before, after = text[position - 1], text[position]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (before in _WORD and after in _WORD)  # 2020, 95.5%, a Latin word stay whole


class TextBlock(Paragraph):  # type: ignore[misc]
    """A paragraph broken into lines by the Chinese rules, that keeps its line breaks for
    the width it was last laid out at.

    Tables measure each cell several times (row heights, splitting, drawing); breaking
    Chinese text into lines is the costly part, and it depends only on the width.
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        frags = self.frags
        plain = frags and not any(hasattr(f, "cbDefn") for f in frags) and not self.bulletText
        if not plain or self.style.endDots or getattr(self, "_splitpara", 0):
            return super().breakLinesCJK(maxWidths)  # pieces of a split keep their lines
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return chinese_lines(frags, maxWidths, auto_leading not in ("", "off"))

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


def chinese_lines(frags: Any, widths: list[float], bounds: bool) -> Any:
    """``frags`` broken into lines no wider than ``widths`` (one per line, the last repeats),
    each break moved back to where the Chinese rules allow one."""
    glyphs = [cjkU(t, f, "utf8") for f in frags for t in (f.text or [""])]
    text = "".join(glyphs)
    lines: list[Any] = []

    def close(start: int, end: int, line_break: bool) -> None:
        width = widths[min(len(lines), len(widths) - 1)]
        used = sum(g.width for g in glyphs[start:end])
        lines.append(
            makeCJKParaLine(glyphs[start:end], width, used, width - used, line_break, bounds)
        )

    start = position = 0
    used = 0.0
    while position < len(glyphs):
        glyph = glyphs[position]
        if hasattr(glyph.frag, "lineBreak"):  # a <br/>: the line ends here, whatever its width
            close(start, position + 1, True)
            start = position = position + 1
            used = 0.0
            continue
        width = widths[min(len(lines), len(widths) - 1)]
        if used + glyph.width > width + _FUZZ and position > start:
            cut = next(
                (c for c in range(position, start, -1) if may_break_before(text, c)), position
            )
            close(start, cut, False)
            used = sum(g.width for g in glyphs[cut:position])
            start = cut
            continue
        used += glyph.width
        position += 1
    if start < len(glyphs):
        close(start, len(glyphs), False)
    return ParaLines(kind=1, lines=lines)
