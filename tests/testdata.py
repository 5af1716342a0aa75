"""What the tests share: the repository and its sample forms, the reference form, the Chinese
font, projects and files compared, a damaged database, reshuffled text, and running the
program."""

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from perfdesk.exchange import project_to_json
from perfdesk.model import Project
from perfdesk.sample import sample_projects

REPO = Path(__file__).resolve().parent.parent
# the reference form, as extracted from its PDF
SEED_TEXT = REPO / "tests" / "data" / "seed_sh2020.txt"
DATA = REPO / "tests" / "data"
SH2026_PROJECT = DATA / "sh2026_xinmeiti.json"  # a project on the current form (sh2026)
# A TrueType CJK font where the tests run: fonts-wqy-zenhei on Linux, 宋体 on Windows.
CJK_FONT = (
    Path(os.environ.get("WINDIR", "C:\\Windows"), "Fonts", "simsun.ttc")
    if sys.platform == "win32"
    else Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
)
needs_cjk_font = pytest.mark.skipif(
    not CJK_FONT.exists(), reason="needs a TrueType CJK font (Debian: fonts-wqy-zenhei)"
)


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


def as_json(projects: list[Project]) -> list[dict[str, Any]]:
    """Projects in the exchange form: compared whole, a difference shows field by field."""
    return [project_to_json(p) for p in projects]


def sample_json() -> list[dict[str, Any]]:
    """The sample projects (the reference form's two) in the exchange form."""
    return as_json(sample_projects())


def file_digest(path: Path) -> str:
    """A file's SHA-256, to show it was not written to."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def blank_lines_shuffled(text: str, seed: int) -> str:
    """``text`` with blank lines dropped and added at random, as text extractors differ."""
    rng = random.Random(seed)
    lines = []
    for line in text.split("\n"):
        if not line.strip() and rng.random() < 0.5:
            continue
        lines.append(line)
        lines.extend([""] * rng.choice((0, 0, 1, 2)))
    return "\n".join(lines)
