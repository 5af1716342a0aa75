"""User text made safe for ReportLab's paragraph markup."""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape


def markup(text: str) -> str:
    """``text`` as paragraph markup: ``<``, ``>`` and ``&`` escaped, line breaks kept.

    Control characters (pasted from other programs) are left out: they have no glyph and
    would break the markup.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(escape(_without_controls(line)) for line in lines)


def _without_controls(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc")


def printed_characters(text: str) -> list[str]:
    """The characters of ``text`` that need a glyph (not spaces, line breaks or controls)."""
    return [ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE]


_INVISIBLE = {"Cc", "Cf"}  # controls, and format marks such as zero-width spaces
