"""Killing a restore half-way leaves the database sound and whole: as it was, or restored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from perfdesk.backup import create_backup, remove_leftovers
from perfdesk.layouts import DEFAULT_LAYOUT, get_layout
from perfdesk.sample import sample_projects
from perfdesk.store import Store

RESTORER = Path(__file__).with_name("crash_restorer.py")
ROUNDS = 60


def _backup_of(db: Path, out: Path, prefix: str, count: int) -> list[str]:
    templates = sample_projects()
    projects = []
    for n in range(count):
        project = templates[n % 2].clone()
        project.set_field(project.spec.name_field, f"{prefix}{n}")
        projects.append(project)
    with Store(db) as store:
        store.add_many(projects)
        create_backup(store, out)
    return sorted(p.name for p in projects)


def _names(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        label = get_layout(DEFAULT_LAYOUT).name_field
        rows = conn.execute("SELECT value FROM project_fields WHERE label = ?", [label])
        return sorted(row[0] for row in rows)
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the restorer forks (POSIX)")
def test_kill_while_restoring_leaves_old_or_new_never_a_mix(tmp_path: Path) -> None:
    first = _backup_of(tmp_path / "a.db", tmp_path / "a.zip", "甲", 300)
    second = _backup_of(tmp_path / "b.db", tmp_path / "b.zip", "乙", 200)
    live = tmp_path / "data" / "perfdesk.db"
    backups = [str(tmp_path / "b.zip"), str(tmp_path / "a.zip")]
    restorer = subprocess.Popen(
        [sys.executable, str(RESTORER), str(live), str(ROUNDS), "7", *backups],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert restorer.stdin is not None and restorer.stdout is not None
    seen = {"first": 0, "second": 0}
    kills = 0
    try:
        for line in restorer.stdout:
            kind, value = line.split()
            if kind == "timed":
                print(f"a restore takes {float(value) * 1000:.0f} ms")
            if kind != "killed":
                continue
            kills += 1
            names = _names(live)
            assert names in (first, second), "a restore cut short left a mix"
            seen["first" if names == first else "second"] += 1
            restorer.stdin.write("next\n")
            restorer.stdin.flush()
    finally:
        restorer.kill()
        restorer.communicate()  # also closes the pipes
    assert kills == ROUNDS
    assert seen["first"] and seen["second"]  # kills landed both before and after the switch
    print(f"{kills} kills: {seen['first']} left the first backup, {seen['second']} the second")
    # What the killed restores left behind is cleaned up once it is old enough.
    orphans = remove_leftovers(live, now=time.time() + 7200)
    assert all(p.name.startswith(".") for p in orphans)
    print(f"{len(orphans)} temporary files left by killed restores, now removed")
    assert not [p for p in live.parent.rglob(".*") if p.is_file()]
