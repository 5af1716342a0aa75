"""A database that cannot be written (the file read-only, or its folder) is reported as
read-only, never as damaged: commands that only read open it read-only and work, commands that
write say why they cannot, and the file is left as it was."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from testdata import file_digest, needs_cjk_font, perfdesk_as_user

from perfdesk.sample import sample_projects
from perfdesk.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(params=["file", "folder"])
def read_only(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    db = folder / "perfdesk.db"
    with Store(db) as store:
        store.add_many(sample_projects())
    locked = db if request.param == "file" else folder
    mode = locked.stat().st_mode
    locked.chmod(0o444 if request.param == "file" else 0o555)
    try:
        yield db
    finally:
        locked.chmod(mode)


def test_listing_and_exporting_work_read_only(read_only: Path, tmp_path: Path) -> None:
    before = file_digest(read_only)
    listed = perfdesk_as_user("--db", read_only, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [p["id"] for p in json.loads(listed.stdout)] == [1, 2]
    out = tmp_path / "forms.json"
    exported = perfdesk_as_user("--db", read_only, "export-json", "--all", "-o", out)
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["projects"]) == 2
    checked = perfdesk_as_user("--db", read_only, "check")
    assert checked.returncode == 0 and "通过" in checked.stdout, checked.stderr
    backed_up = perfdesk_as_user("--db", read_only, "backup", "-o", tmp_path / "b.zip")
    assert backed_up.returncode == 0, backed_up.stderr
    assert file_digest(read_only) == before


@needs_cjk_font
def test_printing_works_read_only(read_only: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    printed = perfdesk_as_user("--db", read_only, "print", "1", "-o", out)
    assert printed.returncode == 0, printed.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_writing_is_refused_as_read_only_not_damaged(read_only: Path) -> None:
    before = file_digest(read_only)
    result = perfdesk_as_user("--db", read_only, "sample")
    assert result.returncode == 1
    assert "只读" in result.stderr and "损坏" not in result.stderr
    assert "Traceback" not in result.stderr
    assert file_digest(read_only) == before
