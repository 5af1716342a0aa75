"""The 检查 list on its own: what it shows and what a click reports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from testdata import SH2026_PROJECT

from perfdesk import exchange
from perfdesk.checks import check
from ui.check_panel import CheckPanel


def test_findings_are_listed_errors_first_and_a_click_reports_the_finding(qtbot: QtBot) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.fields["主管部门"] = ""
    project.indicators[1].groups[0].indicators[0].target = "≥1400"
    findings = check(project)
    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_findings(findings)
    assert panel.list.count() == 2
    assert panel.list.item(0).text() == "“主管部门”未填写"
    assert "没有计量单位" in panel.list.item(1).text()
    assert panel.summary.text().startswith("1 个错误，1 个警告")
    rect = panel.list.visualItemRect(panel.list.item(1))
    with qtbot.waitSignal(panel.findingActivated) as signal:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [findings[1]]


def test_a_clean_project_and_no_project_say_so(qtbot: QtBot) -> None:
    panel = CheckPanel()
    qtbot.addWidget(panel)
    assert panel.summary.text() == "没有打开的项目"
    panel.show_findings([])
    assert panel.summary.text() == "未发现问题，可以打印"
    assert panel.list.count() == 0
