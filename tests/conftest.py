"""Shared test set-up: Qt runs headless, and every test gets its own database file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_04877708290d1af4.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "perfdesk.db"
