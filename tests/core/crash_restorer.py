"""The process the restore crash test kills: it restores backups over one database.

Run as ``python crash_restorer.py DB ROUNDS SEED BACKUP...``. It first times restores that
are left to finish, then each round forks a restorer (taking the backups in turn), SIGKILLs
it at a random moment within that time, says ``killed N`` and waits for ``next`` on stdin.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from perfdesk.backup import restore_backup


def run(db: Path, backup: Path) -> float:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            restore_backup(backup, db)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    return time.perf_counter() - start


def main() -> None:
    db, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    backups = [Path(name) for name in sys.argv[4:]]
    chance = random.Random(seed)
    run(db, backups[0])  # creates the database
    duration = max(run(db, backup) for backup in backups)  # restores over it, as timed
    os.write(1, f"timed {duration:.3f}\n".encode())
    for round_number in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                restore_backup(backups[round_number % len(backups)], db)
            finally:
                os._exit(0)
        time.sleep(chance.uniform(0.0, duration * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.write(1, f"killed {round_number}\n".encode())
        if sys.stdin.readline().strip() != "next":
            return


if __name__ == "__main__":
    main()
