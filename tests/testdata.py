"""What the tests share: the repository, the reference form, the sample forms of the current
layout, the Chinese font, a damaged database, and running the program."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_04877708290d1af4.txt"
DATA = REPO / "tests" / "data"
SH2026_PROJECT = DATA / "sh2026_xinmeiti.json"  # a project on the current form (sh2026)
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
needs_zenhei = pytest.mark.skipif(not ZENHEI.exists(), reason="needs fonts-wqy-zenhei")


def perfdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` as a user runs it: a real process, output captured."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def wreck_a_page(db: Path) -> None:
    """Wreck a table page in the middle of a database file, leaving its header intact."""
    data = bytearray(db.read_bytes())
    page = 4096 * (len(data) // 4096 // 2)
    data[page : page + 512] = bytes(range(256)) * 2
    db.write_bytes(bytes(data))
