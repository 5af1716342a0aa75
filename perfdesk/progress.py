"""Long jobs (backup, restore, import, export, printing) say how far they are and can be
stopped, without knowing who asks: a plain callback and a plain question, no GUI.

Every long job of the core takes the same two keyword arguments:

- ``progress(done, total)``: called as the work advances (its return value is ignored);
- ``cancelled()``: asked between steps; once it answers True the job stops with
  :class:`Cancelled`, and whatever it had begun writing is removed, so a cancelled job leaves
  nothing behind and changes nothing.

They may be called from a worker thread; the callbacks must then be thread-safe (a window
turns them into queued signals and a flag).
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], object]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped a long job; nothing was written and nothing changed."""


class Steps:
    """One job's two callbacks in one object: ``steps(done, total)`` stops the job with
    :class:`Cancelled` if it was cancelled, then reports the progress."""

    def __init__(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> None:
        self.progress = progress
        self.cancelled = cancelled

    def check(self) -> None:
        """Stop here if the user has asked to."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def __call__(self, done: int, total: int) -> None:
        self.check()
        if self.progress is not None:
            self.progress(done, total)

    def stage(self, number: int, of: int) -> Steps:
        """Stage ``number`` (from 0) of ``of`` equal stages of this job: the stage reports its
        own (done, total), heard here as that part of the whole."""
        whole = self

        def report(done: int, total: int) -> None:
            if whole.progress is not None:
                total = max(total, 1)
                whole.progress(number * total + min(done, total), of * total)

        return Steps(report, self.cancelled)
