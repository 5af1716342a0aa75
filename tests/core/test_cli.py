"""The command line as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from testdata import perfdesk

from perfdesk.paths import RESOURCES


def test_sample_export_import_export_is_the_same_json(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    out, again = tmp_path / "out.json", tmp_path / "again.json"
    assert perfdesk("--db", first, "sample").returncode == 0
    result = perfdesk("--db", first, "export-json", "--all", "-o", out)
    assert result.returncode == 0, result.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    reference = json.loads((RESOURCES / "sample.json").read_text(encoding="utf-8"))
    assert exported == reference
    assert [len(p["indicators"]) for p in exported["projects"]] == [15, 15]

    assert perfdesk("--db", second, "import", out).returncode == 0
    assert perfdesk("--db", second, "export-json", "--all", "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_list_json(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    perfdesk("--db", db, "sample")
    result = perfdesk("--db", db, "list", "--json")
    assert json.loads(result.stdout) == [
        {
            "id": 1,
            "layout": "sh2020",
            "year": 2020,
            "unit": "上海科技报社",
            "name": "“上海科协”官方微信、微博策划与运维及视频拍摄制作",
        },
        {
            "id": 2,
            "layout": "sh2020",
            "year": 2020,
            "unit": "上海科技报社",
            "name": "科普资源平台建设",
        },
    ]
    searched = perfdesk("--db", db, "list", "--json", "--search", "资源平台")
    assert [p["id"] for p in json.loads(searched.stdout)] == [2]


def test_export_of_selected_ids(tmp_path: Path) -> None:
    db, out = tmp_path / "x.db", tmp_path / "two.json"
    perfdesk("--db", db, "sample")
    assert perfdesk("--db", db, "export-json", "2", "-o", out).returncode == 0
    (project,) = json.loads(out.read_text(encoding="utf-8"))["projects"]
    assert project["fields"]["项目名称"] == "科普资源平台建设"


def test_errors_are_plain_words_and_change_nothing(tmp_path: Path) -> None:
    db, out = tmp_path / "x.db", tmp_path / "out.json"
    perfdesk("--db", db, "sample")
    missing = perfdesk("--db", db, "export-json", "99", "-o", out)
    assert missing.returncode != 0
    assert "没有编号为 99 的项目" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert not out.exists()

    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    perfdesk("--db", db, "export-json", "--all", "-o", good)
    bad.write_text('{"format": "perfdesk/1", "projects": [{"layout": "sh2020"}]}', encoding="utf-8")
    result = perfdesk("--db", db, "import", good, bad)  # the bad file stops the good one too
    assert result.returncode != 0
    assert "年度" in result.stderr
    listed = perfdesk("--db", db, "list", "--json")
    assert len(json.loads(listed.stdout)) == 2


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "x.db"
    perfdesk("--db", db, "sample")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = perfdesk("--db", db, "list")
    assert result.returncode != 0
    assert "更新版本的 PerfDesk" in result.stderr


def test_check_passes_on_a_healthy_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    perfdesk("--db", db, "sample")
    result = perfdesk("--db", db, "check")
    assert result.returncode == 0, result.stderr


def test_runs_without_a_console_as_the_windows_gui_script_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from perfdesk.cli import main

    monkeypatch.setattr(sys, "stdout", None)  # pythonw gives no stdout
    assert main(["--db", str(tmp_path / "x.db"), "sample"]) == 0
    assert main(["--db", str(tmp_path / "x.db"), "list", "--json"]) == 0
