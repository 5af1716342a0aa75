"""One window per database; a lock left by a crash does not lock the officer out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from testdata import REPO

from ui import app, dialogs
from ui.single_instance import DatabaseLock, lock_path


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


def test_a_second_start_says_so_and_leaves(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warning", lambda _parent, _title, text: shown.append(text))
    with DatabaseLock(db_path) as held:
        assert held.acquire()
        assert app.run(db_path) == 1
    assert shown and str(db_path) in shown[0] and "另一个 PerfDesk 窗口" in shown[0]
    assert not db_path.exists()  # nothing was opened or created
