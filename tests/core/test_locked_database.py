"""Locked is not damaged: a database another process holds locked is reported as in use by
``check`` and ``restore``; nothing renames, replaces or copies it away as damaged, and once the
lock is gone everything works.

The other process is real and holds SQLite's exclusive lock in both ways a program can: as any
writer does (in WAL mode others may still read), and in SQLite's exclusive locking mode
(nobody may even read). The busy timeout is shortened so the tests do not wait five seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import LOCK_MODES, file_digest, locked_by_another_process

from perfdesk import backup, store
from perfdesk.backup import create_backup, restore_backup
from perfdesk.cli import main
from perfdesk.errors import DatabaseInUseError
from perfdesk.paths import backup_dir
from perfdesk.sample import sample_projects
from perfdesk.store import Store, check_database


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(backup, "BUSY_TIMEOUT_SECONDS", 0.3)


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "perfdesk.db"
    with Store(path) as opened:
        opened.add_many(sample_projects())
    return path


@pytest.fixture
def saved(live: Path, tmp_path: Path) -> Path:
    out = tmp_path / "saved.zip"
    with Store(live) as opened:
        opened.add(sample_projects()[0])  # the backup differs from the live database
        create_backup(opened, out)
        opened.delete(3)
    return out


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_digest(p) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("mode", LOCK_MODES)
def test_check_says_in_use_never_damaged(
    mode: str, live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with locked_by_another_process(live, mode):
        code = main(["--db", str(live), "check"])
        out, err = capsys.readouterr()
    if mode == "writers-out":  # readers are welcome beside a writer: the check runs
        assert code == 0 and "通过" in out
    else:
        assert code == 1 and "正在被另一个程序使用" in err
    assert "损坏" not in out + err
    assert not backup_dir(live).exists()


@pytest.mark.parametrize("mode", LOCK_MODES)
def test_restore_refuses_and_leaves_the_locked_database_where_it_is(
    mode: str, live: Path, saved: Path
) -> None:
    before = _files(live.parent)
    with locked_by_another_process(live, mode):
        with pytest.raises(DatabaseInUseError, match="正在被另一个程序使用"):
            restore_backup(saved, live)
        assert file_digest(live) == before["perfdesk.db"]
    after = _files(live.parent)
    # Nothing renamed or kept as "damaged"; at most the copy of the current database that a
    # restore makes before replacing anything.
    assert after.pop("perfdesk.db") == before.pop("perfdesk.db")
    assert not [name for name in after if "damaged" in name]
    assert [n for n in after if n not in before] in (
        [],
        [n for n in after if "before-restore" in n],
    )
    assert check_database(live) == []
    assert restore_backup(saved, live).project_count == 3  # and once free, it restores


@pytest.mark.parametrize("mode", LOCK_MODES)
def test_a_write_waits_then_says_in_use_and_changes_nothing(
    mode: str, live: Path, tmp_path: Path
) -> None:
    if mode == "exclusive-mode":
        with locked_by_another_process(live, mode), pytest.raises(DatabaseInUseError):
            Store(live)
        return
    opened = Store(live)
    try:
        with (
            locked_by_another_process(live, mode),
            pytest.raises(DatabaseInUseError, match="正在被另一个程序使用"),
        ):
            opened.add(sample_projects()[0])
        assert opened.count() == 2
        opened.add(sample_projects()[0])  # the lock is gone: the write goes through
        assert opened.count() == 3
    finally:
        opened.close()
