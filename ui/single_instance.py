"""One window per database: a lock file beside it, recovered after a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """Held while a window works on ``db_path``.

    QLockFile writes the owner's process id and host; if that process is gone (PerfDesk
    crashed or the computer lost power), the next start takes the lock over.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # a live owner keeps the lock however long it runs

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    def owner_pid(self) -> int | None:
        # PySide returns (pid, hostname, appname), or None when the file cannot be read.
        info = self._lock.getLockInfo()
        return int(info[0]) if info else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
