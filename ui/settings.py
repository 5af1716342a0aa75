"""Every setting PerfDesk keeps, declared once (as Picard does), over QSettings.

Preferences are what the officer chooses (the language); state is what the program remembers
by itself (window geometry, splitters, the last project). They live in separate groups so a
"reset the window" never touches a choice, and the file is an INI file on every system, easy
to read or delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from perfdesk.backup import DEFAULT_INTERVAL_MINUTES

ORGANIZATION = "PerfDesk"
APPLICATION = "PerfDesk"


@dataclass(frozen=True)
class Option:
    """One setting: where it is kept, its type and its default."""

    group: str  # "preferences" or "state"
    key: str
    default: Any

    @property
    def path(self) -> str:
        return f"{self.group}/{self.key}"


def _preference(key: str, default: Any) -> Option:
    return Option("preferences", key, default)


def _state(key: str, default: Any) -> Option:
    return Option("state", key, default)


# -- the registry ---------------------------------------------------------------------------

LANGUAGE = _preference("language", "zh_CN")  # "zh_CN" or "en"
PRINT_FONT = _preference("print_font", "")  # a TrueType file to print with; "" = the system's
BACKUP_MINUTES = _preference("backup_minutes", DEFAULT_INTERVAL_MINUTES)  # automatic backups

WINDOW_GEOMETRY = _state("window_geometry", QByteArray())
WINDOW_STATE = _state("window_state", QByteArray())
MAIN_SPLITTER = _state("main_splitter", QByteArray())
EDITOR_SPLITTER = _state("editor_splitter", QByteArray())
LOWER_SPLITTER = _state("lower_splitter", QByteArray())
INDICATOR_HEADER = _state("indicator_header", QByteArray())
CHECKS_EXPANDED = _state("checks_expanded", False)  # the 检查 dock's list open, or its summary
LAST_DATABASE = _state("last_database", "")
LAST_PROJECT = _state("last_project", 0)


def qsettings() -> QSettings:
    """The settings file (INI format; tests point ``QSettings.setPath`` elsewhere)."""
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        QCoreApplication.organizationName() or ORGANIZATION,
        QCoreApplication.applicationName() or APPLICATION,
    )


class Settings:
    """Typed access to the registry: ``settings.get(LANGUAGE)``, ``settings.set(LANGUAGE, "en")``."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else qsettings()

    def get(self, option: Option) -> Any:
        value = self._store.value(option.path, option.default)
        default = option.default
        try:
            if isinstance(default, bool):
                return value if isinstance(value, bool) else str(value).lower() == "true"
            if isinstance(default, int):
                return int(str(value))
            if isinstance(default, QByteArray):
                return (
                    value
                    if isinstance(value, QByteArray)
                    else QByteArray(str(value or "").encode())
                )
            return str(value)
        except (TypeError, ValueError):
            return default  # a hand-edited file with nonsense in it: fall back quietly

    def set(self, option: Option, value: Any) -> None:
        self._store.setValue(option.path, value)

    def reset_state(self) -> None:
        """Forget the window's layout; preferences stay."""
        self._store.remove("state")

    def sync(self) -> None:
        self._store.sync()
