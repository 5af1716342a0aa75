"""How long the safety work takes with many realistic projects.

    uv run python bench/backup.py [--projects 2000]

Prints: the quick check (run before writing and at every backup), a backup (quick check,
VACUUM INTO snapshot, zip, read back and verified), a full restore (checks, schema, migration,
every project read strictly, search indexes rebuilt, copy of the current database,
replacement), the database and backup sizes, and saving and reloading a project with a
megabyte of text in one section. Targets on a 2-core machine, for 2,000 projects: quick check
≤ 300 ms, backup ≤ 3 s, restore ≤ 6 s; a megabyte section saved and reloaded ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from perfdesk.backup import create_backup, restore_backup
from perfdesk.model import Project
from perfdesk.store import Store, integrity_problems

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import realistic_projects  # the sibling benchmark's data


def _timed(label: str, work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    print(f"{label:<40} {elapsed * 1000:9.1f} ms")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))
    db = folder / "perfdesk.db"
    with Store(db) as store:
        store.add_many(realistic_projects(args.projects))
    print(f"{args.projects} projects, database {db.stat().st_size / 2**20:.1f} MB")

    with Store(db) as store:
        _timed("quick check (before writing)", lambda: integrity_problems(store.conn, quick=True))
        _timed("full integrity check (perfdesk check)", lambda: integrity_problems(store.conn))
        backup = folder / "backup.zip"
        _timed("backup (snapshot, zip, verify)", lambda: create_backup(store, backup))
    print(f"{'backup file':<40} {backup.stat().st_size / 2**20:9.1f} MB")
    _timed("restore into a new database", lambda: restore_backup(backup, folder / "new.db"))
    _timed("restore over the database", lambda: restore_backup(backup, db))

    project = Project.new()
    label = project.spec.sections[0]
    project.set_section(label, "很长的文字。" * 170_000)  # about 1 MB
    with Store(db) as store:
        project_id = store.add(project)
        project.set_section(label, project.sections[label] + "再加一句。")  # as typing does

        _timed("save a project with 1 MB of text", lambda: store.save(project))
        _timed("load it again", lambda: store.get(project_id))


if __name__ == "__main__":
    main()
