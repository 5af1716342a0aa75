"""Thinning automatic backups: a made-up year, checked against survivors worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from perfdesk.backup_retention import RetentionLimits, obsolete_backups


def _ident(moment: datetime) -> datetime:
    return moment


def _year_of_backups() -> list[datetime]:
    """Two backups a day, 09:00 and 17:00, every day of 2025."""
    day = date(2025, 1, 1)
    moments = []
    while day.year == 2025:
        moments += [
            datetime(day.year, day.month, day.day, 9),
            datetime(2025, day.month, day.day, 17),
        ]
        day += timedelta(days=1)
    return moments


def test_a_year_of_backups_thins_to_the_expected_survivors() -> None:
    backups = _year_of_backups()
    doomed = obsolete_backups(backups, _ident, today=date(2025, 12, 31))
    survivors = sorted(set(backups) - set(doomed), reverse=True)

    def at(month: int, day: int, hour: int = 17) -> datetime:
        return datetime(2025, month, day, hour)

    expected = [
        # today and yesterday: every backup
        at(12, 31),
        at(12, 31, 9),
        at(12, 30),
        at(12, 30, 9),
        # 12 daily: the last backup of each earlier day
        *(at(12, d) for d in range(29, 17, -1)),
        # 10 weekly: the last backup of each earlier week (weeks start on Monday, end on Sunday)
        at(12, 14),
        at(12, 7),
        at(11, 30),
        at(11, 23),
        at(11, 16),
        at(11, 9),
        at(11, 2),
        at(10, 26),
        at(10, 19),
        at(10, 12),
        # 9 monthly: the last backup of each earlier month
        at(9, 30),
        at(8, 31),
        at(7, 31),
        at(6, 30),
        at(5, 31),
        at(4, 30),
        at(3, 31),
        at(2, 28),
        at(1, 31),
    ]
    assert survivors == expected
    assert len(doomed) == len(backups) - 35


def test_the_newest_backup_is_kept_however_old() -> None:
    old = [datetime(2024, 5, 1, 9), datetime(2024, 4, 1, 9), datetime(2024, 3, 1, 9)]
    nothing_else = RetentionLimits(daily=0, weekly=0, monthly=0)
    doomed = obsolete_backups(old, _ident, date(2025, 12, 31), nothing_else)
    assert doomed == [datetime(2024, 4, 1, 9), datetime(2024, 3, 1, 9)]


def test_gaps_use_places_for_days_that_have_backups() -> None:
    # One backup every ten days: each daily place goes to the next older backup there is.
    backups = [datetime(2025, 12, 1, 12) - timedelta(days=10 * n) for n in range(10)]
    limits = RetentionLimits(daily=3, weekly=0, monthly=2)
    doomed = obsolete_backups(backups, _ident, date(2025, 12, 20), limits)
    kept = sorted(set(backups) - set(doomed), reverse=True)
    assert kept == [
        datetime(2025, 12, 1, 12),  # newest
        datetime(2025, 11, 21, 12),  # daily
        datetime(2025, 11, 11, 12),  # daily
        datetime(2025, 11, 1, 12),  # daily
        datetime(2025, 10, 22, 12),  # monthly: October
        datetime(2025, 9, 22, 12),  # monthly: September
    ]
