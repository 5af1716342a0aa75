"""Network locations are recognised, with the reason in words."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from perfdesk.places import (
    lock_path,
    mount_network_reason,
    network_reason,
    window_holding,
    windows_network_reason,
)

LOCAL, REMOTE = 3, 4  # GetDriveTypeW: fixed disk, network drive


def _drives(mapped: str) -> object:
    return lambda root: REMOTE if root.upper().startswith(mapped) else LOCAL


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (r"\\server\share\perfdesk.db", "UNC"),
        ("//server/share/perfdesk.db", "UNC"),
        (r"\\?\UNC\server\share\perfdesk.db", "UNC"),
        (r"Z:\财务\perfdesk.db", "映射的网络驱动器 Z:"),
        (r"z:\perfdesk.db", "映射的网络驱动器 Z:"),
        (r"C:\Users\会计\AppData\Local\PerfDesk\perfdesk.db", None),
        (r"\\?\C:\very\long\path\perfdesk.db", None),
        (r"D:\perfdesk.db", None),
        ("perfdesk.db", None),
    ],
)
def test_windows_paths(path: str, reason: str | None) -> None:
    found = windows_network_reason(path, _drives("Z:"))  # type: ignore[arg-type]
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/finance /mnt/finance cifs rw,vers=3.0 0 0
nas:/export /home/officer/shared nfs4 rw 0 0
/dev/vdb /mnt/finance/local\\040disk ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/mnt/finance/perfdesk.db", "cifs"),
        ("/home/officer/shared/a/b.db", "nfs4"),
        ("/mnt/finance/local disk/perfdesk.db", None),  # a local disk mounted inside a share
        ("/home/officer/perfdesk.db", None),
        ("/tmp/perfdesk.db", None),
        ("/mnt/financed/perfdesk.db", None),  # a name that merely starts the same
    ],
)
def test_posix_mounts(path: str, reason: str | None) -> None:
    found = mount_network_reason(Path(path), MOUNTS)
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found


def test_this_test_folder_is_local(tmp_path: Path) -> None:
    assert network_reason(tmp_path / "perfdesk.db") is None


def test_lock_file_sits_beside_the_database(tmp_path: Path) -> None:
    db = tmp_path.resolve() / "perfdesk.db"
    assert lock_path(db) == db.with_name("perfdesk.db.lock")


def _lock(db: Path, pid: int, host: str) -> None:
    lock_path(db).write_text(f"{pid}\npython3\n{host}\n", encoding="utf-8")


def test_a_lock_held_by_a_running_process_counts(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    assert window_holding(db) is None
    _lock(db, os.getpid(), socket.gethostname())
    assert window_holding(db) == os.getpid()


def test_a_lock_left_by_a_crashed_process_does_not_count(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = tmp_path / "perfdesk.db"
    _lock(db, gone.pid, socket.gethostname())
    assert window_holding(db) is None


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_this_computer_in_another_case_is_this_computer(
    tmp_path: Path, case: Callable[[str], str]
) -> None:
    # Qt on Windows writes the NetBIOS name (VM) where Python says vm: a crash's lock is
    # still recognised as this computer's and taken over, not a lock from elsewhere.
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = tmp_path / "perfdesk.db"
    _lock(db, gone.pid, case(socket.gethostname()))
    assert window_holding(db) is None
    _lock(db, os.getpid(), case(socket.gethostname()))
    assert window_holding(db) == os.getpid()


def test_the_windows_computer_name_is_this_computer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A NetBIOS name is cut to 15 characters, so it need not resemble the DNS host name.
    monkeypatch.setenv("COMPUTERNAME", "FINANCE-OFFICE1")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = tmp_path / "perfdesk.db"
    _lock(db, gone.pid, "FINANCE-OFFICE1")
    assert window_holding(db) is None
    monkeypatch.delenv("COMPUTERNAME")
    assert window_holding(db) == gone.pid  # without it, an unknown computer's lock


def test_a_lock_from_another_computer_counts(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    _lock(db, 999_999_999, "another-pc")
    assert window_holding(db) == 999_999_999


def test_an_unreadable_lock_does_not_count(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    lock_path(db).write_bytes(b"\xff\xfe garbage")
    assert window_holding(db) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid 0 0", "fuse.gvfsd-fuse"),
        ("smbnetfs /home/officer/smb fuse.smbnetfs rw 0 0", "fuse.smbnetfs"),
        ("C:\\134 /mnt/c 9p rw,aname=drvfs 0 0", "9p"),
    ],
)
def test_more_network_file_systems(line: str, kind: str) -> None:
    mount_point = line.split()[1]
    found = mount_network_reason(Path(mount_point) / "perfdesk.db", MOUNTS + line + "\n")
    assert found is not None and kind in found


@pytest.mark.skipif(
    sys.platform == "win32", reason="the mount table is Linux's; Windows names shares by drive"
)
def test_a_link_on_a_local_disk_that_leads_onto_a_share_counts_as_the_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from perfdesk import places

    share = tmp_path / "share"
    share.mkdir()
    local = tmp_path / "local"
    local.mkdir()
    (local / "perfdesk.db").symlink_to(share / "perfdesk.db")
    (local / "folder").symlink_to(share, target_is_directory=True)
    mounts = MOUNTS + f"//nas/finance {share} cifs rw 0 0\n"
    monkeypatch.setattr(places, "_read_mounts", lambda: mounts)
    for path in (local / "perfdesk.db", local / "folder" / "perfdesk.db"):
        found = network_reason(path)
        assert found is not None and "cifs" in found, path
    assert network_reason(local / "other.db") is None
