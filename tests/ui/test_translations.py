"""The English catalogue: every text of the window translated, current with ui/, and the
English window showing no Chinese chrome (the officer's data and the forms' own headings stay
as they are)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGroupBox,
    QMenu,
)
from pytestqt.qtbot import QtBot
from testdata import REPO

from perfdesk.layouts import all_layouts
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import settings
from ui.app import TRANSLATIONS, create_application, install_translators
from ui.check_panel import CheckPanel
from ui.main_window import MainWindow

TS = TRANSLATIONS / "perfdesk_en.ts"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
PLACEHOLDERS = re.compile(r"%\d|\{\d*\}")
SHORTCUTS = re.compile(r"(?:Ctrl|Shift|Alt)\+\w+")
# Names of languages are shown in their own language, whatever the window's language.
LANGUAGE_NAMES = ("中文（简体）", "语言")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def _tool(name: str) -> str:
    """A PySide6 tool of this environment: bin/NAME on Linux, Scripts\\NAME.exe on Windows."""
    found = shutil.which(name, path=sysconfig.get_path("scripts"))
    assert found, f"{name} is not installed in this environment"
    return found


def _lupdate(ts: Path) -> None:
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )


def test_every_text_has_finished_english() -> None:
    messages = _messages(TS)
    assert len(messages) > 200
    problems = []
    for context, source, translation in messages:
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        if translation.get("type") is not None or not text.strip():
            problems.append(f"not finished: {where}")
            continue
        if sorted(PLACEHOLDERS.findall(source)) != sorted(PLACEHOLDERS.findall(text)):
            problems.append(f"placeholders differ: {where}")
        if SHORTCUTS.findall(source) != SHORTCUTS.findall(text):
            problems.append(f"shortcut changed: {where}")
        if re.search(r"\(&\w\)", source) and not re.search(r"&\w", text):
            problems.append(f"accelerator lost: {where}")
        # Chinese in the English text only where the source is bilingual (语言 / Language).
        if any(run not in source for run in CJK.findall(text)):
            problems.append(f"Chinese left in the English: {where}")
    assert problems == []


def test_catalogue_holds_exactly_the_texts_of_the_window(tmp_path: Path) -> None:
    """A text added in ui/ without refreshing the catalogue (or filed under a context that
    is never looked up) shows up here: scripts/update_translations.py refreshes it."""
    fresh = tmp_path / "fresh.ts"
    _lupdate(fresh)
    in_code = {(context, source) for context, source, _ in _messages(fresh)}
    in_catalogue = {(context, source) for context, source, _ in _messages(TS)}
    assert in_code - in_catalogue == set(), "texts without English"
    assert in_catalogue - in_code == set(), "English for texts no longer in the window"
    # The context a text is looked up in: its class (self.tr) or its module's name
    # (QCoreApplication.translate); ``window.tr`` in a function would be filed as "window".
    ui_files = list((REPO / "ui").glob("*.py"))
    classes = {name for p in ui_files for name in re.findall(r"^class (\w+)", p.read_text(), re.M)}
    modules = {p.stem for p in ui_files}
    assert {context for context, _ in in_code} - classes - modules == set()


def test_committed_qm_is_released_from_the_ts(tmp_path: Path) -> None:
    released = tmp_path / "perfdesk_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(released)],
        check=True,
        capture_output=True,
    )
    assert released.read_bytes() == (TRANSLATIONS / "perfdesk_en.qm").read_bytes()


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts += [action.text(), action.toolTip(), action.statusTip()]
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts += _menu_texts(submenu)
    return texts


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    settings.Settings().set(settings.LANGUAGE, "en")
    create_application()
    yield
    install_translators(qapp, "zh_CN")


@pytest.mark.usefixtures("english")
def test_english_window_has_no_chinese_chrome(qtbot: QtBot, db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_many(sample_projects())
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        project = window.current_project()
        assert project is not None
        spec = project.spec

        texts = [window.windowTitle()]
        for menu in window.menuBar().findChildren(QMenu):
            if menu.parent() is window.menuBar():
                texts += _menu_texts(menu)
        texts += [dock.windowTitle() for dock in window.findChildren(QDockWidget)]
        texts += [button.text() for button in window.findChildren(QAbstractButton)]
        texts += [box.title() for box in window.findChildren(QGroupBox)]
        check_panel = window.findChild(CheckPanel)
        assert check_panel is not None
        texts += [
            window.project_list.search.placeholderText(),
            window.project_list.count_label.text(),
            check_panel.summary.text(),
            window.database_label.text(),
            window.form.year_box.suffix(),
        ]
        for model in (window.project_list.model, window.form.indicator_model):
            texts += [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in (0, 1)]
        window.close()

    # The officer's data and the forms' own names and headings are Chinese in any language.
    data = sorted(
        {
            *(layout.name for layout in all_layouts().values()),
            spec.budget_heading,
            spec.targets_caption(project.year),
            *spec.indicator_columns,
            spec.level_word,
            *(row.level1 for row in spec.standard_block),
            *(p.name for p in sample_projects()),
            *(p.unit for p in sample_projects()),
            *LANGUAGE_NAMES,
        },
        key=len,
        reverse=True,
    )
    chinese = []
    for text in texts:
        for known in data:
            text = text.replace(known, "")
        if CJK.search(text):
            chinese.append(text)
    assert chinese == []
    assert "&File" in texts and "Checks" in texts and "Print Preview…" in texts
