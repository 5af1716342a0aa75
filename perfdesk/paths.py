"""Where PerfDesk keeps things."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "PerfDesk"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user's data folder, e.g. ``%LOCALAPPDATA%\\PerfDesk`` or ``~/.local/share/PerfDesk``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "perfdesk.db"
