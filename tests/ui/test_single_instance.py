"""One window per database, whatever name it is opened by; a second start brings the open
window to the front; a lock left by a crash does not lock the officer out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from testdata import REPO
from window_harness import WindowFactory

from perfdesk.store import Store
from ui import app, dialogs, single_instance
from ui.single_instance import DatabaseLock, lock_path, serve


def test_a_second_lock_on_the_same_database_fails(db_path: Path) -> None:
    with DatabaseLock(db_path) as first:
        assert first.acquire()
        second = DatabaseLock(db_path)
        assert not second.acquire()
    assert DatabaseLock(db_path).acquire()  # released on exit


def test_a_lock_left_by_a_crashed_process_is_taken_over(db_path: Path) -> None:
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from ui.single_instance import DatabaseLock\n"
        "lock = DatabaseLock(Path(sys.argv[1]))\n"
        "assert lock.acquire()\n"
        "os._exit(0)  # dies without unlocking, as a crash would\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db_path)], cwd=REPO, check=True)
    assert lock_path(db_path).exists()
    lock = DatabaseLock(db_path)
    assert lock.acquire()
    lock.release()


def test_a_symbolic_link_or_another_spelling_is_the_same_database(
    db_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut" / "link.db"
    link.parent.mkdir()
    link.symlink_to(db_path)
    spelled = tmp_path / "shortcut" / ".." / db_path.name
    with DatabaseLock(db_path) as held:
        assert held.acquire()
        assert not DatabaseLock(link).acquire()
        assert not DatabaseLock(spelled).acquire()
    assert single_instance.server_name(link) == single_instance.server_name(db_path)
    assert lock_path(link) == lock_path(db_path)


def test_a_second_start_by_a_link_brings_the_open_window_forward(
    open_window: WindowFactory, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    with Store(db_path):
        pass
    window = open_window(db_path)
    lock = DatabaseLock(db_path)
    assert lock.acquire()  # as ui.app.run holds it for the open window
    server = serve(window, db_path)
    try:
        window.showMinimized()
        link = tmp_path / "link.db"
        link.symlink_to(db_path)
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
        second = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from ui import app; sys.exit(app.run(sys.argv[1]))",
                str(link),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        with qtbot.waitSignal(server.activated, timeout=30_000):
            pass  # the window's thread answers while the second start waits
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        output = second.communicate()[0].decode("utf-8", "replace")
        assert second.returncode == 0, output  # it left quietly, no message
        assert not window.isMinimized() and window.isVisible()
    finally:
        server.close()
        lock.release()


def test_a_second_start_says_so_and_leaves(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "KNOCK_SECONDS", 0.3)  # no window answers here
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warning", lambda _parent, _title, text: shown.append(text))
    with DatabaseLock(db_path) as held:
        assert held.acquire()
        assert app.run(db_path) == 1
    assert shown and str(db_path) in shown[0] and "另一个 PerfDesk 窗口" in shown[0]
    assert "PID" not in shown[0]
    assert not db_path.exists()  # nothing was opened or created
