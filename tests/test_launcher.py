"""The launcher above both halves: a command goes to the core's command line, no command
opens the window."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest
from testdata import perfdesk

import launcher


def test_a_command_runs_the_command_line_without_loading_qt(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert perfdesk("--db", db, "sample").returncode == 0
    result = perfdesk("--db", db, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert '"layout": "sh2020"' in result.stdout


def test_no_command_opens_the_window_on_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.app

    opened: list[tuple[Path, Future[list[str]] | None]] = []
    monkeypatch.setattr(ui.app, "run", lambda path, checked: opened.append((path, checked)) or 0)
    db = tmp_path / "x.db"
    assert perfdesk("--db", db, "sample").returncode == 0
    assert launcher.main(["--db", str(db)]) == 0
    [(path, checked)] = opened
    assert path == db
    assert checked is not None and checked.result() == []  # the start-up check ran beside Qt


def test_the_core_alone_asks_for_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    from perfdesk.cli import main

    assert main([]) == 2
    assert "请给出命令" in capsys.readouterr().err
