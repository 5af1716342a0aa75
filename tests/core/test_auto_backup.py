"""Automatic backups: only after changes, at most every N minutes, always at exit; thinned
without ever losing the newest or the last good backup."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from perfdesk.backup import (
    AutoBackup,
    RetentionLimits,
    automatic_backup_path,
    backup_dir,
    create_backup,
    list_backups,
    read_manifest,
    thin_backups,
)
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def store(db_path: Path) -> Store:
    opened = Store(db_path)
    opened.add_many(sample_projects())
    return opened


def _names(db: Path) -> list[str]:
    return [entry.path.name for entry in list_backups(db)]


def test_first_chance_backs_up_then_only_after_changes_and_the_interval(store: Store) -> None:
    clock = Clock(datetime(2026, 3, 2, 9, 0, 0))
    auto = AutoBackup(store, interval_minutes=10, clock=clock)
    first = auto.maybe_backup()
    assert first is not None and first.path.name == "perfdesk-20260302-090000.zip"
    assert read_manifest(first.path).project_count == 2

    clock.advance(30)
    assert auto.maybe_backup() is None  # nothing changed since

    auto.last_backup = clock.now  # as if the last backup had just been made
    store.add(Project.new())
    clock.advance(2)
    assert auto.maybe_backup() is None  # changed, but the last backup is 2 minutes old
    clock.advance(10)
    second = auto.maybe_backup()
    assert second is not None and second.manifest.project_count == 3
    assert _names(store.path) == ["perfdesk-20260302-094200.zip", "perfdesk-20260302-090000.zip"]


def test_at_exit_a_change_is_backed_up_even_within_the_interval(store: Store) -> None:
    clock = Clock(datetime(2026, 3, 2, 9, 0, 0))
    auto = AutoBackup(store, interval_minutes=10, clock=clock)
    auto.maybe_backup()
    store.delete(1)
    clock.advance(2)
    assert auto.maybe_backup() is None
    final = auto.maybe_backup(at_exit=True)
    assert final is not None and final.manifest.project_count == 1
    assert auto.maybe_backup(at_exit=True) is None  # and not twice


def test_changes_by_another_program_count(store: Store) -> None:
    clock = Clock(datetime(2026, 3, 2, 9, 0, 0))
    auto = AutoBackup(store, interval_minutes=10, clock=clock)
    auto.maybe_backup()
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("UPDATE projects SET name = '改名' WHERE id = 1")
    other.close()
    assert auto.changed()


def test_an_existing_recent_backup_counts_after_a_restart(store: Store) -> None:
    clock = Clock(datetime(2026, 3, 2, 9, 0, 0))
    AutoBackup(store, clock=clock).maybe_backup()
    restarted = AutoBackup(store, interval_minutes=10, clock=clock)
    assert not restarted.changed()
    store.add(Project.new())
    clock.advance(5)
    assert restarted.maybe_backup() is None  # the backup from before the restart is recent
    clock.advance(5)
    assert restarted.maybe_backup() is not None


def test_a_read_only_store_is_never_backed_up_automatically(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path, read_only=True) as store:
        assert AutoBackup(store).maybe_backup(at_exit=True) is None
    assert not backup_dir(db_path).exists()


def test_backups_are_thinned_after_each_automatic_backup(store: Store) -> None:
    folder = backup_dir(store.path)
    folder.mkdir()
    model = folder / "model.zip"
    create_backup(store, model)
    for days_ago in range(1, 40):
        shutil.copyfile(
            model, automatic_backup_path(store.path, datetime(2026, 3, 2, 8) - timedelta(days_ago))
        )
    model.unlink()
    limits = RetentionLimits(daily=3, weekly=2, monthly=0)
    auto = AutoBackup(store, limits=limits, clock=Clock(datetime(2026, 3, 2, 9)))
    store.add(Project.new())
    assert auto.maybe_backup() is not None
    assert _names(store.path) == [
        "perfdesk-20260302-090000.zip",  # the new one
        "perfdesk-20260301-080000.zip",  # yesterday
        "perfdesk-20260228-080000.zip",  # daily
        "perfdesk-20260227-080000.zip",  # daily
        "perfdesk-20260226-080000.zip",  # daily
        "perfdesk-20260222-080000.zip",  # weekly (Sunday)
        "perfdesk-20260215-080000.zip",  # weekly (Sunday)
    ]


def test_unreadable_backups_are_neither_deleted_nor_counted(store: Store) -> None:
    folder = backup_dir(store.path)
    folder.mkdir()
    good_old = automatic_backup_path(store.path, datetime(2025, 1, 1, 8))
    create_backup(store, good_old)
    bad_newer = automatic_backup_path(store.path, datetime(2025, 2, 1, 8))
    bad_newer.write_bytes(b"PK\x03\x04 cut short by a full disk")
    keep_nothing_old = RetentionLimits(daily=0, weekly=0, monthly=0)

    # The newest file is bad: the older good one is the last good backup and stays.
    assert thin_backups(store.path, date(2025, 6, 1), keep_nothing_old) == []
    assert good_old.exists() and bad_newer.exists()

    # A newer good backup takes over; the old good one may go, the bad one is left alone.
    good_new = automatic_backup_path(store.path, datetime(2025, 3, 1, 8))
    create_backup(store, good_new)
    assert thin_backups(store.path, date(2025, 6, 1), keep_nothing_old) == [good_old]
    assert good_new.exists() and bad_newer.exists()


def test_copies_kept_before_a_restore_are_never_thinned(store: Store) -> None:
    folder = backup_dir(store.path)
    folder.mkdir()
    kept = folder / "perfdesk-before-restore-20200101-080000.zip"
    create_backup(store, kept)
    create_backup(store, automatic_backup_path(store.path, datetime(2025, 1, 1, 8)))
    nothing_old = RetentionLimits(daily=0, weekly=0, monthly=0)
    assert thin_backups(store.path, date(2025, 6, 1), nothing_old) == []
    assert kept.exists()
