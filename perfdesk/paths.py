"""Where PerfDesk keeps things."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "PerfDesk"
# Sample data, templates and translations, wherever the ``resources`` package was installed
# (a checkout, site-packages or the Windows bundle): found the way layouts are, by import.
RESOURCES = Path(str(files("resources")))


def data_dir() -> Path:
    """The user's data folder, e.g. ``%LOCALAPPDATA%\\PerfDesk`` or ``~/.local/share/PerfDesk``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "perfdesk.db"


def backup_dir(database: str | Path) -> Path:
    """Where a database's automatic backups live: ``backups`` beside it (for the default
    database, the data folder's ``backups``)."""
    return Path(database).parent / "backups"
