"""Backups and restore through real SQLite files and real zip archives."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from testdata import file_digest, wreck_a_page

from perfdesk import exchange
from perfdesk.backup import (
    DATABASE_MEMBER,
    MANIFEST_MEMBER,
    BadBackupError,
    backup_dir,
    create_backup,
    default_backup_name,
    list_backups,
    newest_good_backup,
    read_manifest,
    remove_leftovers,
    restore_backup,
    restore_space_needed,
    verify_backup,
)
from perfdesk.errors import DamagedDatabaseError, DatabaseError, PerfDeskError
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.schema import APPLICATION_ID, SCHEMA_VERSION
from perfdesk.store import Store, check_database


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its hash: what "nothing written anywhere" compares."""
    return {
        str(p.relative_to(root)): file_digest(p) for p in sorted(root.rglob("*")) if p.is_file()
    }


def _export(db: Path) -> str:
    with Store(db) as store:
        return exchange.dumps(store.get_all())


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """A closed database with the two sample projects and one edited by hand."""
    path = tmp_path / "data" / "perfdesk.db"
    with Store(path) as store:
        store.add_many(sample_projects())
        extra = Project.new()
        extra.set_field(extra.spec.name_field, "第三个项目")
        extra.set_section(extra.spec.sections[0], "概况" * 500)
        store.add(extra)
    return path


@pytest.fixture
def good_backup(live: Path, tmp_path: Path) -> Path:
    out = tmp_path / "saved" / "backup.zip"
    out.parent.mkdir()
    with Store(live) as store:
        create_backup(store, out)
    return out


# -- making backups --------------------------------------------------------------------------


def test_backup_is_a_zip_with_a_snapshot_and_a_matching_manifest(
    live: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.zip"
    when = datetime(2026, 3, 4, 5, 6, 7).astimezone()
    with Store(live) as store:
        info = create_backup(store, out, now=when)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == [MANIFEST_MEMBER, DATABASE_MEMBER]
        manifest = json.loads(archive.read(MANIFEST_MEMBER))
        snapshot = archive.read(DATABASE_MEMBER)
    assert manifest["format"] == "perfdesk-backup/1"
    assert manifest["app"] == "PerfDesk"
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["project_count"] == 3
    assert manifest["created_at"] == when.isoformat(timespec="seconds")
    assert manifest["database"]["sha256"] == hashlib.sha256(snapshot).hexdigest()
    assert manifest["database"]["size"] == len(snapshot)
    assert info.manifest == read_manifest(out)
    assert snapshot.startswith(b"SQLite format 3\x00")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_default_name_carries_the_date() -> None:
    assert default_backup_name(datetime(2026, 11, 28, 9, 30)) == "PerfDesk备份-2026-11-28.zip"


def test_backup_is_a_consistent_snapshot_while_another_connection_writes(
    live: Path, tmp_path: Path
) -> None:
    other = sqlite3.connect(live, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM projects WHERE id = 1")  # uncommitted while the backup runs
    try:
        with Store(live) as store:
            info = create_backup(store, tmp_path / "b.zip")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert info.manifest.project_count == 3
    restored = tmp_path / "restored.db"
    restore_backup(tmp_path / "b.zip", restored)
    assert _export(restored) == _export(live)


def test_backup_then_restore_into_a_new_database_gives_the_same_export(
    good_backup: Path, live: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "elsewhere" / "new.db"
    result = restore_backup(good_backup, fresh)
    assert result.project_count == 3
    assert result.safety_copy is None
    assert _export(fresh) == _export(live)
    assert check_database(fresh) == []


def test_a_failed_backup_leaves_the_previous_file(live: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    out.write_bytes(b"the previous backup")
    with Store(live) as store:
        store.conn.execute("BEGIN")  # VACUUM INTO cannot run inside a transaction
        with pytest.raises(PerfDeskError, match="稍后"):
            create_backup(store, out)
        store.conn.execute("ROLLBACK")
    assert out.read_bytes() == b"the previous backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "data"]


def test_a_damaged_database_is_not_backed_up(live: Path, tmp_path: Path) -> None:
    wreck_a_page(live)
    with pytest.raises(DamagedDatabaseError), Store(live, read_only=True) as store:
        create_backup(store, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


# -- restoring over a live database ----------------------------------------------------------


def test_restore_keeps_the_current_database_and_replaces_it(
    good_backup: Path, live: Path, tmp_path: Path
) -> None:
    before = _export(live)
    with Store(live) as store:
        store.delete(1)
        store.add(Project.new())
    after_edits = _export(live)
    watcher = sqlite3.connect(live)  # another reader stays open through the restore
    try:
        result = restore_backup(good_backup, live, now=datetime(2026, 1, 2, 3, 4, 5))
        assert watcher.execute("SELECT count(*) FROM projects").fetchone()[0] == 3
    finally:
        watcher.close()
    assert _export(live) == before
    assert result.safety_copy == backup_dir(live) / "perfdesk-before-restore-20260102-030405.zip"
    # The copy kept before the restore holds the edits the restore replaced.
    undo = tmp_path / "undo.db"
    restore_backup(result.safety_copy, undo)
    assert _export(undo) == after_edits
    assert check_database(live) == []
    with Store(live) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_over_a_damaged_database_keeps_the_damaged_files(
    good_backup: Path, live: Path
) -> None:
    wreck_a_page(live)
    damaged_bytes = live.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        Store(live)
    assert live.read_bytes() == damaged_bytes  # refused before writing anything
    result = restore_backup(good_backup, live, now=datetime(2026, 1, 2, 3, 4, 5))
    assert result.safety_copy is not None
    assert result.safety_copy.read_bytes() == damaged_bytes
    assert check_database(live) == []
    assert len(Store(live).list_projects()) == 3


def test_newest_good_backup_skips_bad_ones(live: Path) -> None:
    folder = backup_dir(live)
    folder.mkdir()
    with Store(live) as store:
        create_backup(store, folder / "perfdesk-20260101-080000.zip")
    (folder / "perfdesk-20260102-080000.zip").write_bytes(b"PK\x03\x04 cut short")
    assert [e.path.name for e in list_backups(live)] == [
        "perfdesk-20260102-080000.zip",
        "perfdesk-20260101-080000.zip",
    ]
    good = newest_good_backup(live)
    assert good is not None and good.path.name == "perfdesk-20260101-080000.zip"
    assert good.manifest.project_count == 3


def test_an_older_schema_is_migrated_on_restore(live: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    result = restore_backup(old, live)
    assert result.project_count == 0
    with Store(live) as store:
        assert store.count() == 0
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_restore_refuses_to_overwrite_a_file_that_is_not_ours(
    good_backup: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "notes.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    digest = file_digest(foreign)
    with pytest.raises(DatabaseError, match="不是 PerfDesk 数据库"):
        restore_backup(good_backup, foreign)
    assert file_digest(foreign) == digest


# -- hostile inputs --------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _members(backup: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(backup) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _truncated_database(folder: Path, backup: Path) -> Path:
    snapshot = _members(backup)[DATABASE_MEMBER]
    path = folder / "truncated.db"
    path.write_bytes(snapshot[: len(snapshot) // 2])
    return path


def _truncated_zip(folder: Path, backup: Path) -> Path:
    data = backup.read_bytes()
    path = folder / "truncated.zip"
    path.write_bytes(data[: len(data) // 2])
    return path


def _random_bytes(folder: Path, backup: Path) -> Path:
    path = folder / "random.zip"
    path.write_bytes(hashlib.sha512(b"seed").digest() * 4096)
    return path


def _empty(folder: Path, backup: Path) -> Path:
    path = folder / "empty.zip"
    path.write_bytes(b"")
    return path


def _parent_names(folder: Path, backup: Path) -> Path:
    members = _members(backup)
    return _zip(
        folder / "escape.zip",
        {
            "../" + DATABASE_MEMBER: members[DATABASE_MEMBER],
            "../../evil.txt": b"x",
            MANIFEST_MEMBER: members[MANIFEST_MEMBER],
        },
    )


def _extra_member(folder: Path, backup: Path) -> Path:
    return _zip(folder / "extra.zip", {**_members(backup), "readme.txt": b"hello"})


def _zip_bomb(folder: Path, backup: Path) -> Path:
    path = folder / "bomb.zip"
    manifest = json.loads(_members(backup)[MANIFEST_MEMBER])
    manifest["database"]["size"] = 300 << 20
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_MEMBER, json.dumps(manifest))
        with archive.open(DATABASE_MEMBER, "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(300):
                member.write(zeros)
    return path


def _future_schema_zip(folder: Path, backup: Path) -> Path:
    members = _members(backup)
    manifest = json.loads(members[MANIFEST_MEMBER])
    manifest["schema_version"] = SCHEMA_VERSION + 1
    return _zip(
        folder / "future.zip",
        {MANIFEST_MEMBER: json.dumps(manifest).encode(), DATABASE_MEMBER: members[DATABASE_MEMBER]},
    )


def _future_schema_database(folder: Path, backup: Path) -> Path:
    path = folder / "future.db"
    path.write_bytes(_members(backup)[DATABASE_MEMBER])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return path


def _foreign_database(folder: Path, backup: Path) -> Path:
    path = folder / "foreign.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO projects (name) VALUES ('不是我们的')")
    conn.commit()
    conn.close()
    return path


def _foreign_database_in_a_zip(folder: Path, backup: Path) -> Path:
    data = _foreign_database(folder, backup).read_bytes()
    (folder / "foreign.db").unlink()
    manifest = json.loads(_members(backup)[MANIFEST_MEMBER])
    manifest["database"].update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    return _zip(
        folder / "foreign.zip",
        {MANIFEST_MEMBER: json.dumps(manifest).encode(), DATABASE_MEMBER: data},
    )


def _tampered(folder: Path, backup: Path) -> Path:
    members = _members(backup)
    snapshot = bytearray(members[DATABASE_MEMBER])
    snapshot[-100] ^= 0xFF
    return _zip(folder / "tampered.zip", {**members, DATABASE_MEMBER: bytes(snapshot)})


def _manifest_not_json(folder: Path, backup: Path) -> Path:
    return _zip(folder / "nojson.zip", {**_members(backup), MANIFEST_MEMBER: b"\xff{not json"})


def _damaged_inside(folder: Path, backup: Path) -> Path:
    """A snapshot with a wrecked page whose manifest was rewritten to match it."""
    members = _members(backup)
    snapshot = bytearray(members[DATABASE_MEMBER])
    snapshot[4096 * 2 : 4096 * 2 + 512] = bytes(range(256)) * 2
    manifest = json.loads(members[MANIFEST_MEMBER])
    manifest["database"]["sha256"] = hashlib.sha256(snapshot).hexdigest()
    return _zip(
        folder / "damaged.zip",
        {MANIFEST_MEMBER: json.dumps(manifest).encode(), DATABASE_MEMBER: bytes(snapshot)},
    )


HOSTILE = {  # how each is made, and the reason the refusal must give
    _truncated_database: "已损坏",
    _truncated_zip: "已损坏",
    _random_bytes: "不是 PerfDesk 备份",
    _empty: "空文件",
    _parent_names: "只有 perfdesk.db 和 manifest.json",
    _extra_member: "只有 perfdesk.db 和 manifest.json",
    _zip_bomb: "压缩炸弹",
    _future_schema_zip: "更新版本",
    _future_schema_database: "更新版本",
    _foreign_database: "不是 PerfDesk 的数据库",
    _foreign_database_in_a_zip: "不是 PerfDesk 的数据库",
    _tampered: "SHA-256",
    _manifest_not_json: "清单",
    _damaged_inside: "已损坏",
}


@pytest.mark.parametrize(
    ("make", "reason"), HOSTILE.items(), ids=[f.__name__.strip("_") for f in HOSTILE]
)
def test_hostile_restore_input_is_refused_and_changes_nothing(
    make: Callable[[Path, Path], Path], reason: str, live: Path, good_backup: Path, tmp_path: Path
) -> None:
    hostile_folder = tmp_path / "hostile"
    hostile_folder.mkdir()
    hostile = make(hostile_folder, good_backup)
    before = _tree(tmp_path)
    with pytest.raises(BadBackupError, match=reason):
        restore_backup(hostile, live)
    assert _tree(tmp_path) == before  # live database byte for byte, and nothing new anywhere
    assert not backup_dir(live).exists()
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_a_bare_database_with_a_pending_log_is_refused(live: Path, tmp_path: Path) -> None:
    store = Store(live)
    store.add(Project.new())  # leaves perfdesk.db-wal beside the file while open
    try:
        target = tmp_path / "target.db"
        with pytest.raises(BadBackupError, match="日志文件"):
            restore_backup(live, target)
        assert not target.exists()
    finally:
        store.close()


def test_verify_backup_checks_the_database_inside(good_backup: Path, tmp_path: Path) -> None:
    assert verify_backup(good_backup).project_count == 3
    bad = _damaged_inside(tmp_path, good_backup)
    read_manifest(bad)  # the archive itself is whole...
    with pytest.raises(BadBackupError, match="损坏"):
        verify_backup(bad)  # ...but the database in it is not


def test_a_database_full_of_repeated_text_is_backed_up_and_restored(
    db_path: Path, tmp_path: Path
) -> None:
    # A pasted text repeated over and over compresses about a hundred times: still a backup.
    with Store(db_path) as store:
        for text in ("项目概况的一段文字，" * 100_000, "9" * 1_000_000):
            project = Project.new()
            project.set_section(project.spec.sections[0], text)
            store.add(project)
        create_backup(store, tmp_path / "b.zip")
    restore_backup(tmp_path / "b.zip", tmp_path / "new.db")
    assert _export(tmp_path / "new.db") == _export(db_path)


_FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from perfdesk.backup import create_backup
from perfdesk.errors import PerfDeskError
from perfdesk.store import Store
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
store = Store(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))  # as if the disk were full
try:
    create_backup(store, Path(sys.argv[2]))
except PerfDeskError as exc:
    print(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_a_full_disk_leaves_the_previous_backup_and_no_temporary_files(
    live: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "b.zip"
    out.write_bytes(b"the previous backup")
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(live), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "磁盘" in result.stdout, result
    assert out.read_bytes() == b"the previous backup"
    assert [p.name for p in folder.iterdir()] == ["b.zip"]
    assert check_database(live) == []


def test_only_old_temporary_files_are_cleaned_up(live: Path) -> None:
    folder = backup_dir(live)
    folder.mkdir()
    old = live.parent / ".perfdesk-restore-abc123.db"
    old_wal = live.parent / ".perfdesk-restore-abc123.db-wal"
    in_use = folder / ".perfdesk-20260101-080000.zip.k9x2.tmp"
    lookalike = live.parent / "perfdesk-restore-notes.db"  # not ours: no leading dot
    for path in (old, old_wal, in_use, lookalike):
        path.write_bytes(b"x")
    two_hours_ago = time.time() - 7200
    for path in (old, old_wal, lookalike):
        os.utime(path, (two_hours_ago, two_hours_ago))
    assert sorted(remove_leftovers(live)) == sorted([old, old_wal])
    assert in_use.exists() and lookalike.exists()


def test_the_free_space_a_restore_needs_grows_with_the_backup(
    live: Path, good_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import namedtuple

    from perfdesk import backup

    small, large = restore_space_needed(1 << 20, 0), restore_space_needed(500 << 20, 0)
    assert large - small > 900 << 20  # twice the database, and a share of it to spare
    needed = restore_space_needed(read_manifest(good_backup).size, live.stat().st_size)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(1 << 40, 0, needed - 1))
    before = file_digest(live)
    with pytest.raises(BadBackupError, match=r"磁盘空间不足：恢复需要约 \d+ MB"):
        restore_backup(good_backup, live)
    assert file_digest(live) == before
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(1 << 40, 0, needed))
    assert restore_backup(good_backup, live).project_count == 3
