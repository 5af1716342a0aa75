"""Bringing a database file up to the current schema with sqlite-utils' migrations.

Loaded only when a file needs it (a new file, or one written by an older PerfDesk): opening an
up-to-date file never imports sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from perfdesk.schema import SCHEMA_VERSION, STEPS, Step


def _migration(step: Step) -> Callable[[Any], None]:
    def run(db: Any) -> None:
        step(db.conn, True)  # with FTS5 where this SQLite has it

    return run


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the steps the file has not had, inside the caller's transaction, and record the
    version in ``user_version``."""
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("perfdesk")
    for name, step in STEPS:
        migrations(name=name)(_migration(step))
    # No sqlite-utils plugins: nothing installed elsewhere may change how our file is used.
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations.apply(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
