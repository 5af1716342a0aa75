"""Bad files given to ``perfdesk import``: each refused with a message in Chinese, exit status 1,
no traceback and no crash at exit, within 10 s and 500 MB, and the database unchanged.

Time and memory are measured where they matter: each import runs as a real process, its address
space limited to 500 MB (``RLIMIT_AS``) and killed after 10 s.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_files import BOUNDED, MALFORMED, Maker, xlsx_huge_number_as_amount
from testdata import REPO, file_digest

from perfdesk.importing import read_any
from perfdesk.sample import sample_projects
from perfdesk.store import Store

MEMORY_LIMIT = 500 << 20
TIME_LIMIT = 10.0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _import_bounded(db: Path, path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=_limit_memory,
        timeout=TIME_LIMIT,
        check=False,
    )
    return result, time.perf_counter() - start


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.add_many(sample_projects())
    return db_path


def _refused(make: Maker, words: str, filled: Path, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    bad = make(folder)
    before = file_digest(filled)
    result, took = _import_bounded(filled, bad)
    print(f"{make.__name__}: {bad.stat().st_size:,} bytes, refused in {took:.2f} s")
    assert result.returncode == 1, result.stderr  # not a crash (a signal), not a traceback
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("错误：") and words in result.stderr, result.stderr
    assert file_digest(filled) == before


@pytest.mark.parametrize("make", BOUNDED, ids=[m.__name__ for m in BOUNDED])
def test_input_beyond_the_bounds_is_refused_quickly_in_bounded_memory(
    make: Maker, filled: Path, tmp_path: Path
) -> None:
    _refused(make, BOUNDED[make], filled, tmp_path)


@pytest.mark.parametrize("make", MALFORMED, ids=[m.__name__ for m in MALFORMED])
def test_a_malformed_file_is_refused_without_a_traceback(
    make: Maker, filled: Path, tmp_path: Path
) -> None:
    _refused(make, MALFORMED[make], filled, tmp_path)


def test_a_number_cell_as_amount_obeys_the_typed_bounds(tmp_path: Path) -> None:
    result = read_any(xlsx_huge_number_as_amount(tmp_path))
    first = result.forms[0]
    assert first.project.budget["项目总预算"] is None  # not imported...
    assert any("项目总预算" in str(w) and "过大" in str(w) for w in first.warnings)  # ...and said


def test_control_characters_in_a_text_file_are_dropped_with_a_warning(tmp_path: Path) -> None:
    from testdata import SEED_TEXT

    text = SEED_TEXT.read_text(encoding="utf-8").replace("上海科技报社", "上海\x01科技\x07报社", 1)
    path = tmp_path / "controls.txt"
    path.write_text(text, encoding="utf-8")
    result = read_any(path)
    assert result.forms[0].project.unit == "上海科技报社"
    assert any("控制字符" in str(w) for w in result.forms[0].warnings)
