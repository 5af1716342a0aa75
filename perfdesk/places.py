"""Where a database may live: on this computer's own disk, not on a network share.

SQLite's locking relies on the operating system's file locks, which network file systems
(Windows shares, NFS, Samba) implement unreliably; its write-ahead log needs shared memory that
only processes on one machine can share. A database on a share can be silently corrupted, so
PerfDesk refuses to write to one and says why.
"""

from __future__ import annotations

import os
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
        "fuse.gvfsd-fuse",  # GNOME's mounts of smb://, sftp://, dav:// (…/gvfs/…)
        "fuse.gvfs-fuse-daemon",  # its older name
        "fuse.smbnetfs",
        "fuse.curlftpfs",
        "9p",  # Plan 9 shares: virtual machines' host folders, WSL's Windows drives
    }
)

_DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def network_reason(path: str | Path) -> str | None:
    """Why ``path`` is on a network location, in Chinese; ``None`` when it is on a local disk.

    Links are followed first: a symbolic link (or, on Windows, a junction) on a local disk
    that leads onto a share puts the database on the share.
    """
    resolved = os.path.realpath(path)
    if sys.platform == "win32":
        return windows_network_reason(resolved, _windows_drive_type)
    text = _read_mounts()
    if text is None:
        return None
    return mount_network_reason(Path(resolved), text)


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
    """The lock file that keeps a second PerfDesk window off the same database: beside the
    resolved file, so that a symbolic link or another spelling of its path finds it too."""
    db = Path(database).resolve()
    return db.with_name(db.name + ".lock")


def window_holding(database: str | Path) -> int | None:
    """The process id of a PerfDesk window working on ``database``, or ``None``.

    Reads the lock file the window keeps (Qt's QLockFile: process id, program name, host
    name, one a line). A lock left by a process that is gone does not count; a lock from
    another computer counts, as there is no telling whether it is still in use.
    """
    try:
        lines = lock_path(database).read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and not is_this_computer(host):
        return pid
    return pid if _process_exists(pid) else None


def is_this_computer(host: str) -> bool:
    """Whether ``host``, as a lock file names it, is this computer.

    On Windows Qt writes the NetBIOS name (``COMPUTERNAME``: upper case, at most 15
    characters) where ``socket.gethostname()`` gives the DNS host name in its own case, so
    both are asked and case does not count (host names ignore it).
    """
    import socket  # only here: not on every command's path

    names = (socket.gethostname(), os.environ.get("COMPUTERNAME", ""))
    return host.casefold() in {name.casefold() for name in names if name}


def _process_exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_process_exists(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # there, but someone else's
    return True


def _windows_process_exists(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    query_limited_information, still_active = 0x1000, 259
    handle = windll.kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        windll.kernel32.CloseHandle(handle)
