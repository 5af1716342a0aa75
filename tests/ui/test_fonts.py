"""The UI font is chosen explicitly and draws Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from ui.fonts import apply_ui_font, cjk_family, preferred_families


def test_a_cjk_family_is_chosen(qapp: QApplication) -> None:
    family = cjk_family()
    # One of this system's usual CJK fonts is installed where the tests run (on Linux
    # fonts-wqy-zenhei, on Windows 微软雅黑 or 宋体).
    assert family in preferred_families()
    font = apply_ui_font(qapp)
    assert font.families()[0] == family
    assert QApplication.font().families()[0] == family
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "财政项目支出绩效目标表（元）")
