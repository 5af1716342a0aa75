"""The backup menu items, automatic backups and the damaged-database offer, in a real window."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from testdata import file_digest, wreck_a_page
from window_harness import WindowFactory, finish_jobs, held_until_cancelled

from perfdesk.backup import backup_dir, create_backup, list_backups, read_manifest
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store, check_database, check_in_background, closed_cleanly
from ui import backup_actions, dialogs, jobs
from ui.backup_actions import BackupActions, open_or_offer_restore, open_while_checking
from ui.main_window import MainWindow


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the window said, by kind of message box."""
    said: dict[str, list[str]] = {"information": [], "warning": [], "error": []}
    for kind, messages in said.items():
        monkeypatch.setattr(dialogs, kind, lambda _p, _t, text, m=messages: m.append(text))
    return said


def _filled(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return db_path


def _damaged_after_a_backup(db_path: Path) -> Path:
    """The sample projects, backed up as perfdesk-20260101-080000.zip, then the file wrecked;
    the backup folder."""
    _filled(db_path)
    folder = backup_dir(db_path)
    folder.mkdir()
    with Store(db_path) as store:
        create_backup(store, folder / "perfdesk-20260101-080000.zip")
    wreck_a_page(db_path)
    return folder


def _actions(window: MainWindow) -> BackupActions:
    found = window.findChild(BackupActions, "backupActions")
    assert isinstance(found, BackupActions)
    return found


def test_the_file_menu_has_the_three_backup_items(
    open_window: WindowFactory, db_path: Path
) -> None:
    window = open_window(db_path)
    file_menu = window.menus["file"]
    names = [a.objectName() for a in file_menu.actions() if isinstance(a, QAction)]
    for name in ("exportBackupAction", "restoreBackupAction", "openBackupFolderAction"):
        assert name in names
    texts = [a.text() for a in file_menu.actions()]
    assert {"导出备份…", "恢复备份…", "打开备份文件夹"} <= set(texts)


def test_export_writes_a_backup_of_what_is_on_screen(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(_filled(db_path))
    chosen = tmp_path / "我的备份"  # the .zip is added
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: chosen)
    window.findChild(QAction, "exportBackupAction").trigger()
    bar = jobs.runner(window).bar
    assert bar.isVisible() and "导出备份" in bar.label.text()  # shown while it runs
    finish_jobs(qtbot, window)
    written = chosen.with_name("我的备份.zip")
    assert read_manifest(written).project_count == 2
    assert str(written) in bar.label.text() and bar.folder_button.isVisible()


def test_a_cancelled_backup_export_writes_nothing(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(_filled(db_path))
    chosen = tmp_path / "备份.zip"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: chosen)
    reached: list[str] = []
    monkeypatch.setattr(
        backup_actions, "create_backup", held_until_cancelled(create_backup, reached)
    )
    window.findChild(QAction, "exportBackupAction").trigger()
    bar = jobs.runner(window).bar
    qtbot.waitUntil(lambda: reached == ["started"])
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    finish_jobs(qtbot, window)
    assert not chosen.exists() and list(tmp_path.glob("*.tmp")) == []
    assert "已取消导出备份" in bar.label.text()


def test_restore_replaces_the_projects_and_clears_undo(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _filled(db_path)
    saved = tmp_path / "saved.zip"
    with Store(db_path) as store:
        create_backup(store, saved)
    window = open_window(db_path)
    window.history.create(Project.new(), "新建项目")
    assert window.store.count() == 3 and window.history.can_undo()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: saved)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    window.findChild(QAction, "restoreBackupAction").trigger()
    finish_jobs(qtbot, window)
    assert "共 2 个项目" in asked[0]
    assert window.store.count() == 2
    assert window.project_list.model.rowCount() == 2
    assert not window.history.can_undo()
    assert "已恢复 2 个项目" in told["information"][0]
    kept = [e for e in list_backups(db_path) if not e.automatic]
    assert len(kept) == 1 and read_manifest(kept[0].path).project_count == 3


def test_a_bad_backup_is_refused_and_the_database_is_unchanged(
    open_window: WindowFactory,
    db_path: Path,
    tmp_path: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(_filled(db_path))
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a backup")
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: bad)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: pytest.fail("asked about a bad file"))
    before = window.store.get_all()
    window.findChild(QAction, "restoreBackupAction").trigger()
    assert "已损坏" in told["error"][0]
    assert [p.name for p in window.store.get_all()] == [p.name for p in before]


def test_automatic_backup_after_a_change_and_at_exit(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = open_window(_filled(db_path))
    actions = _actions(window)
    assert actions.timer.isActive()
    first = actions.tick()  # no backup yet: the first chance makes one, in a worker
    assert first is not None and first.background
    finish_jobs(qtbot, window)
    assert actions.tick() is None  # nothing changed
    window.history.create(Project.new(), "新建项目")
    assert actions.tick() is None  # changed, but the last backup is too recent
    window.close()
    at_exit = actions.auto_job
    assert at_exit is not None and at_exit is not first
    assert jobs.wait_for_all(30_000)  # as the program does before its process ends
    assert not at_exit.running
    newest = list_backups(db_path)[0]
    assert read_manifest(newest.path).project_count == 3  # made at exit


def test_open_backup_folder_shows_the_folder(
    open_window: WindowFactory, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(dialogs, "open_folder", lambda folder: shown.append(folder) or True)
    window = open_window(db_path)
    window.findChild(QAction, "openBackupFolderAction").trigger()
    assert shown == [backup_dir(db_path)] and backup_dir(db_path).is_dir()


@pytest.mark.parametrize("checked_beside", [False, True], ids=["store-checks", "checked-beside"])
def test_a_damaged_database_at_start_is_restored_from_the_newest_good_backup(
    db_path: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    checked_beside: bool,
) -> None:
    folder = _damaged_after_a_backup(db_path)
    damaged = db_path.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    checked = check_in_background(db_path) if checked_beside else None
    store = open_or_offer_restore(db_path, checked)
    assert store is not None
    try:
        assert "已损坏" in asked[0] and "perfdesk-20260101-080000.zip" in asked[0]
        assert store.count() == 2
        assert check_database(db_path) == []
    finally:
        store.close()
    kept = folder.glob("perfdesk-damaged-*.db")
    assert [k.read_bytes() == damaged for k in kept] == [True]


@pytest.mark.parametrize("checked_beside", [False, True], ids=["store-checks", "checked-beside"])
def test_declining_the_offer_leaves_the_damaged_file_untouched(
    db_path: Path,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    checked_beside: bool,
) -> None:
    _damaged_after_a_backup(db_path)
    digest = file_digest(db_path)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: False)
    checked = check_in_background(db_path) if checked_beside else None
    assert open_or_offer_restore(db_path, checked) is None
    assert file_digest(db_path) == digest


def test_the_window_is_built_while_the_start_up_check_reads(
    db_path: Path, qtbot: QtBot, told: dict[str, list[str]]
) -> None:
    """A sound file: the window is built on it beside the check and handed back unshown,
    with nothing written to the file before the check has passed."""
    digest = file_digest(_filled(db_path))
    checked = check_in_background(db_path)
    built: list[MainWindow] = []

    def build(store: Store) -> MainWindow:
        built.append(MainWindow(store))
        assert not checked.done() or checked.result() == []  # (or the check was quicker)
        return built[-1]

    opened = open_while_checking(db_path, checked, build)
    assert opened is not None
    store, window = opened
    try:
        qtbot.addWidget(window)
        assert built == [window] and not window.isVisible()
        assert store.count() == 2 and checked.result() == []
        assert file_digest(db_path) == digest
        assert told == {"information": [], "warning": [], "error": []}
    finally:
        window.close()
        jobs.wait_for_all()
        store.close()


@pytest.mark.parametrize("restore", [True, False], ids=["restored", "declined"])
def test_a_window_built_on_a_damaged_file_is_dropped_unseen(
    db_path: Path,
    qtbot: QtBot,
    told: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    restore: bool,
) -> None:
    _damaged_after_a_backup(db_path)
    digest = file_digest(db_path)
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or restore
    )
    built: list[MainWindow] = []

    def build(store: Store) -> MainWindow:
        built.append(MainWindow(store))
        return built[-1]

    opened = open_while_checking(db_path, check_in_background(db_path), build)
    assert "已损坏" in asked[0]
    if not restore:
        assert opened is None and file_digest(db_path) == digest
        return
    assert opened is not None
    store, window = opened
    try:
        qtbot.addWidget(window)
        assert window is built[-1] and store.count() == 2 and check_database(db_path) == []
        if len(built) == 2:  # the first was built on the damaged file (or failed to be)
            qtbot.waitUntil(lambda: not shiboken6.isValid(built[0]))
    finally:
        window.close()
        jobs.wait_for_all()
        store.close()


def test_damage_found_beside_a_window_opened_on_a_cleanly_closed_file_stops_its_writing(
    db_path: Path, qtbot: QtBot, told: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file closed cleanly: the window comes back before the check ends; when the check then
    reports damage, the officer is told and no change reaches the file any more."""
    _filled(db_path)
    assert closed_cleanly(db_path)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _p, _t, text: errors.append(text))
    checking: Future[list[str]] = Future()  # still reading
    opened = open_while_checking(db_path, checking, MainWindow)
    assert opened is not None
    store, window = opened
    try:
        qtbot.addWidget(window)
        digest = file_digest(db_path)
        checking.set_result(["完整性：第 7 页已损坏"])
        qtbot.waitUntil(lambda: bool(told["warning"]))
        assert "已损坏" in told["warning"][0] and "第 7 页" in told["warning"][0]
        window.commit("改名", lambda p: p.set_field("项目名称", "不该写入"))
        assert errors and "已损坏" in errors[0]
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert file_digest(db_path) == digest
    finally:
        window.close()
        jobs.wait_for_all()
        store.close()


def test_after_an_unclean_end_the_window_waits_for_the_check(
    db_path: Path, qtbot: QtBot, told: dict[str, list[str]]
) -> None:
    """A write-ahead log left beside the file (a killed program): nothing is handed back, so
    nothing can write, before the check has passed."""
    _filled(db_path)
    killed = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "conn.execute(\"UPDATE projects SET updated_at = '2026-01-01T08:00:00'\")\n"
        "conn.commit()\n"
        "os._exit(0)  # killed before it could close the file\n"
    )
    subprocess.run([sys.executable, "-c", killed, str(db_path)], check=True)
    assert not closed_cleanly(db_path)
    checking: Future[list[str]] = Future()
    passed_at: list[float] = []

    def pass_the_check() -> None:
        passed_at.append(time.monotonic())
        checking.set_result([])

    def build(store: Store) -> MainWindow:
        threading.Timer(0.3, pass_the_check).start()
        return MainWindow(store)

    opened = open_while_checking(db_path, checking, build)
    returned_at = time.monotonic()
    assert opened is not None and passed_at and returned_at >= passed_at[0]
    store, window = opened
    qtbot.addWidget(window)
    window.close()
    jobs.wait_for_all()
    store.close()
    assert told["warning"] == []


def test_without_a_good_backup_the_damage_is_explained(
    db_path: Path, told: dict[str, list[str]]
) -> None:
    wreck_a_page(_filled(db_path))
    assert open_or_offer_restore(db_path) is None
    assert "已损坏" in told["error"][0] and "没有可用的备份" in told["error"][0]


_HOLD_LOCK = """
import sys
from pathlib import Path
from ui.single_instance import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]))
assert lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
"""


def test_the_command_line_will_not_restore_under_an_open_window(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from perfdesk.cli import main

    _filled(db_path)
    saved = tmp_path / "saved.zip"
    with Store(db_path) as store:
        create_backup(store, saved)
    window = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "locked"
        digest = file_digest(db_path)
        assert main(["--db", str(db_path), "restore", str(saved)]) == 1
        assert "窗口中打开" in capsys.readouterr().err
        assert file_digest(db_path) == digest
    finally:
        window.kill()  # as if it crashed: the lock it leaves behind is stale
        window.communicate()  # also closes the pipes
    assert main(["--db", str(db_path), "restore", str(saved)]) == 0


def test_the_interval_is_a_preference(open_window: WindowFactory, db_path: Path) -> None:
    from ui import settings

    settings.Settings().set(settings.BACKUP_MINUTES, 45)
    assert _actions(open_window(db_path)).auto.interval_minutes == 45
