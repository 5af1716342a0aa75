"""The house rules, checked with the tests: ruff everywhere, mypy on the core and the window,
no Qt in the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from testdata import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_bans_qt_in_the_core(tmp_path: Path) -> None:
    offender = REPO / "perfdesk" / "_qt_probe_for_test.py"
    offender.write_text("import PySide6\n", encoding="utf-8")
    try:
        result = _run("ruff", "check", "--select", "TID251", str(offender))
    finally:
        offender.unlink()
    assert result.returncode != 0
    assert "TID251" in result.stdout


def test_mypy_is_clean() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, perfdesk\n"
        "for m in pkgutil.walk_packages(perfdesk.__path__, 'perfdesk.'):\n"
        "    importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(len([n for n in sys.modules if n.startswith('perfdesk')]), qt)\n"
        "sys.exit(1 if qt else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[0]) > 5  # the walk really imported the core
