"""No litter: what a killed backup or restore leaves (its snapshot, its half-written zip) is
removed at the next start of any PerfDesk command, in the backup folder and beside the
database; a temporary file a live process is still working on is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from testdata import perfdesk

from perfdesk.fileio import LEFTOVER_GRACE_SECONDS, remove_leftovers, temporary_file
from perfdesk.paths import backup_dir
from perfdesk.sample import sample_projects
from perfdesk.store import Store

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kills processes (POSIX)")

_BACKUP_FOR_EVER = """
import sys
from datetime import datetime, timedelta
from pathlib import Path
from perfdesk.backup import automatic_backup_path, create_backup
from perfdesk.store import Store
store = Store(sys.argv[1])
when = datetime(2026, 1, 1)
while True:
    when += timedelta(minutes=1)
    create_backup(store, automatic_backup_path(store.path, when), now=when.astimezone())
"""


def _ours(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_backup_leaves_nothing_after_the_next_command(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    templates = sample_projects()
    with Store(db) as store:
        store.add_many([templates[n % 2] for n in range(1500)])
    folder = backup_dir(db)
    folder.mkdir()
    killed = 0
    for _ in range(5):
        child = subprocess.Popen([sys.executable, "-c", _BACKUP_FOR_EVER, str(db)])
        deadline = time.monotonic() + 30
        while not _ours(folder) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05 * killed)  # land the kills at different moments of the work
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed += 1
    left = _ours(folder) + _ours(db.parent)
    assert left, "the kills left nothing to clean up: the test did not test anything"
    time.sleep(LEFTOVER_GRACE_SECONDS + 0.1)
    result = perfdesk("--db", db, "list")  # any command will do
    assert result.returncode == 0, result.stderr
    assert _ours(folder) == [] and _ours(db.parent) == []
    print(f"{killed} killed backups left {len(left)} temporary files, all removed")


_HOLD_A_TEMPORARY_FILE = """
import sys
from pathlib import Path
from perfdesk.fileio import temporary_file
with temporary_file(Path(sys.argv[1]), ".perfdesk-snapshot-") as path:
    print(path, flush=True)
    sys.stdin.readline()
"""


def test_a_temporary_file_still_in_use_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_A_TEMPORARY_FILE, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        in_use = Path(holder.stdout.readline().strip())
        old = time.time() - 7200
        os.utime(in_use, (old, old))  # however old it looks
        assert remove_leftovers(db) == []
        assert in_use.exists()
    finally:
        holder.communicate("\n")
    assert not in_use.exists()  # its owner removed it when done


def test_a_fresh_temporary_file_of_this_process_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    with temporary_file(tmp_path, ".perfdesk-restore-") as path:
        assert remove_leftovers(db, now=time.time() + 7200) == []
        assert path.exists()
