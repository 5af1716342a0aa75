"""Edits the database could not take yet: another program (a command-line import, another
PerfDesk) holds its write lock longer than a save waits.

Such an edit is never reverted: it stays on screen and here, one per project (later edits of
the same project join it), and is stored as soon as the database is free again, as one undo
step. The window's ``commit`` hands edits over with :meth:`UnsavedEdits.keep`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from perfdesk.errors import DatabaseInUseError, PerfDeskError
from perfdesk.history import History
from perfdesk.model import Project

RETRY_MS = 1000  # how often a kept edit is tried again
SAVE_WAIT_SECONDS = 1.0  # how long a save from the window waits for the lock before keeping it
RETRY_WAIT_SECONDS = 0.2  # ... and a retry, so that the window never stalls for long


@dataclass
class _Edit:
    before: Project  # as stored
    after: Project  # as on screen
    description: str
    merge_key: str | None


class UnsavedEdits(QObject):
    """The edits waiting for the database, and the timer that stores them."""

    changed = Signal()  # an edit was kept or finally stored
    stored = Signal(int)  # the id of a project whose kept edit is now stored

    def __init__(self, history: History, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._edits: dict[int, _Edit] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.retry)

    def has_edits(self) -> bool:
        return bool(self._edits)

    def stored_state(self, project_id: int) -> Project | None:
        """The project as the database still has it, if an edit of it is waiting."""
        edit = self._edits.get(project_id)
        return edit.before if edit else None

    def latest(self, project_id: int) -> Project | None:
        """The project as the officer left it, if an edit of it is waiting."""
        edit = self._edits.get(project_id)
        return edit.after.clone() if edit else None

    def keep(
        self, before: Project, after: Project, description: str, merge_key: str | None
    ) -> None:
        assert after.id is not None
        self._edits[after.id] = _Edit(before, after.clone(), description, merge_key)
        self._timer.start()
        self.changed.emit()

    def forget(self, project_id: int) -> None:
        """The edit of ``project_id`` was stored together with a later one."""
        if self._edits.pop(project_id, None) is not None and not self._edits:
            self._timer.stop()
            self.changed.emit()

    def retry(self, wait_seconds: float = RETRY_WAIT_SECONDS) -> bool:
        """Try to store every waiting edit; True when none is left."""
        store = self.history.store
        for project_id, edit in list(self._edits.items()):
            previous = store.busy_timeout
            store.busy_timeout = wait_seconds
            try:
                self.history.record(
                    edit.before, edit.after, edit.description, merge_key=edit.merge_key
                )
            except DatabaseInUseError:
                continue
            except PerfDeskError:
                del self._edits[project_id]  # e.g. deleted meanwhile: waiting will not help
                self.changed.emit()
                raise
            finally:
                store.busy_timeout = previous
            del self._edits[project_id]
            self.stored.emit(project_id)
        if not self._edits:
            self._timer.stop()
        self.changed.emit()
        return not self._edits
