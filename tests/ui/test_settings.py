"""The settings registry: typed values, preferences apart from window state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from ui import settings


def test_values_come_back_with_their_types(settings_folder: Path) -> None:
    prefs = settings.Settings()
    prefs.set(settings.LAST_PROJECT, 42)
    prefs.set(settings.LANGUAGE, "en")
    prefs.set(settings.MAIN_SPLITTER, QByteArray(b"\x00\x01state"))
    prefs.sync()
    again = settings.Settings()
    assert again.get(settings.LAST_PROJECT) == 42
    assert again.get(settings.LANGUAGE) == "en"
    assert again.get(settings.MAIN_SPLITTER) == QByteArray(b"\x00\x01state")
    assert list(settings_folder.rglob("*.ini"))  # an INI file in the test's own folder


def test_defaults_and_nonsense_fall_back(settings_folder: Path) -> None:
    prefs = settings.Settings()
    assert prefs.get(settings.LANGUAGE) == "zh_CN"
    assert prefs.get(settings.LAST_PROJECT) == 0
    settings.qsettings().setValue(settings.LAST_PROJECT.path, "not a number")
    assert prefs.get(settings.LAST_PROJECT) == 0


def test_resetting_the_window_keeps_preferences(settings_folder: Path) -> None:
    prefs = settings.Settings()
    prefs.set(settings.LANGUAGE, "en")
    prefs.set(settings.LAST_PROJECT, 7)
    prefs.reset_state()
    assert prefs.get(settings.LANGUAGE) == "en"
    assert prefs.get(settings.LAST_PROJECT) == 0


def test_every_option_has_a_place_of_its_own() -> None:
    options = [value for value in vars(settings).values() if isinstance(value, settings.Option)]
    paths = [option.path for option in options]
    assert len(paths) == len(set(paths))
    assert {option.group for option in options} == {"preferences", "state"}
