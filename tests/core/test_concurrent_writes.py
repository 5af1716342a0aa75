"""Writes wait their turn: edits saved the way the window saves them (one undoable step each,
through :class:`History`) while ``perfdesk import`` runs in another process never fail; each
waits for the import's transaction and is then stored."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from testdata import REPO

from perfdesk import exchange
from perfdesk.errors import PerfDeskError
from perfdesk.history import DEFAULT_LIMIT, History
from perfdesk.sample import sample_projects
from perfdesk.store import Store

IMPORTS = 3
PROJECTS_PER_IMPORT = 600


def test_window_style_saves_beside_a_command_line_import_never_fail(tmp_path: Path) -> None:
    db = tmp_path / "perfdesk.db"
    with Store(db) as store:
        store.add_many(sample_projects())
    many = tmp_path / "many.json"
    many.write_text(
        exchange.dumps([sample_projects()[n % 2] for n in range(PROJECTS_PER_IMPORT)]),
        encoding="utf-8",
    )
    command = [sys.executable, str(REPO / "main.py"), "--db", str(db), "import", str(many)]
    loop = f"import subprocess\nfor _ in range({IMPORTS}): subprocess.run({command!r}, check=True)"
    log = tmp_path / "import.log"  # a file, not a pipe: nobody reads while it runs
    with log.open("w") as log_file:
        importer = subprocess.Popen([sys.executable, "-c", loop], stderr=log_file)
    store = Store(db)
    history = History(store)
    label = sample_projects()[0].spec.sections[0]
    saves, failures, slowest = 0, [], 0.0
    try:
        while importer.poll() is None:
            started = time.perf_counter()
            try:
                history.edit(1, lambda p, n=saves: p.set_section(label, f"第 {n} 次修改"), "修改")
                saves += 1
            except PerfDeskError as exc:
                failures.append(str(exc))
            slowest = max(slowest, time.perf_counter() - started)
        assert importer.wait() == 0, log.read_text(encoding="utf-8")
        print(f"{saves} saves beside {IMPORTS} imports, slowest {slowest * 1000:.0f} ms")
        assert failures == []
        assert saves > 20
        assert store.get(1).sections[label] == f"第 {saves - 1} 次修改"
        assert store.count() == 2 + IMPORTS * PROJECTS_PER_IMPORT
        assert len(history) == min(saves, DEFAULT_LIMIT)  # each one an undoable step
    finally:
        store.close()
