"""The window beside other programs: typing saved while another program holds the database
is kept and stored later (never reverted); a database locked at start is reported as in use,
not offered for restore; save dialogs never write over the database; what a killed backup left
behind is gone when the window starts."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_input import type_text
from testdata import LOCK_MODES, file_digest, locked_by_another_process
from window_harness import WindowFactory

from perfdesk import store as store_module
from perfdesk.paths import backup_dir
from perfdesk.sample import sample_projects
from perfdesk.store import Store, check_in_background
from ui import dialogs
from ui import main_window as main_window_module
from ui.backup_actions import open_or_offer_restore
from ui.main_window import MainWindow


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"information": [], "warning": [], "error": [], "confirm": []}
    for kind in ("information", "warning", "error"):
        monkeypatch.setattr(dialogs, kind, lambda _p, _t, text, m=said[kind]: m.append(text))
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, text, **_k: said["confirm"].append(text) or False
    )
    return said


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store(db_path) as opened:
        opened.add_many(sample_projects())
    return db_path


def _section_in_file(db: Path, project_id: int, label: str) -> str:
    """What the database file holds, read by another connection (as another program would)."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT body FROM project_sections WHERE project_id = ? AND label = ?",
            [project_id, label],
        ).fetchone()
        return str(row[0])
    finally:
        conn.close()


def test_typing_while_another_program_writes_is_kept_and_stored_later(
    open_window: WindowFactory,
    filled: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window_module, "SAVE_WAIT_SECONDS", 0.2)
    window = open_window(filled)
    assert window.project is not None and window.project.id is not None
    project_id = window.project.id
    label = window.form.sections.labels[0]
    editor = window.form.sections.editors[label]
    original = editor.toPlainText()
    with locked_by_another_process(filled, "writers-out"):
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_text(editor, "第一句补充。")
        window.flush()
        type_text(editor, "第二句补充。")
        window.flush()
        # Not stored yet, not reverted either: on screen, in the window, and said so.
        assert editor.toPlainText() == original + "第一句补充。第二句补充。"
        assert window.project.sections[label] == editor.toPlainText()
        assert "等待保存" in window.windowTitle()
        assert _section_in_file(filled, project_id, label) == original
        # Going to another project and back shows the kept edit, not the stored text.
        other = next(s.id for s in window.store.list_projects() if s.id != project_id)
        window.open_project(other)
        window.open_project(project_id)
        assert (
            window.form.sections.editors[label].toPlainText()
            == original + "第一句补充。第二句补充。"
        )
    qtbot.waitUntil(lambda: "已自动保存" in window.windowTitle(), timeout=5000)
    assert _section_in_file(filled, project_id, label) == original + "第一句补充。第二句补充。"
    window.undo()  # one step back to what the database had before
    assert _section_in_file(filled, project_id, label) == original


def test_closing_with_an_edit_still_waiting_asks_first(
    open_window: WindowFactory,
    filled: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window_module, "SAVE_WAIT_SECONDS", 0.2)
    window = open_window(filled)
    label = window.form.sections.labels[0]
    original = window.form.sections.editors[label].toPlainText()
    with locked_by_another_process(filled, "writers-out"):
        type_text(window.form.sections.editors[label], "补充")
        window.flush()
        assert not window.close()  # asked, answered no: the window stays with the edit
        assert told["confirm"] and "还没有保存" in told["confirm"][0]
        assert window.isVisible()
    assert window.close()  # the database is free again: stored on the way out
    assert window.project is not None and window.project.id is not None
    assert _section_in_file(filled, window.project.id, label) == "补充" + original


@pytest.mark.parametrize("checked_beside", [False, True], ids=["store-checks", "checked-beside"])
@pytest.mark.parametrize("mode", LOCK_MODES)
def test_a_locked_database_at_start_is_in_use_not_damaged(
    mode: str,
    checked_beside: bool,
    filled: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.3)
    before = file_digest(filled)
    with locked_by_another_process(filled, mode):
        checked = check_in_background(filled) if checked_beside else None
        opened = open_or_offer_restore(filled, checked)
    try:
        if mode == "writers-out":  # others may read beside a writer: the window opens
            assert opened is not None and opened.count() == 2
        else:
            assert opened is None
            assert told["error"] and "正在被另一个程序使用" in told["error"][0]
        assert told["confirm"] == []  # no restore offered
        assert not any("损坏" in text for texts in told.values() for text in texts)
    finally:
        if opened is not None:
            opened.close()
    assert file_digest(filled) == before
    assert not backup_dir(filled).exists()


@pytest.mark.parametrize(
    ("action", "suffix"),
    [("exportBackupAction", ".zip"), ("exportExcelAction", ".xlsx"), ("exportWordAction", ".docx")],
)
def test_save_dialogs_refuse_a_name_that_leads_to_the_database(
    action: str,
    suffix: str,
    open_window: WindowFactory,
    filled: Path,
    tmp_path: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(filled)
    symbolic = tmp_path / f"symbolic{suffix}"
    symbolic.symlink_to(filled)
    hard = tmp_path / f"hard{suffix}"
    hard.hardlink_to(filled)
    wal = Path(str(filled) + "-wal")
    wal_link = tmp_path / f"log{suffix}"
    wal_link.symlink_to(wal)
    before = file_digest(filled)
    for target in (symbolic, hard, wal_link):
        told["error"].clear()
        monkeypatch.setattr(dialogs, "save_file", lambda *_a, t=target: t)
        window.findChild(QAction, action).trigger()
        assert told["error"] and "不能写到" in told["error"][0], target
        assert file_digest(filled) == before
    assert hard.samefile(filled) and symbolic.resolve() == filled.resolve()


def test_exporting_the_preview_refuses_the_database(
    open_window: WindowFactory,
    filled: Path,
    tmp_path: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.print_preview import export_pdf

    window = open_window(filled)
    link = tmp_path / "表.pdf"
    link.symlink_to(filled)
    before = file_digest(filled)
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: link)
    assert export_pdf(window, b"%PDF-1.4", "表.pdf") is None
    assert "不能写到" in told["error"][-1]
    assert file_digest(filled) == before


def test_what_a_killed_backup_left_is_gone_when_the_window_starts(
    filled: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app as app_module

    folder = backup_dir(filled)
    folder.mkdir()
    left = [
        filled.parent / ".perfdesk-restore-k1ll3d.db",
        filled.parent / ".perfdesk-restore-k1ll3d.db-wal",
        folder / ".perfdesk-snapshot-k1ll3d.db",
        folder / ".perfdesk-20260101-080000.zip.x7y8z9.tmp",
    ]
    for path in left:
        path.write_bytes(b"half of something" * 1000)
        os.utime(path, (1_000_000_000, 1_000_000_000))  # from a process long gone

    def exec_and_close(_self: object = None) -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_and_close)
    assert app_module.run(filled) == 0
    assert not [path for path in left if path.exists()]
