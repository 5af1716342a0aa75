"""The house rules, checked with the tests: ruff everywhere, mypy on the core and the window,
no Qt in the core."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from testdata import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("line", ["import PySide6", "from ui import dialogs", "import launcher"])
def test_ruff_bans_the_window_in_the_core(line: str) -> None:
    # The probe is given on stdin under a core file name: nothing is written into the tree.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--select",
            "TID251",
            "--stdin-filename",
            "perfdesk/_probe.py",
            "-",
        ],
        cwd=REPO,
        input=line + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "TID251" in result.stdout


def test_the_core_never_names_the_window() -> None:
    """Not even as a string for importlib: perfdesk/ knows no screen and no launcher."""
    mention = re.compile(r"""\b(ui|launcher)\.\w|["'](ui|launcher)(\.\w+)*["']|import_module""")
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "perfdesk").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if mention.search(line)
    ]
    assert offenders == []


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
