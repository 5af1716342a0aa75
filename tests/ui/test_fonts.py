"""The UI font is chosen explicitly and draws Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from ui.fonts import LINUX_FAMILIES, apply_ui_font, cjk_family


def test_a_cjk_family_is_chosen(qapp: QApplication) -> None:
    family = cjk_family()
    assert family in LINUX_FAMILIES  # fonts-wqy-zenhei is installed where the tests run
    font = apply_ui_font(qapp)
    assert font.families()[0] == family
    assert QApplication.font().families()[0] == family
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "财政项目支出绩效目标表（元）")
