"""``-o`` never writes over the database: not by its name, not by a name of one of SQLite's
files beside it, not through a symbolic or a hard link, not by a path that only resolves to it.
Each is refused with exit status 1 and the database byte for byte as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import file_digest, make_symlink

from perfdesk.cli import main
from perfdesk.sample import sample_projects
from perfdesk.store import Store

COMMANDS = {
    "print": ["print", "--all", "-o"],
    "export-json": ["export-json", "--all", "-o"],
    "export-xlsx": ["export-xlsx", "--all", "-o"],
    "export-docx": ["export-docx", "--all", "-o"],
    "backup": ["backup", "-o"],
}


def _itself(db: Path, _folder: Path) -> Path:
    return db


def _its_log(db: Path, _folder: Path) -> Path:
    return Path(str(db) + "-wal")


def _its_shared_memory(db: Path, _folder: Path) -> Path:
    return Path(str(db) + "-shm")


def _its_lock_file(db: Path, _folder: Path) -> Path:
    lock = Path(str(db) + ".lock")
    lock.write_text("12345\nperfdesk\nhost\n")
    return lock


def _a_roundabout_path(db: Path, folder: Path) -> Path:
    return folder / "elsewhere" / ".." / db.parent.name / "." / db.name


def _a_symbolic_link(db: Path, folder: Path) -> Path:
    link = folder / "forms.pdf"
    make_symlink(link, db)
    return link


def _a_hard_link(db: Path, folder: Path) -> Path:
    link = folder / "forms.xlsx"
    os.link(db, link)
    return link


def _a_link_to_its_folder(db: Path, folder: Path) -> Path:
    link = folder / "shortcut"
    make_symlink(link, db.parent, directory=True)
    return link / db.name


TARGETS: list[Callable[[Path, Path], Path]] = [
    _itself,
    _its_log,
    _its_shared_memory,
    _its_lock_file,
    _a_roundabout_path,
    _a_symbolic_link,
    _a_hard_link,
    _a_link_to_its_folder,
]


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "perfdesk.db"
    with Store(path) as store:
        store.add_many(sample_projects())
    return path


@pytest.mark.parametrize("target", TARGETS, ids=[t.__name__.strip("_") for t in TARGETS])
@pytest.mark.parametrize("command", COMMANDS)
def test_output_naming_the_database_is_refused(
    command: str,
    target: Callable[[Path, Path], Path],
    live: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = Store(live)  # open, as while the window works on it: -wal and -shm exist
    try:
        store.add(sample_projects()[0])
        output = target(live, tmp_path)
        before = file_digest(live)
        code = main(["--db", str(live), *COMMANDS[command], str(output)])
        err = capsys.readouterr().err
        assert code == 1, err
        assert "不能写到" in err and "Traceback" not in err
        assert file_digest(live) == before
        assert store.count() == 3
    finally:
        store.close()


def test_an_ordinary_output_beside_the_database_is_written(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = live.with_name("perfdesk.db.json")  # a name that merely starts like it
    assert main(["--db", str(live), "export-json", "--all", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")
