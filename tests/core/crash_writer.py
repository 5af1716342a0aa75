"""The process the crash test kills: it saves edits through the Store, forever.

Run as ``python crash_writer.py DB ROUNDS SEED``. It imports everything once, then for each
round forks a writer, lets it work for a random few milliseconds and SIGKILLs it, and waits
for ``next`` on stdin (the test checks the database in between). A writer announces each edit
on stdout: ``try N`` before it starts saving, ``add NAME`` or ``edit N`` only after the save
returned. One ``os.write`` per line, so a kill never leaves half a line.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from perfdesk.model import Project
from perfdesk.store import Store


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def write_forever(db: Path, round_number: int, ready: int) -> None:
    store = Store(db)
    if not store.exists(1):
        first = Project.new()
        first.set_field(first.spec.name_field, "edited in place")
        store.add(first)
    os.write(ready, b"r")
    step = 0
    while True:
        step += 1
        marker = f"r{round_number}s{step}"
        say(f"try {marker}")
        if step % 3 == 0:
            project = store.get(1)
            edit = round_number * 100_000 + step
            project.set_section(project.spec.sections[0], str(edit))
            store.save(project)
            say(f"edit {edit}")
        else:
            project = Project.new()
            project.set_field(project.spec.name_field, marker)
            project.set_section(project.spec.sections[1], marker * 20)
            store.add(project)
            say(f"add {marker}")


def main() -> None:
    db, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    chance = random.Random(seed)
    for round_number in range(rounds):
        # One kill in five may come while the database is being opened (or created); the
        # rest come while saving, however slow the machine is at the moment.
        while_opening = chance.random() < 0.2
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(ready_read)
                write_forever(db, round_number, ready_write)
            finally:
                os._exit(1)
        os.close(ready_write)
        if not while_opening:
            os.read(ready_read, 1)  # returns at once if the writer died
        time.sleep(chance.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(ready_read)
        say(f"killed {round_number}")
        if sys.stdin.readline().strip() != "next":
            return


if __name__ == "__main__":
    main()
