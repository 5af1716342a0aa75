"""The current form (sh2026) through the real window: create, fill, check, convert, library."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from printed_pdf import read_pdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot
from qt_input import type_text
from testdata import DATA, SH2026_PROJECT
from window_harness import WindowFactory, field_line, finish_jobs, stored

from perfdesk import exchange
from perfdesk.library import load_templates
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import dialogs, import_export, print_actions
from ui.check_panel import CheckPanel
from ui.library_panel import LibraryDialog, open_library
from ui.main_window import MainWindow
from ui.print_preview import PrintPreview


def panel(window: MainWindow) -> CheckPanel:
    found = window.findChild(CheckPanel, "checkPanel")
    assert found is not None
    return found


def click_finding(qtbot: QtBot, window: MainWindow, text: str) -> None:
    checks = panel(window)
    items = [checks.list.item(i) for i in range(checks.list.count())]
    item = next(i for i in items if text in i.text())
    checks.list.scrollToItem(item)
    rect = checks.list.visualItemRect(item)
    qtbot.mouseClick(checks.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_current_form_project_is_created_filled_and_checked(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = open_window(db_path)
    window.findChild(type(window.project_actions.new), "newProject_sh2026").trigger()
    assert window.project is not None and window.project.layout == "sh2026"
    assert list(window.form.header_form.editors) == list(window.project.spec.field_labels)
    assert (
        window.form.form_title.text()
        == "财政项目支出绩效目标申报表（" + str(window.project.year) + "年度）"
    )
    assert window.findChild(QWidget, "checkPanelDock") is not None

    # the new project is incomplete: the panel says what is missing
    qtbot.waitUntil(lambda: panel(window).list.count() > 0)
    assert "“项目名称”未填写" in [panel(window).list.item(i).text() for i in range(3)]

    type_text(field_line(window, "项目名称"), "基层科协工作人员业务能力提升培训")
    type_text(field_line(window, "项目性质"), "经常性项目")
    type_text(field_line(window, "项目类别"), "其他运转类")
    type_text(field_line(window, "主管部门"), "上海市科学技术协会")
    type_text(field_line(window, "实施单位"), "上海市科协干部培训中心")
    window.form.year_box.setValue(2026)
    type_text(field_line(window, "计划开始日期"), "2026-01-01")
    type_text(field_line(window, "计划完成日期"), "2026年12月31日")

    # 项目资金 in two columns, amounts with two decimals
    grid = window.form.budget_form.grid
    assert isinstance(grid, QGridLayout)
    position = {
        label: grid.getItemPosition(grid.indexOf(field))[:2]
        for label, field in window.form.budget_form.editors.items()
    }
    assert position["项目资金总额"] == (0, 1) and position["年度资金申请总额"] == (0, 3)
    assert position["年度其他资金"] == (3, 3)
    label = grid.itemAtPosition(1, 0).widget()
    assert isinstance(label, QLabel) and label.text() == "其中：财政资金"
    for name, amount in (("项目资金总额", "1250000"), ("财政资金", "1,250,000"),
                         ("年度资金申请总额", "１２５００００"), ("当年财政拨款", "1250000")):  # fmt: skip
        field = window.form.budget_form.editors[name]
        type_text(field, amount)
        field.editingFinished.emit()
    assert window.form.budget_form.editors["项目资金总额"].text() == "1,250,000.00"

    tabs = window.form.sections.tabs
    labels = [tabs.tabText(i).removesuffix("（空）") for i in range(tabs.count())]
    assert labels[:3] == ["项目总体目标", "年度总体目标", "一、项目概述"]
    type_text(
        window.form.sections.editors["项目总体目标"], "1. 举办业务培训班6期；\n2. 培训600人次以上。"
    )

    # a template from the library fills the indicator table
    dialog = open_library(window)
    assert isinstance(dialog, LibraryDialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.template_choice.setCurrentIndex(dialog.template_choice.findText("培训"))
    dialog.insert_button.click()
    template = next(t for t in load_templates("sh2026") if t.name == "培训")
    assert stored(window).indicator_rows() == list(template.rows)
    assert window.form.indicator_model.rowCount() == 4  # 成本 产出 效益 满意度
    dialog.close()

    project = stored(window)
    assert project.fields["计划完成日期"] == "2026-12-31"
    assert project.budget["年度资金申请总额"] == Decimal("1250000")
    assert project.sections["项目总体目标"] == "1. 举办业务培训班6期；\n2. 培训600人次以上。"
    qtbot.waitUntil(lambda: panel(window).summary.text() == "未发现问题，可以打印", timeout=3000)

    # printed: the preview holds the current form's PDF
    assert print_actions.preview_open_project(window) is not None  # laid out in a worker
    finish_jobs(qtbot, window)
    (preview,) = [p for p in window.findChildren(PrintPreview) if p.isVisible()]
    printed = read_pdf(preview.pdf, tables=False).text
    # the 说明 first, as published, then the form
    assert printed.startswith("项目经费情况说明")
    assert printed.index("财政项目支出绩效目标申报表（2026年度）") > 0
    assert "1,250,000.00" in printed and "其中：当年财政拨款" in printed
    assert "项目总体目标：" in printed and "1.举办业务培训班6期；" in printed
    assert "2.培训600人次以上。" in printed and "参训学员满意度≥90.00(%)" in printed
    preview.close()


def test_clicking_a_finding_takes_the_officer_to_its_place(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.fields["主管部门"] = ""
    project.budget["上年结转资金"] = Decimal("-1")
    project.sections["待归类内容"] = "原绩效类型：事业/专业类"
    project.indicators[1].groups[1].indicators[1].target = ""  # 内容三审合格率
    project.year = 2027
    with Store(db_path) as store:
        store.add(project)
    window = open_window(db_path)
    qtbot.waitUntil(lambda: panel(window).list.count() == 5)
    window.activateWindow()

    click_finding(qtbot, window, "主管部门")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field_line(window, "主管部门"))

    click_finding(qtbot, window, "上年结转资金")
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is window.form.budget_form.editors["上年结转资金"]
    )

    click_finding(qtbot, window, "待归类内容")
    editor = window.form.sections.editors["待归类内容"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert window.form.sections.tabs.currentWidget() is editor

    click_finding(qtbot, window, "内容三审合格率")
    view = window.form.indicators.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert window.form.indicator_model.node(view.currentIndex()).name == "内容三审合格率"

    click_finding(qtbot, window, "表格年度 2027 年")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.year_box)


def test_an_old_form_project_is_copied_onto_the_current_form(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        first, _ = store.add_many(sample_projects())
    window = open_window(db_path)
    window.open_project(first)
    action = window.findChild(type(window.project_actions.new), "convertAction")
    assert action.isEnabled()
    action.trigger()
    copy = stored(window)
    assert copy.id not in (first, None) and copy.layout == "sh2026"
    assert window.store.get(first).layout == "sh2020"  # the original stays
    assert "待归类内容" in window.statusBar().currentMessage()
    assert not action.isEnabled()  # a current-form project has nothing to convert to
    texts = [panel(window).list.item(i).text() for i in range(panel(window).list.count())]
    assert any("待归类（原投入与管理）" in t for t in texts)
    window.act_undo.trigger()
    assert not window.store.exists(copy.id or 0)


def test_the_holding_tab_shows_only_while_it_holds_something(
    open_window: WindowFactory, db_path: Path
) -> None:
    with Store(db_path) as store:
        first, _ = store.add_many(sample_projects())
    window = open_window(db_path)
    window.findChild(type(window.project_actions.new), "newProject_sh2026").trigger()
    tabs = window.form.sections.tabs
    holding = tabs.indexOf(window.form.sections.editors["待归类内容"])
    assert not tabs.isTabVisible(holding)
    window.open_project(first)
    window.findChild(type(window.project_actions.new), "convertAction").trigger()
    assert tabs.isTabVisible(holding)
    assert "原绩效类型：事业/专业类" in window.form.sections.editors["待归类内容"].toPlainText()


def test_a_current_form_imported_exported_and_imported_back_through_the_window(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(db_path)
    monkeypatch.setattr(import_export, "run_preview", lambda preview: True)
    forms = [DATA / "sh2026_xinmeiti.txt", DATA / "sh2026_peixun.txt"]
    import_export.import_files(window, forms)
    finish_jobs(qtbot, window)
    ids = sorted(p.id or 0 for p in window.store.get_all())  # stored in the files' order
    wanted = [exchange.read_file(DATA / f"sh2026_{n}.json")[0] for n in ("xinmeiti", "peixun")]
    assert [window.store.get(i) for i in ids] == [
        Project(**{**vars(p), "id": i}) for p, i in zip(wanted, ids, strict=True)
    ]
    assert window.project is not None and window.project.layout == "sh2026"
    assert panel(window).summary.text() == "未发现问题，可以打印"

    workbook = tmp_path / "forms.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: workbook)
    import_export.export_excel(window)  # all listed, as proposed
    finish_jobs(qtbot, window)
    assert workbook.exists()

    other = open_window(tmp_path / "other.db")
    import_export.import_files(other, [workbook])  # in the list's order
    finish_jobs(qtbot, other)

    def by_name(projects: list[Project]) -> list[Project]:
        for project in projects:
            project.id = None
        return sorted(projects, key=lambda p: p.name)

    assert by_name(other.store.get_all()) == by_name(wanted)


def test_switching_forms_leaves_no_amount_of_the_other_form_on_screen(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path) as store:
        first, _ = store.add_many(sample_projects())
        current = store.add(exchange.read_file(SH2026_PROJECT)[0])
    window = open_window(db_path)

    def shown_labels() -> set[str]:
        labels = window.form.budget_form.findChildren(QLabel)
        return {label.text() for label in labels if label.isVisible()}

    window.open_project(first)
    qtbot.waitUntil(
        lambda: "项目总预算（元）：" in shown_labels()
    )  # new labels show on the next turn
    window.open_project(current)
    assert not any("（元）" in text for text in shown_labels())  # gone at once, not a frame later
    current_labels = {
        "项目资金总额：", "其中：财政资金", "其他资金：",
        "年度资金申请总额：", "其中：当年财政拨款", "上年结转资金：",
    }  # fmt: skip
    qtbot.waitUntil(lambda: shown_labels() == current_labels)


def test_the_findings_follow_typing_and_undo(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.fields["主管部门"] = ""
    with Store(db_path) as store:
        store.add(project)
    window = open_window(db_path)
    checks = panel(window)
    qtbot.waitUntil(lambda: checks.list.count() == 1)
    type_text(field_line(window, "主管部门"), "上海市科学技术协会")
    window.flush()
    qtbot.waitUntil(lambda: checks.list.count() == 0, timeout=3000)
    assert checks.summary.text() == "未发现问题，可以打印"
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: checks.list.count() == 1, timeout=3000)
    assert checks.list.item(0).text() == "“主管部门”未填写"


def test_characters_the_print_font_lacks_are_listed_once_the_font_is_read(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    project = sample_projects()[1]
    project.set_section("总目标及阶段性目标", "古文字𓀀不在字体中")  # an Egyptian hieroglyph
    with Store(db_path) as store:
        store.add(project)
    window = open_window(db_path)
    checks = panel(window)
    # The font is read a moment after the window appears, then the findings are refreshed.
    qtbot.waitUntil(
        lambda: any("𓀀" in checks.list.item(i).text() for i in range(checks.list.count())),
        timeout=10_000,
    )
