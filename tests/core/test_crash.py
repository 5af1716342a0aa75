"""Killing PerfDesk while it saves loses nothing it had reported as saved.

A writer process saves edits through the Store in a loop and is SIGKILLed at random moments,
over and over. After every kill the database must pass ``integrity_check`` and hold every edit
the writer had announced as saved (an announcement is only made after the save returned).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from perfdesk.layouts import DEFAULT_LAYOUT, get_layout

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")
def test_kill_while_saving_loses_no_saved_edit(db_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), str(ROUNDS), "20261128"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert writer.stdin is not None and writer.stdout is not None
    saved_names: set[str] = set()
    last_edit = 0
    last_line = ""
    kills = kills_mid_save = 0
    try:
        for line in writer.stdout:
            kind, value = line.split()
            if kind == "add":
                saved_names.add(value)
            elif kind == "edit":
                last_edit = int(value)
            elif kind == "killed":
                kills += 1
                kills_mid_save += last_line.startswith("try ")
                _check(db_path, saved_names, last_edit)
                writer.stdin.write("next\n")
                writer.stdin.flush()
            last_line = line
    finally:
        writer.kill()
        writer.communicate()  # also closes the pipes
    assert kills == ROUNDS
    assert len(saved_names) >= ROUNDS // 2  # the writers really got work done
    # Most kills must land inside a save, or the test proves little.
    assert kills_mid_save >= ROUNDS // 4, kills_mid_save
    print(f"{kills} kills, {kills_mid_save} inside a save, {len(saved_names)} projects saved")


def _check(db_path: Path, saved: set[str], last_edit: int) -> None:
    layout = get_layout(DEFAULT_LAYOUT)
    name_field, edited_section = layout.name_field, layout.sections[0]
    field_count, section_count = len(layout.field_labels), len(layout.sections)
    if not db_path.exists():
        assert not saved
        return
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        if "projects" not in tables:  # killed while the new file was being set up
            assert not saved and not last_edit
            return
        names = {
            row[0]
            for row in conn.execute(
                "SELECT value FROM project_fields WHERE label = ?", [name_field]
            )
        }
        missing = saved - names
        assert not missing, f"saved but lost: {sorted(missing)[:5]}"
        if last_edit:
            row = conn.execute(
                "SELECT body FROM project_sections WHERE project_id = 1 AND label = ?",
                [edited_section],
            ).fetchone()
            assert row is not None and int(row[0]) >= last_edit
        # Each save is whole: no project stored with only part of its rows.
        partial = conn.execute(
            "SELECT p.id FROM projects p WHERE "
            "(SELECT count(*) FROM project_fields f WHERE f.project_id = p.id) != ? OR "
            "(SELECT count(*) FROM project_sections s WHERE s.project_id = p.id) != ? OR "
            "NOT EXISTS (SELECT 1 FROM project_search t WHERE t.rowid = p.id)",
            [field_count, section_count],
        ).fetchall()
        assert not partial, f"half-saved projects: {partial[:5]}"
    finally:
        conn.close()
