"""Writing files the safe way: to a temporary file beside the target, then moved into place.

A crash or a full disk leaves the old file as it was, never a half-written one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from perfdesk.errors import PerfDeskError


def atomic_write(path: str | Path, data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PerfDeskError(f"无法在 {folder} 中写文件：{exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except PermissionError:
        _discard(temp_name)
        raise PerfDeskError(
            f"无法写入 {target}：文件可能正被 Excel、WPS 或其他程序打开，请关闭后重试"
        ) from None
    except OSError as exc:
        _discard(temp_name)
        raise PerfDeskError(f"无法写入 {target}：{exc.strerror or exc}") from None
    except BaseException:
        _discard(temp_name)
        raise


def _discard(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
