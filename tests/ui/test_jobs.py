"""Long work in a worker, in a real window: one job at a time, closing while one runs, a
restore held modal and cancelled, messages in Chinese with the details in the log."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from qt_input import type_text
from testdata import file_digest, locked_by_another_process
from window_harness import WindowFactory, finish_jobs, held_until_cancelled

from perfdesk.backup import create_backup
from perfdesk.errors import PerfDeskError
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from ui import backup_actions, dialogs, jobs
from ui import main_window as main_window_module
from ui.backup_actions import BackupActions


def _filled(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return db_path


def test_one_job_of_the_officers_at_a_time(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(_filled(db_path))
    reached: list[str] = []
    monkeypatch.setattr(
        backup_actions, "create_backup", held_until_cancelled(create_backup, reached)
    )
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: tmp_path / "备份.zip")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "information", lambda _p, _t, text: told.append(text))
    export = window.findChild(QAction, "exportBackupAction")
    export.trigger()
    qtbot.waitUntil(lambda: reached == ["started"])
    export.trigger()  # a second one while the first runs
    assert told == ["正在导出备份，请等它完成（或取消它）后再试。"]
    assert len(jobs.runner(window).jobs) == 1
    jobs.runner(window).bar.cancel_button.click()
    finish_jobs(qtbot, window)


def test_closing_while_a_job_runs_asks_then_cancels_it(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(_filled(db_path))
    reached: list[str] = []
    monkeypatch.setattr(
        backup_actions, "create_backup", held_until_cancelled(create_backup, reached)
    )
    target = tmp_path / "备份.zip"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: target)
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or answers.pop(0)
    )
    window.findChild(QAction, "exportBackupAction").trigger()
    qtbot.waitUntil(lambda: reached == ["started"])

    assert not window.close()  # "no": the window stays, the job goes on
    assert window.isVisible() and jobs.runner(window).busy() is not None
    assert asked == ["正在导出备份。关闭窗口会取消它，仍要关闭吗？"]
    assert window.close()  # "yes": cancelled
    assert jobs.wait_for_all(30_000)
    assert not target.exists() and list(tmp_path.glob("*.tmp")) == []


def test_a_close_the_officer_takes_back_leaves_jobs_and_backups_as_they_were(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing asks about the running job ("yes") and then about an edit not yet saved ("no"):
    the window stays, and so must everything else — the job is not cancelled, no backup at exit
    is begun, automatic backups go on, and a job's ending is still told."""
    monkeypatch.setattr(main_window_module, "SAVE_WAIT_SECONDS", 0.2)
    window = open_window(_filled(db_path))
    backups = window.findChild(BackupActions, "backupActions")
    assert isinstance(backups, BackupActions)
    reached: list[str] = []
    monkeypatch.setattr(
        backup_actions, "create_backup", held_until_cancelled(create_backup, reached)
    )
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: tmp_path / "备份.zip")
    answers = [True, False]
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or answers.pop(0)
    )
    window.findChild(QAction, "exportBackupAction").trigger()
    qtbot.waitUntil(lambda: reached == ["started"])
    runner = jobs.runner(window)
    label = window.form.sections.labels[0]
    with locked_by_another_process(db_path, "writers-out"):
        type_text(window.form.sections.editors[label], "补充")
        window.flush()
        assert not window.close()
    assert len(asked) == 2 and "还没有保存" in asked[1]
    assert window.isVisible() and not runner.closed
    qtbot.wait(100)  # a cancelled export would end now
    assert runner.busy() is not None  # still running, not cancelled
    assert backups.timer.isActive() and backups.auto_job is None  # no backup "at exit"
    runner.bar.cancel_button.click()
    finish_jobs(qtbot, window)
    assert runner.bar.label.text() == "已取消导出备份"  # told: the window is not closing


def test_a_restore_keeps_the_window_waiting_and_can_be_cancelled(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = tmp_path / "saved.zip"
    with Store(tmp_path / "other.db") as other:
        other.add_many(sample_projects()[:1])
        create_backup(other, saved)
    window = open_window(_filled(db_path))
    reached: list[str] = []
    monkeypatch.setattr(
        backup_actions,
        "restore_backup",
        held_until_cancelled(backup_actions.restore_backup, reached),
    )
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: saved)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    before = file_digest(db_path)
    window.findChild(QAction, "restoreBackupAction").trigger()
    qtbot.waitUntil(lambda: reached == ["started"])
    progress = window.findChild(QProgressDialog, "jobDialog")
    assert progress is not None and progress.isVisible() and progress.isModal()
    (cancel,) = progress.findChildren(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    finish_jobs(qtbot, window)
    assert window.store.count() == 2 and file_digest(db_path) == before
    assert jobs.runner(window).bar.label.text() == "已取消恢复备份"


def test_messages_are_chinese_and_the_details_are_logged(error_log: Path) -> None:
    cause = OSError(errno.ENOSPC, "No space left on device")
    try:
        try:
            raise cause
        except OSError as exc:
            raise PerfDeskError(f"无法写入 D:\\报表\\表.xlsx：{exc.strerror}") from exc
    except PerfDeskError as wrapped:
        said = dialogs.explain(wrapped)
    assert said.startswith("无法写入 D:\\报表\\表.xlsx")
    assert "No space" not in said and str(error_log) in said
    assert "No space left on device" in error_log.read_text(encoding="utf-8")

    said = dialogs.explain(sqlite3.OperationalError("database is locked"))
    assert said.startswith("数据库操作没有完成") and "locked" not in said
    said = dialogs.explain(KeyError("summary"))
    assert said.startswith("PerfDesk 出现了程序错误") and "summary" not in said
