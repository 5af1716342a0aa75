"""Long work beside the window: backup, restore, import, export and batch printing run in a
worker thread with a progress bar and 取消, so the window stays responsive and saving edits
goes on meanwhile.

The core's long jobs take ``progress``/``cancelled`` (:mod:`perfdesk.progress`); here they
become a queued signal and a flag. A SQLite connection belongs to the thread that uses it, so
a job that reads the database opens a store of its own (:func:`job_store`): in WAL mode it
reads one consistent snapshot while the window goes on writing through its own connection.

One job the officer started runs at a time per window (a second is refused with a word);
background jobs (the automatic backup) run beside it. The process does not exit before every
job has ended (:func:`wait_for_all`): a backup begun as the window closes is finished.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QProgressDialog,
    QToolButton,
    QWidget,
)

from perfdesk.progress import Cancelled, Steps
from perfdesk.store import Store
from ui import dialogs

Work = Callable[[Steps], Any]
PROGRESS_INTERVAL_S = 0.05  # a progress bar needs no more than 20 updates a second
NOTICE_MS = 60_000  # how long "已导出到 … 打开所在文件夹" stays in the status bar
MAX_THREADS = 4
# How long a worker computing in Python may keep the interpreter before the window's thread
# gets it (Python's default is 5 ms, then every repaint and tick waits that long, often more).
SWITCH_INTERVAL_S = 0.001

_pool: QThreadPool | None = None
_alive: set[Job] = set()  # every job until it has ended, whatever becomes of its window


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        _pool = QThreadPool()
        _pool.setObjectName("jobPool")
        _pool.setMaxThreadCount(MAX_THREADS)
    return _pool


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Block until every job has ended, then let their endings run (messages included).

    Called before the process exits, so that a backup begun as the window closed is
    finished, never cut off half-way. False if ``timeout_ms`` passed first.
    """
    if _pool is None:
        return True
    finished = _pool.waitForDone(timeout_ms)
    QCoreApplication.sendPostedEvents()
    return finished


@contextmanager
def job_store(path: Path) -> Iterator[Store]:
    """A read-only store of the worker's own on ``path`` (the window's connection stays with
    the window's thread). Its reads see one snapshot; the window's saving goes on."""
    store = Store(path, read_only=True, quick_check=False)
    try:
        yield store
    finally:
        store.close()


class _Relay(QObject):
    """Carries a worker's news to the window's thread (queued, as it is emitted elsewhere)."""

    progressed = Signal(int, int)
    finished = Signal()


class Job(QObject):
    """One piece of long work in a worker thread.

    ``work(steps)`` runs in the worker; ``steps`` is the :class:`perfdesk.progress.Steps` to
    hand to the core. When it is over, on the window's thread: :attr:`result`, or
    :attr:`error`, or :attr:`was_cancelled`, and the ``ended`` signal.
    """

    progressed = Signal(int, int)
    ended = Signal()

    def __init__(
        self,
        title: str,
        work: Work,
        *,
        cancellable: bool = True,
        background: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.cancellable = cancellable
        self.background = background
        self.result: Any = None
        self.error: Exception | None = None
        self.was_cancelled = False
        self.over = False  # True once ``ended`` has been emitted on the window's thread
        self._work = work
        self._stop = threading.Event()
        self._finished = threading.Event()
        self._relay = _Relay()
        self._relay.progressed.connect(self.progressed)
        self._relay.finished.connect(self._end)

    @property
    def running(self) -> bool:
        return not self._finished.is_set()

    def cancel(self) -> None:
        if self.cancellable:
            self._stop.set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the work is done (not for the window's thread, except at exit)."""
        return self._finished.wait(timeout_s)

    def start(self) -> Job:
        _alive.add(self)
        pool().start(self._run)
        return self

    def _run(self) -> None:  # in the worker thread
        last = 0.0

        def report(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last >= PROGRESS_INTERVAL_S:
                last = now
                self._relay.progressed.emit(done, total)

        try:
            self.result = self._work(Steps(report, self._stop.is_set))
        except Cancelled:
            self.was_cancelled = True
        except Exception as exc:  # told on the window's thread, with the details logged
            self.error = exc
        finally:
            self._finished.set()
            self._relay.finished.emit()

    def _end(self) -> None:
        self.over = True
        _alive.discard(self)
        self.ended.emit()


class JobBar(QWidget):
    """In the status bar: what is running, how far, 取消; afterwards what came of it, with
    打开所在文件夹 when a file was written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobBar")
        self.label = QLabel(self)
        self.label.setObjectName("jobLabel")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("jobProgress")
        self.bar.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 20)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("jobCancel")
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止这项工作；不会留下写了一半的文件"))
        self.folder_button = QToolButton(self)
        self.folder_button.setObjectName("showInFolder")
        self.folder_button.setText(self.tr("打开所在文件夹"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.folder_button)
        self.job: Job | None = None
        self.file: Path | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.folder_button.clicked.connect(self._show_file)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.hide)
        self.hide()

    def follow(self, job: Job) -> None:
        """Show ``job`` until it ends."""
        self._notice_timer.stop()
        self.job = job
        self.file = None
        self.label.setText(self.tr("正在%1…").replace("%1", job.title))
        self.bar.setRange(0, 0)  # busy until the first news
        self.bar.show()
        self.cancel_button.setVisible(job.cancellable)
        self.cancel_button.setEnabled(True)
        self.folder_button.hide()
        job.progressed.connect(self._progressed)
        self.show()

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is not self.job:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("正在取消%1…").replace("%1", self.job.title))

    def notify(self, text: str, file: Path | None = None) -> None:
        """Say how a job ended; with ``file``, offer to show it in its folder."""
        self.job = None
        self.file = file
        self.label.setText(text)
        self.label.setToolTip(str(file) if file else "")
        self.bar.hide()
        self.cancel_button.hide()
        self.folder_button.setVisible(file is not None)
        self.show()
        self._notice_timer.start(NOTICE_MS)

    def clear(self) -> None:
        self.job = None
        self.hide()

    def _show_file(self) -> None:
        if self.file is not None:
            dialogs.show_in_folder(self.file)


class JobRunner(QObject):
    """The jobs of one window: starts them, shows them, tells how they ended.

    Closing is two steps, because the window may still refuse to close after the jobs were
    asked about (edits not yet saved, and the officer keeps the window): :meth:`may_close`
    only asks; :meth:`close_down` — once the window really closes — cancels the officer's
    jobs and emits ``closing``, the moment for the backup at exit.
    """

    closing = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("jobRunner")
        self.window = window
        self.jobs: list[Job] = []
        self.closed = False
        self.bar = JobBar(window)
        window.statusBar().addPermanentWidget(self.bar)

    def busy(self) -> Job | None:
        """The running job the officer started, if any."""
        return next((j for j in self.jobs if j.running and not j.background), None)

    def start(
        self,
        title: str,
        work: Work,
        *,
        done: Callable[[Any], object] | None = None,
        failed: Callable[[Exception], object] | None = None,
        cancellable: bool = True,
        background: bool = False,
        modal: bool = False,
        shown: bool = True,
    ) -> Job | None:
        """Run ``work`` in a worker; ``done(result)`` afterwards on the window's thread.

        A failure is told in Chinese (``failed`` replaces that); a cancelled job is noted in
        the status bar. ``modal`` keeps the window from being used meanwhile (a restore
        replaces everything in it); a background job not ``shown`` stays out of the status
        bar. ``None`` if another job of the officer's is running.
        """
        running = self.busy()
        if running is not None and not background:
            dialogs.information(
                self.window,
                title,
                self.tr("正在%1，请等它完成（或取消它）后再试。").replace("%1", running.title),
            )
            return None
        # What the window holds now is long-lived: frozen, a full collection that the job's
        # allocations set off walks only the job's own objects, not the window's thousands of
        # rows (a walk of 100–200 ms at 10,000 projects, with every other thread stopped).
        gc.freeze()
        job = Job(title, work, cancellable=cancellable, background=background, parent=self)
        self.jobs.append(job)
        job.ended.connect(lambda: self._ended(job, done, failed))
        if modal:
            self._show_modal(job)
        elif shown and (not background or self.busy() is None):
            self.bar.follow(job)
        return job.start()

    def _show_modal(self, job: Job) -> None:
        dialog = QProgressDialog(
            self.tr("正在%1…").replace("%1", job.title),
            self.tr("取消"),
            0,
            0,
            self.window,
        )
        dialog.setObjectName("jobDialog")
        dialog.setWindowTitle(job.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(0)
        if not job.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, total))

        job.progressed.connect(progressed)
        job.ended.connect(dialog.close)
        job.ended.connect(dialog.deleteLater)
        dialog.show()

    def _ended(
        self,
        job: Job,
        done: Callable[[Any], object] | None,
        failed: Callable[[Exception], object] | None,
    ) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.bar.job is job:
            self.bar.clear()
        if job.error is not None:
            if failed is not None:
                failed(job.error)
            elif not self.closed:
                dialogs.error(self.window, job.title, dialogs.explain(job.error))
            else:
                dialogs.explain(job.error)  # logged; the window is gone
        elif job.was_cancelled:
            if not self.closed:
                self.bar.notify(self.tr("已取消%1").replace("%1", job.title))
        elif done is not None and (job.background or not self.closed):
            done(job.result)

    def notify(self, text: str, file: Path | None = None) -> None:
        self.bar.notify(text, file)

    def _officers_running(self) -> list[Job]:
        return [j for j in self.jobs if j.running and not j.background]

    def may_close(self) -> bool:
        """Whether the window may close as far as the jobs go: asks when one of the officer's
        is running (closing cancels it). Changes nothing; :meth:`close_down` does."""
        running = self._officers_running()
        if self.closed or not running:
            return True
        question = self.tr("正在%1。关闭窗口会取消它，仍要关闭吗？").replace("%1", running[0].title)
        return dialogs.confirm(self.window, self.tr("关闭"), question, action=self.tr("关闭"))

    def close_down(self) -> None:
        """The window is closing for good: cancel the officer's jobs, then ``closing``."""
        if self.closed:
            return
        for job in self._officers_running():
            job.cancel()
        gc.unfreeze()  # what the window held may go now (frozen in start)
        self.closed = True
        self.closing.emit()


def runner(window: QMainWindow) -> JobRunner:
    """The window's job runner (made on first use)."""
    found = window.findChild(JobRunner, "jobRunner")
    return found if isinstance(found, JobRunner) else JobRunner(window)
