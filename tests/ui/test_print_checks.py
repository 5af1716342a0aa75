"""Printing a form with errors asks first; a clean form prints straight away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from testdata import SH2026_PROJECT
from window_harness import WindowFactory, finish_jobs

from perfdesk import exchange
from perfdesk.store import Store
from ui import dialogs, print_actions, print_preview
from ui.main_window import MainWindow
from ui.print_preview import PrintPreview


def window_with(open_window: WindowFactory, db_path: Path, *, broken: bool) -> MainWindow:
    project = exchange.read_file(SH2026_PROJECT)[0]
    if broken:
        project.fields["主管部门"] = ""
    with Store(db_path) as store:
        store.add(project)
    return open_window(db_path)


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """What reaches the print dialog (the dialog itself is modal: it is not opened)."""
    sent: list[bytes] = []
    monkeypatch.setattr(PrintPreview, "print_document", lambda self: sent.append(self.pdf))
    return sent


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The officer's answers to 仍然打印 (set answers[0]), and the questions asked."""
    record: list[Any] = [False]

    def confirm(_parent: object, title: str, text: str, *, action: str = "") -> bool:
        record.append((title, text, action))
        return bool(record[0])

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return record


def test_a_form_with_errors_is_not_printed_unless_the_officer_says_so(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, printed: list[bytes], asked: list[Any]
) -> None:
    window = window_with(open_window, db_path, broken=True)
    assert print_actions.print_open_project(window) is None  # asked first, nothing laid out
    assert printed == []
    title, text, action = asked[1]
    assert title == "表格有错误" and action == "仍然打印"
    assert "新媒体矩阵运营" in text
    asked[0] = True
    print_actions.print_open_project(window)
    finish_jobs(qtbot, window)
    assert len(printed) == 1 and printed[0].startswith(b"%PDF")


def test_a_clean_form_prints_without_a_question(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot, printed: list[bytes], asked: list[Any]
) -> None:
    window = window_with(open_window, db_path, broken=False)
    print_actions.print_open_project(window)
    finish_jobs(qtbot, window)
    assert len(printed) == 1
    assert asked == [False]  # nothing asked


def test_the_preview_asks_before_its_print_dialog(
    open_window: WindowFactory,
    db_path: Path,
    qtbot: QtBot,
    asked: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(print_preview, "QPrintDialog", lambda *args: opened.append(args))
    window = window_with(open_window, db_path, broken=True)
    assert print_actions.preview_open_project(window) is not None  # looking is fine
    finish_jobs(qtbot, window)
    (preview,) = [p for p in window.findChildren(PrintPreview) if p.isVisible()]
    preview.act_print.trigger()
    assert len(asked) == 2 and opened == []  # asked, answered no: no print dialog
    preview.close()
