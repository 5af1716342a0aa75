"""One window per database: a lock file beside it, recovered after a crash; a second start on
the same database brings the open window to the front instead.

Both are keyed by the database's resolved path, so a symbolic link or another spelling of the
same file (``..``, a different case on Windows) is the same database.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from perfdesk.places import lock_path

RAISE_REQUEST = b"raise\n"
RAISED = b"ok\n"
CONNECT_MS = 500
ANSWER_MS = 2000
# A window that is still starting (checking or restoring its database) is not listening yet:
# a second start keeps knocking this long before it says the database is in use.
KNOCK_SECONDS = 8.0


def database_key(db_path: Path) -> str:
    """The same text for every name of one database file."""
    key = str(Path(db_path).resolve())
    return os.path.normcase(key)  # Windows: C:\\Data and c:\\data are one folder


def server_name(db_path: Path) -> str:
    """The local socket a window on ``db_path`` listens on (per user of this computer)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    digest = hashlib.sha256(f"{user}\n{database_key(db_path)}".encode()).hexdigest()
    return f"PerfDesk-{digest[:24]}"


class DatabaseLock:
    """Held while a window works on ``db_path``.

    QLockFile writes the owner's process id and host; if that process is gone (PerfDesk
    crashed or the computer lost power), the next start takes the lock over. The lock file
    sits beside the resolved database file, whatever name the database was opened by.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # a live owner keeps the lock however long it runs

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimized, raised and active."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class WindowServer(QObject):
    """Listens for a second PerfDesk started on the same database and answers it after
    emitting ``activated`` (the window comes to the front)."""

    activated = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        # The caller holds the database lock: a socket of that name was left by a crash.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self.activated.emit()
            socket.write(RAISED)
            socket.flush()
        socket.disconnectFromServer()


def serve(window: QWidget, db_path: Path) -> WindowServer:
    """Bring ``window`` forward whenever PerfDesk is started again on ``db_path``."""
    server = WindowServer(db_path, window)
    server.activated.connect(lambda: bring_to_front(window))
    server.listen()
    return server


def ask_to_raise(db_path: Path, knock_seconds: float | None = None) -> bool:
    """Ask the window already open on ``db_path`` to come to the front; True if it did."""
    _allow_foreground()
    give_up = time.monotonic() + (KNOCK_SECONDS if knock_seconds is None else knock_seconds)
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(db_path))
        if socket.waitForConnected(CONNECT_MS):
            socket.write(RAISE_REQUEST)
            socket.waitForBytesWritten(ANSWER_MS)
            answered = socket.waitForReadyRead(ANSWER_MS)
            raised = answered and bytes(socket.readAll().data()).startswith(RAISED)
            socket.abort()
            if raised:
                return True
        if time.monotonic() >= give_up:
            return False
        time.sleep(0.2)


def _allow_foreground() -> None:
    """Windows lets only the program the officer just started take the foreground: pass
    that right on to the window already open."""
    if sys.platform != "win32":
        return
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is not None:  # pragma: no cover - Windows only
        asfw_any = -1
        windll.user32.AllowSetForegroundWindow(asfw_any)
