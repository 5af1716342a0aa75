"""What the tests share: the repository, the reference form, the sample forms of the current
layout, and running the program."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_04877708290d1af4.txt"
DATA = REPO / "tests" / "data"
SH2026_PROJECT = DATA / "sh2026_xinmeiti.json"  # a project on the current form (sh2026)


def perfdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` as a user runs it: a real process, output captured."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
