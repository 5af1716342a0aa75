"""Where a database may live: on this computer's own disk, not on a network share.

SQLite's locking relies on the operating system's file locks, which network file systems
(Windows shares, NFS, Samba) implement unreliably; its write-ahead log needs shared memory that
only processes on one machine can share. A database on a share can be silently corrupted, so
PerfDesk refuses to write to one and says why.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from perfdesk.errors import DatabaseError

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "afs",
        "ncpfs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.davfs2",
    }
)

_DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def network_reason(path: str | Path) -> str | None:
    """Why ``path`` is on a network location, in Chinese; ``None`` when it is on a local disk."""
    if sys.platform == "win32":
        return windows_network_reason(str(path), _windows_drive_type)
    text = _read_mounts()
    if text is None:
        return None
    return mount_network_reason(Path(path).resolve(), text)


def require_local(path: str | Path) -> None:
    """Refuse a database on a network location, with the reason and what to do instead."""
    reason = network_reason(path)
    if reason:
        raise DatabaseError(
            f"数据库 {path} {reason}。SQLite 数据库放在网络位置上，文件锁不可靠，"
            "可能在不知不觉中损坏数据。请把数据库文件复制到本机磁盘（例如“文档”文件夹）后再打开；"
            "备份文件可以放在网络位置。"
        )


def windows_network_reason(path: str, drive_type: Callable[[str], int]) -> str | None:
    """The Windows rules: a UNC path (``\\\\server\\share``) or a mapped network drive."""
    text = path.replace("/", "\\")
    lowered = text.lower()
    if lowered.startswith(("\\\\?\\unc\\", "\\\\.\\unc\\")):
        return "位于网络共享文件夹（UNC 路径）上"
    if lowered.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]  # a long local path such as \\?\C:\...
    elif text.startswith("\\\\"):
        return "位于网络共享文件夹（UNC 路径）上"
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == _DRIVE_REMOTE:
        return f"位于映射的网络驱动器 {drive.upper()} 上"
    return None


def mount_network_reason(path: Path, mounts: str) -> str | None:
    """The POSIX rule: the file system holding ``path`` (per ``/proc/mounts``) is a network one."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount(parts[1])
        if _is_under(path, mount_point) and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    if best and best[1] in NETWORK_FILE_SYSTEMS:
        return f"位于网络文件系统（{best[1]}）上"
    return None


def _is_under(path: Path, mount_point: str) -> bool:
    return mount_point == "/" or path == Path(mount_point) or Path(mount_point) in path.parents


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes spaces, tabs, newlines and backslashes as octal escapes.
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field = field.replace(code, chr(int(code[1:], 8)))
    return field


def _read_mounts() -> str | None:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # not Linux: no cheap, reliable way to ask; assume a local disk


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(root))


def lock_path(database: str | Path) -> Path:
    """The lock file that keeps a second PerfDesk window off the same database."""
    db = Path(database)
    return db.with_name(db.name + ".lock")
