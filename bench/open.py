"""What opening the database costs as it grows, and printing one form as a whole process.

    uv run python bench/open.py [--sizes 1000,10000,50000] [--runs 5] [--keep FOLDER]

For each number of projects: opening the store for a command that only reads (list, print,
exports: no quick check), opening it for writing (SQLite's quick check first), the quick check
alone, and ``perfdesk print ID -o F.pdf`` as a whole process (start-up included; the first run,
which warms the disk cache, is not counted). Print should stay flat from 1,000 to 50,000
projects. Also says whether opening imported sqlite-utils (it should not: only a migration
needs it). ``--keep`` keeps the filled databases there for the next run (filling 50,000
projects takes about a minute).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import realistic_projects  # the sibling benchmark's data

from perfdesk.store import Store, integrity_problems

REPO = Path(__file__).resolve().parent.parent


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def filled(folder: Path, count: int) -> Path:
    path = folder / f"open-{count}.db"
    with Store(path) as store:
        missing = count - store.count()
        if missing > 0:
            start = time.perf_counter()
            for first in range(0, missing, 5000):
                store.add_many(realistic_projects(min(5000, missing - first), seed=first))
            print(f"filled {count} projects in {time.perf_counter() - start:.0f} s")
    return path


def open_and_close(path: Path, *, for_reading: bool) -> None:
    store = Store.open_for_reading(path) if for_reading else Store(path)
    store.close()


def whole_process_print(path: Path, out: Path, runs: int) -> float:
    command = [
        sys.executable,
        str(REPO / "main.py"),
        "--db",
        str(path),
        "print",
        "1",
        "-o",
        str(out),
    ]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the filled databases in this folder")
    args = parser.parse_args()
    temporary = tempfile.TemporaryDirectory()
    folder = args.keep or Path(temporary.name)
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    for count in sizes:
        path = filled(folder, count)
        reading = median_ms(lambda p=path: open_and_close(p, for_reading=True), args.runs * 4)
        writing = median_ms(lambda p=path: open_and_close(p, for_reading=False), args.runs)
        with Store.open_for_reading(path) as store:
            quick = median_ms(lambda s=store: integrity_problems(s.conn, quick=True), args.runs)
        printing = whole_process_print(path, folder / "one.pdf", args.runs)
        size_mb = path.stat().st_size / 1e6
        rows.append((count, size_mb, reading, writing, quick, printing))
    probe = "import sys; from perfdesk.store import Store; Store.open_for_reading(sys.argv[1]).close(); "
    probe += "print('sqlite_utils' in sys.modules)"
    loaded = subprocess.run(
        [sys.executable, "-c", probe, str(filled(folder, sizes[0]))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print("medians; open = Store only, print = `perfdesk print 1 -o F.pdf` as a whole process")
    print(
        f"{'projects':>9} {'file':>8} {'open to read':>13} {'open to write':>14} "
        f"{'quick check':>12} {'print (process)':>16}"
    )
    for count, size_mb, reading, writing, quick, printing in rows:
        print(
            f"{count:>9,} {size_mb:>6.0f} MB {reading:>10.1f} ms {writing:>11.1f} ms "
            f"{quick:>9.1f} ms {printing:>14.2f} s"
        )
    first, last = rows[0][5], rows[-1][5]
    print(f"print at {sizes[-1]:,} / at {sizes[0]:,} projects: {last / first:.2f} (flat: about 1)")
    print(f"sqlite-utils imported by opening an up-to-date database: {loaded}")


if __name__ == "__main__":
    main()
