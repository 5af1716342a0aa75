"""Writing files the safe way: to a temporary file beside the target, then moved into place.

A crash or a full disk leaves the old file as it was, never a half-written one. Temporary
files are held locked while in use (POSIX), so that the next start of PerfDesk can tell the
ones a killed process left behind and remove them (:func:`remove_leftovers`). An output file
never names the open database or one of SQLite's files beside it (:func:`refuse_database_output`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from perfdesk.errors import PerfDeskError
from perfdesk.paths import backup_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: an open file cannot be deleted there
    fcntl = None  # type: ignore[assignment]

# What our temporary files are called: an atomic write's ``.<target>.<random>.tmp``, and the
# ``.perfdesk-snapshot-…`` / ``.perfdesk-restore-…`` databases of backups and restores.
SNAPSHOT_PREFIX = ".perfdesk-snapshot-"
RESTORE_PREFIX = ".perfdesk-restore-"
_TEMPORARY = re.compile(
    r"(?P<file>\.perfdesk-(snapshot|restore)-\w+\.db)(-wal|-shm|-journal)?|(?P<tmp>\..+\.\w+\.tmp)"
)
# Without file locks (Windows), a temporary file older than this is taken for abandoned:
# nothing of ours takes an hour. With them, one that nobody holds is, unless just made.
LEFTOVER_AGE_SECONDS = 3600
LEFTOVER_GRACE_SECONDS = 2.0


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either the old one or all of the new one."""
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` only when the ``with`` block ends without error.

    The data goes to a temporary file in the same folder (so the final move is a rename on one
    disk), is flushed to the disk, and then replaces the target in one step. On any error the
    temporary file is removed and the target is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PerfDeskError(
            f"无法在 {folder} 中写入 {target.name}：{describe_os_error(exc)}"
        ) from None
    _hold(fd)
    try:
        with os.fdopen(fd, "w+b") as handle:  # readable too, to check what was written
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if fcntl is not None:  # moved while still held, so no remove_leftovers takes it
                os.replace(temp_name, target)
        if fcntl is None:  # Windows moves no file that is open
            os.replace(temp_name, target)
    except OSError as exc:
        discard(temp_name)
        raise PerfDeskError(f"无法写入 {target}：{describe_os_error(exc)}") from None
    except BaseException:
        discard(temp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# Windows' own codes for a file another program has open, and for a path that is too long.
_WINDOWS_IN_USE = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_TOO_LONG = (206,)  # ERROR_FILENAME_EXCED_RANGE
_NAME_MAX = 255  # characters in one file or folder name (NTFS; ext4 counts bytes)


def _too_long(exc: OSError) -> bool:
    """Whether ``exc`` comes of a name too long. Windows says so by its own code only at
    times: as often it reports the path as not found or the name as not valid (Wine too)."""
    if exc.errno == errno.ENAMETOOLONG or getattr(exc, "winerror", None) in _WINDOWS_TOO_LONG:
        return True
    if exc.errno not in (errno.ENOENT, errno.EINVAL) or not isinstance(exc.filename, str):
        return False
    return any(len(name) > _NAME_MAX for name in re.split(r"[\\/]", exc.filename))


def describe_os_error(exc: OSError) -> str:
    """Why a file operation failed and what to do about it, in words the user can act on."""
    winerror = getattr(exc, "winerror", None)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "磁盘空间不足。请删除不需要的文件腾出空间，或换一个磁盘后重试"
    if exc.errno == errno.EROFS:
        return "该位置是只读的。请换一个可以写入的文件夹（例如“文档”）"
    if _too_long(exc):
        return "文件名或路径太长。请换一个短一些的文件名，或放到路径较短的文件夹"
    if winerror in _WINDOWS_IN_USE or exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return "文件正被其他程序使用。请关闭占用它的程序（例如 Excel、WPS 或 PDF 阅读器）后重试"
    if isinstance(exc, PermissionError):
        if os.name == "nt":
            return "没有权限，或文件正被其他程序使用。请关闭打开它的程序，或换一个文件夹后重试"
        return "没有写入权限。请换一个可以写入的文件夹，或取消文件的只读属性"
    if isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在。请检查路径"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件。请换一个文件名"
    return str(exc.strerror or exc)


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if missing, with a message the user can act on."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PerfDeskError(f"无法建立文件夹 {folder}：{describe_os_error(exc)}") from None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discard(path: str | Path) -> None:
    """Remove a file if it is there; a file that cannot be removed is left alone."""
    with contextlib.suppress(OSError):
        os.unlink(path)


# -- never writing over the database ---------------------------------------------------------

# SQLite's files beside a database, and the lock file of the window working on it.
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def refuse_database_output(output: str | Path, database: str | Path) -> None:
    """Refuse an output file that is the database or one of the files beside it (its write-ahead
    log, shared memory, journal or lock file): by its path with links resolved, and by the
    file's identity, so that a symbolic or hard link to the database counts too."""
    target = Path(output)
    db = Path(database)
    for suffix in DATABASE_COMPANIONS:
        protected = db.with_name(db.name + suffix)
        if _same_file(target, protected):
            which = "数据库文件" if not suffix else f"数据库的附属文件（{protected.name}）"
            raise PerfDeskError(
                f"不能写到 {target}：它就是正在使用的{which}，写入会毁掉全部项目。"
                "请换一个文件名或文件夹；未作任何改动"
            )


def _same_file(a: Path, b: Path) -> bool:
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist: not the same file


# -- temporary files and what killed processes leave ------------------------------------------


@contextlib.contextmanager
def temporary_file(folder: Path, prefix: str) -> Iterator[Path]:
    """An empty temporary file in ``folder``, held while in use, and removed afterwards with
    any SQLite side files."""
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".db", dir=folder)
    except OSError as exc:
        raise PerfDeskError(f"无法在 {folder} 中写文件：{describe_os_error(exc)}") from None
    if fcntl is None:  # nothing to hold it with, and Windows moves or removes no open file
        os.close(fd)
    else:
        _hold(fd)
    path = Path(name)
    try:
        yield path
    finally:
        if fcntl is not None:
            os.close(fd)
        for suffix in ("", "-wal", "-shm", "-journal"):
            discard(path.with_name(path.name + suffix))


def _hold(fd: int) -> None:
    """Mark a temporary file as in use for as long as ``fd`` is open (POSIX file lock)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_leftovers(database: str | Path, *, now: float | None = None) -> list[Path]:
    """Delete the temporary files a killed backup, restore or save left beside the database
    and in its backup folder; returns them. Cheap enough for every start: two folder listings.

    A file still in use is never touched: with file locks, one that a live process holds (or
    made in the last moments) is kept; without them, one younger than an hour.
    """
    db = Path(database)
    clock = time.time() if now is None else now
    removed: list[Path] = []
    for folder in (db.parent if str(db.parent) else Path("."), backup_dir(db)):
        try:
            children = list(os.scandir(folder))
        except OSError:
            continue
        for child in children:
            match = _TEMPORARY.fullmatch(child.name)
            if match is None:
                continue
            owner = folder / (match["file"] or child.name)
            with contextlib.suppress(OSError):
                if child.is_file(follow_symlinks=False) and _abandoned(owner, clock):
                    os.unlink(child.path)
                    removed.append(Path(child.path))
    return removed


def _abandoned(path: Path, now: float) -> bool:
    """Whether the temporary file ``path`` (for SQLite's side files: their database) belongs to
    no running process any more; a side file whose database is gone is abandoned."""
    try:
        modified = path.stat().st_mtime
    except FileNotFoundError:
        return True
    if fcntl is None:  # pragma: no cover - Windows
        return now - modified > LEFTOVER_AGE_SECONDS
    if now - modified < LEFTOVER_GRACE_SECONDS:
        return False  # just made: its maker may not hold it yet
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True
