"""What the tests share: the repository and its sample forms, the reference form, the Chinese
font, projects and files compared, a damaged database, reshuffled text, and running the
program."""

import contextlib
import hashlib
import os
import random
import subprocess
import sys
from collections.abc import Iterator
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
# 文泉驿正黑 itself, for tests that look for it by its family name.
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
needs_zenhei = pytest.mark.skipif(not ZENHEI.exists(), reason="needs fonts-wqy-zenhei")
# A TrueType CJK font where the tests run: fonts-wqy-zenhei on Linux, 宋体 on Windows.
CJK_FONT = (
    Path(os.environ.get("WINDIR", "C:\\Windows"), "Fonts", "simsun.ttc")
    if sys.platform == "win32"
    else ZENHEI
)
needs_cjk_font = pytest.mark.skipif(
    not CJK_FONT.exists(), reason="needs a TrueType CJK font (Debian: fonts-wqy-zenhei)"
)


def _under_wine() -> bool:
    """Windows as Wine provides it on Linux, where the Windows build is tested."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


# Wine's own gaps, not PerfDesk's: a test Wine cannot run is skipped there with the reason.
UNDER_WINE = _under_wine()


def make_symlink(link: Path, target: Path, *, directory: bool = False) -> None:
    """``link`` leading to ``target``; on Windows, where only Developer Mode or administrator
    rights allow symbolic links (and Wine reports one made but makes none), the test is skipped
    when none can be made."""
    try:
        link.symlink_to(target, target_is_directory=directory)
    except OSError as error:
        if sys.platform != "win32":
            raise
        pytest.skip(f"this Windows account may not make symbolic links ({error})")
    if not link.is_symlink():
        pytest.skip("this system reports a symbolic link made but made none (Wine)")


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


_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive-mode":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # readers are kept out too
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE projects SET name = name WHERE id = 1")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""

LOCK_MODES = ("writers-out", "exclusive-mode")


@contextlib.contextmanager
def locked_by_another_process(db: Path, mode: str) -> Iterator[None]:
    """A second process holding ``db`` in an exclusive transaction until the block ends:
    ``writers-out`` as any writer does (in WAL mode others may still read), ``exclusive-mode``
    with SQLite's exclusive locking mode (nobody else may even read)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.communicate(timeout=30)


def _without_root_powers() -> None:  # pragma: no cover - runs in the child
    """Drop the powers that let root write to any file, so that a read-only file or folder is
    read-only to the program as it is to an officer (PR_CAPBSET_DROP before exec)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def perfdesk_as_user(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """:func:`perfdesk` as an ordinary user runs it, even when the tests run as root."""
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        preexec_fn=_without_root_powers if as_root else None,
    )
