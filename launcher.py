"""PerfDesk's entry point, above both halves: ``perfdesk [--db PATH]`` with no command opens
the window (``ui``), ``perfdesk [--db PATH] COMMAND ...`` runs the core's command line
(``perfdesk.cli``). ``main.py``, ``perfdesk`` and the console-less ``perfdesk-gui`` all start
here."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from perfdesk import cli


def main(argv: Sequence[str] | None = None) -> int:
    # In the Windows build a worker process (review --all) starts this same
    # program: there it must run the worker's part and nothing else. freeze_support acts only
    # in a frozen program; elsewhere importing multiprocessing would only slow every command.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = cli.parse_args(argv)
    if args.command is not None:
        return cli.run(args)
    from perfdesk.store import check_in_background

    path = cli.database_path(args)
    checked = check_in_background(path) if path.is_file() else None  # beside Qt's loading
    from ui.app import run  # only the window needs Qt

    return run(path, checked)


if __name__ == "__main__":
    sys.exit(main())
