"""The jobs the window runs in a child process, held until the officer cancels: the click lands
while the work is under way, whatever the machine's speed. Module-level, without Qt, so the
child process can import them (they travel pickled by name)."""

import time
from collections.abc import Sequence
from pathlib import Path

from perfdesk.exporting.stored import ExportKind, export_stored
from perfdesk.printing.rendering import Rendered, render_stored
from perfdesk.progress import Steps

HOLD_AT_MOST_S = 30.0  # a test that never cancels still ends


def hold(steps: Steps) -> None:
    """Say "started" (news of 0 of 1 done: the window's bar leaves its busy state), then wait
    for 取消."""
    if steps.progress is not None:
        steps.progress(0, 1)
    give_up = time.monotonic() + HOLD_AT_MOST_S
    while not (steps.cancelled and steps.cancelled()) and time.monotonic() < give_up:
        time.sleep(0.005)


def export_held(
    kind: ExportKind, database: Path, ids: Sequence[int], path: Path, steps: Steps
) -> Path:
    hold(steps)
    return export_stored(kind, database, ids, path, steps)


def render_held(
    database: Path, ids: Sequence[int], font: Path | None, write_to: Path | None, steps: Steps
) -> Rendered:
    hold(steps)
    return render_stored(database, ids, font, write_to, steps)
