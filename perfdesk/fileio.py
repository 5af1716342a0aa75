"""Writing files the safe way: to a temporary file beside the target, then moved into place.

A crash or a full disk leaves the old file as it was, never a half-written one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from perfdesk.errors import PerfDeskError


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
        raise PerfDeskError(f"无法在 {folder} 中写文件：{describe_os_error(exc)}") from None
    try:
        with os.fdopen(fd, "w+b") as handle:  # readable too, to check what was written
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except PermissionError:
        discard(temp_name)
        raise PerfDeskError(
            f"无法写入 {target}：文件可能正被 Excel、WPS 或其他程序打开，请关闭后重试"
        ) from None
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


def describe_os_error(exc: OSError) -> str:
    """The reason for a failed file operation, in words the user can act on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足，请腾出空间后重试"
    if exc.errno == errno.EROFS:
        return "该位置只读"
    if isinstance(exc, PermissionError):
        return "没有权限，或文件正被其他程序使用"
    if isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在"
    return str(exc.strerror or exc)


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
