"""Which automatic backups to keep: every one from today and yesterday, then one a day, one a
week and one a month, as Anki thins its backups.

Walking from the newest backup to the oldest, each kept backup claims its day, week and month;
an older backup is kept only if it is the newest of a day (while daily places are left), then
of a week, then of a month. Everything else is obsolete. The newest backup is always kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class RetentionLimits:
    """How many older backups to keep, beyond today's and yesterday's."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def _week(day: date) -> int:
    # 0001-01-01 was a Monday, so weeks counted from it start on Mondays.
    return (day.toordinal() - 1) // 7


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def obsolete_backups[T](
    backups: Sequence[T],
    taken: Callable[[T], datetime],
    today: date,
    limits: RetentionLimits | None = None,
) -> list[T]:
    """The backups to delete, given when each was ``taken`` and what day it is ``today``."""
    limits = limits or RetentionLimits()
    places = {"daily": limits.daily, "weekly": limits.weekly, "monthly": limits.monthly}
    yesterday = today - timedelta(days=1)
    kept_day: date | None = None
    obsolete: list[T] = []
    for backup in sorted(backups, key=taken, reverse=True):
        day = taken(backup).date()
        if kept_day is None or day >= yesterday:
            keep = True  # the newest backup, and all of today's and yesterday's
        elif places["daily"] > 0:
            keep = day < kept_day
            places["daily"] -= keep
        elif places["weekly"] > 0:
            keep = _week(day) < _week(kept_day)
            places["weekly"] -= keep
        elif places["monthly"] > 0:
            keep = _month(day) < _month(kept_day)
            places["monthly"] -= keep
        else:
            keep = False
        if keep:
            kept_day = day
        else:
            obsolete.append(backup)
    return obsolete
