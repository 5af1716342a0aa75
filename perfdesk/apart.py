"""Long work in a child process of its own, for callers with a window to keep responsive.

A worker thread shares the interpreter with the window's thread, and work that keeps the
interpreter lock for long stretches (lxml writing a Word document of hundreds of forms,
ReportLab laying out a batch, the collector walking their objects) stalls the window 100 ms
and more at a time, whatever the thread switch interval. A child process shares nothing.

``run_apart(work, *args, steps=steps)`` calls ``work(*args, steps)`` in a fresh Python process
(``spawn``, as Windows does; a frozen program must call ``multiprocessing.freeze_support()``
first) and returns what it returns. Progress and 取消 cross over a pipe and an event, so
``steps`` behaves as if the work ran here: the work stops with :class:`Cancelled` and cleans up
after itself, as the core's jobs do. ``work`` and ``args`` travel pickled: ``work`` is a
module-level function. Starting the process costs a few hundred milliseconds, so this is for
jobs that take longer than that.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from perfdesk.errors import PerfDeskError
from perfdesk.progress import Cancelled, Steps

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.synchronize import Event

POLL_S = 0.05  # how often the waiting thread looks at the cancel flag
STOP_WAIT_S = 5.0  # after the result: how long the child may take to exit before it is killed


def run_apart[T](work: Callable[..., T], *args: Any, steps: Steps) -> T:
    """``work(*args, steps)`` in a child process; its result, or its exception raised here."""
    import multiprocessing  # only the callers that use it pay for the import

    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(
        target=_child, args=(work, args, sending, stop), name="perfdesk-job", daemon=True
    )
    child.start()
    sending.close()  # the child holds its end: when it dies, reading ends with EOFError
    try:
        while True:
            if steps.cancelled is not None and steps.cancelled():
                stop.set()
            if not receiving.poll(POLL_S):
                continue
            try:
                kind, payload = receiving.recv()
            except EOFError:
                raise PerfDeskError(
                    "后台处理进程意外退出（可能是内存不足），文件没有写成。请重试。"
                ) from None
            if kind == "progress":
                done, total = payload
                if steps.progress is not None:
                    steps.progress(done, total)
            elif kind == "result":
                return payload  # type: ignore[no-any-return]
            elif kind == "cancelled":
                raise Cancelled
            else:
                raise payload
    finally:
        receiving.close()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.kill()
            child.join()


def _child(
    work: Callable[..., object], args: tuple[Any, ...], sending: Connection, stop: Event
) -> None:
    def progress(done: int, total: int) -> None:
        sending.send(("progress", (done, total)))  # (the caller thins out what it shows)

    try:
        result = work(*args, Steps(progress, stop.is_set))
    except Cancelled:
        sending.send(("cancelled", None))
    except Exception as exc:
        sending.send(("error", _sendable(exc)))
    else:
        sending.send(("result", result))
    finally:
        sending.close()


def _sendable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling both ways, else a plain error with its words (an
    exception whose constructor takes other arguments than its message does not)."""
    try:
        return pickle.loads(pickle.dumps(exc))  # type: ignore[no-any-return]
    except Exception:
        kind = PerfDeskError if isinstance(exc, PerfDeskError) else RuntimeError
        return kind(f"{type(exc).__name__}: {exc}" if kind is RuntimeError else str(exc))
