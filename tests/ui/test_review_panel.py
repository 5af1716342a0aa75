"""The 审核 dock in a real window over a real database file: grade, reasons, live while
typing, a click goes to the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_input import type_text
from window_harness import WindowFactory

from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui.review_panel import ReviewPanel


def panel_of(window: object) -> ReviewPanel:
    found = window.findChild(ReviewPanel, "reviewPanel")  # type: ignore[attr-defined]
    assert isinstance(found, ReviewPanel)
    return found


def test_panel_shows_grade_follows_typing_and_goes_to_the_field(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        [_, second] = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(second)
    panel = panel_of(window)
    assert panel.grade.text() == "审核等级：良（82.5 分）"
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "[完整性] “总目标及阶段性目标”未填写" in texts

    target = window.form.sections.editors["总目标及阶段性目标"]
    type_text(target, "发布科普信息，提高科学传播效应，完成科普短片。")
    window.flush()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "[完整性] “总目标及阶段性目标”未填写" not in texts
    assert "84.5 分" in panel.grade.text()

    # 说明写了“…短片5则…”：it points at the first narrative section
    row = next(i for i in range(panel.list.count()) if "短片5则" in panel.list.item(i).text())
    panel.list.scrollToItem(panel.list.item(row))
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    overview = window.form.sections.editors["项目概况"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is overview)
