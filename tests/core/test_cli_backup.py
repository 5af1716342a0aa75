"""``perfdesk backup``, ``restore`` and ``check`` as the officer or a script runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testdata import file_digest

from perfdesk.backup import backup_dir, default_backup_name
from perfdesk.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert _run(capsys, "--db", str(db_path), "sample")[0] == 0
    return db_path


def test_backup_restore_into_a_new_database_then_export_matches(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.zip"
    code, _, err = _run(capsys, "--db", str(db), "backup", "-o", str(backup))
    assert code == 0 and "已备份 2 个项目" in err
    fresh = tmp_path / "fresh" / "perfdesk.db"
    code, _, err = _run(capsys, "--db", str(fresh), "restore", str(backup))
    assert code == 0 and "恢复 2 个项目" in err
    for database, out in ((db, tmp_path / "a.json"), (fresh, tmp_path / "b.json")):
        assert _run(capsys, "--db", str(database), "export-json", "--all", "-o", str(out))[0] == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["projects"]


def test_backup_into_a_folder_uses_the_dated_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "u盘"
    folder.mkdir()
    assert _run(capsys, "--db", str(db), "backup", "-o", str(folder))[0] == 0
    assert [p.name for p in folder.iterdir()] == [default_backup_name()]


def test_restore_over_the_database_says_where_the_old_one_went(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.zip"
    _run(capsys, "--db", str(db), "backup", "-o", str(backup))
    code, _, err = _run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 0
    assert str(backup_dir(db)) in err and "恢复前的数据库已保存为" in err


def test_a_bad_backup_is_refused_with_exit_1_and_the_database_unchanged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a backup at all")
    before = file_digest(db)
    code, _, err = _run(capsys, "--db", str(db), "restore", str(bad))
    assert code == 1 and err.startswith("错误：") and "不是 PerfDesk 备份" in err
    assert file_digest(db) == before


def test_check_passes_on_a_sound_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", str(db), "check")
    assert code == 0 and "通过" in out


def test_check_reports_damage_exits_1_and_names_the_newest_good_backup(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = backup_dir(db)
    folder.mkdir()
    _run(capsys, "--db", str(db), "backup", "-o", str(folder / "perfdesk-20260101-080000.zip"))
    data = bytearray(db.read_bytes())
    page = 4096 * (len(data) // 4096 // 2)
    data[page : page + 512] = bytes(range(256)) * 2
    db.write_bytes(bytes(data))
    damaged = bytes(data)
    code, _, err = _run(capsys, "--db", str(db), "check")
    assert code == 1
    assert "完整性" in err and "perfdesk-20260101-080000.zip" in err
    assert db.read_bytes() == damaged  # checking never writes
    # A command that writes checks first and refuses; one that only reads does not check
    # on every start, and writes nothing either.
    code, _, err = _run(capsys, "--db", str(db), "sample")
    assert code == 1 and "已损坏" in err
    _run(capsys, "--db", str(db), "list")
    assert db.read_bytes() == damaged
