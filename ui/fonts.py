"""Fonts: a UI font that draws Chinese well, chosen explicitly (Qt's fallback varies by
system), and the fonts the forms are printed with."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui import settings

if TYPE_CHECKING:
    from perfdesk.printing import FontSet

# In order of preference; the first one installed wins.
WINDOWS_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "SimSun")
MAC_FAMILIES = ("PingFang SC", "Hiragino Sans GB", "Heiti SC")
LINUX_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)


def preferred_families() -> tuple[str, ...]:
    if sys.platform == "win32":
        return WINDOWS_FAMILIES
    if sys.platform == "darwin":
        return MAC_FAMILIES
    return LINUX_FAMILIES


def cjk_family() -> str | None:
    """The first preferred family that is installed and has Simplified Chinese glyphs."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in preferred_families():
        if family in installed:
            return family
    return None


def apply_ui_font(app: QApplication) -> QFont:
    """Set the application font to a CJK family at the system's usual size."""
    font = app.font()
    family = cjk_family()
    if family:
        font.setFamilies([family, *font.families()])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)  # Chinese needs a little more than Latin-only 9 pt
    app.setFont(font)
    return font


def print_fonts(prefs: settings.Settings) -> FontSet:
    """The fonts to print with: the one picked in the settings, or the system's."""
    chosen = prefs.get(settings.PRINT_FONT)
    from perfdesk.printing import resolve_fonts  # ReportLab loads when first needed

    return resolve_fonts(Path(chosen) if chosen else None)
