"""与上年比较: what changed between last year's form of a project and this year's.

Header fields, amounts, narratives and indicators are compared part by part. Narratives are
compared character by character (Chinese has no spaces to split words at; a number or a Latin
word stays whole, so ``1400条`` → ``1600条`` reads as one number replaced), then runs of equal
text are kept whole, so the officer reads "kept / struck out / added" the way a
reviewer marks up a printed page. Indicators are matched by their 一级/二级/三级 names (then
by the 三级 name alone, as a layout change may rename the groups); a numeric 指标值 is said to
be raised or lowered, anything else changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from enum import StrEnum

from perfdesk.model import IndicatorRow, Project
from perfdesk.target_value import parse_target


class Piece(StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class TextChange:
    """One header field, amount or narrative that differs."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class NarrativeChange:
    label: str
    pieces: tuple[tuple[Piece, str], ...]  # the text as runs kept, struck out and added


class IndicatorChangeKind(StrEnum):
    ADDED = "新增"
    REMOVED = "删除"
    RAISED = "调高"
    LOWERED = "调低"
    CHANGED = "改动"


@dataclass(frozen=True)
class IndicatorChange:
    kind: IndicatorChangeKind
    path: tuple[str, str, str]  # 一级, 二级, 三级 of this year's row (last year's if removed)
    before: str  # 指标值
    after: str


@dataclass(frozen=True)
class YearComparison:
    previous_year: int
    year: int
    fields: tuple[TextChange, ...]
    budget: tuple[TextChange, ...]
    narratives: tuple[NarrativeChange, ...]
    indicators: tuple[IndicatorChange, ...]

    @property
    def unchanged(self) -> bool:
        return not (self.fields or self.budget or self.narratives or self.indicators)


def compare_years(previous: Project, current: Project) -> YearComparison:
    """What changed from ``previous`` (last year's form) to ``current``."""
    return YearComparison(
        previous.year,
        current.year,
        _field_changes(previous, current),
        _budget_changes(previous, current),
        _narrative_changes(previous, current),
        _indicator_changes(previous, current),
    )


_TOKEN = re.compile(r"[0-9A-Za-z.%]+|.", re.DOTALL)


def text_pieces(before: str, after: str) -> tuple[tuple[Piece, str], ...]:
    """``after`` against ``before`` as runs of kept, removed and added text."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[tuple[Piece, str]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append((Piece.SAME, "".join(old[a1:a2])))
            continue
        if a2 > a1:
            pieces.append((Piece.REMOVED, "".join(old[a1:a2])))
        if b2 > b1:
            pieces.append((Piece.ADDED, "".join(new[b1:b2])))
    return tuple(pieces)


def _labels(first: list[str], second: list[str]) -> list[str]:
    """Both lists' labels once, this year's order first."""
    return list(dict.fromkeys([*second, *first]))


def _field_changes(previous: Project, current: Project) -> tuple[TextChange, ...]:
    labels = _labels(list(previous.fields), list(current.fields))
    return tuple(
        TextChange(label, previous.fields.get(label, ""), current.fields.get(label, ""))
        for label in labels
        if previous.fields.get(label, "").strip() != current.fields.get(label, "").strip()
    )


def _budget_changes(previous: Project, current: Project) -> tuple[TextChange, ...]:
    spec = current.spec  # amounts as the form shows them (万元 on the central template)
    changes: list[TextChange] = []
    for label in _labels(list(previous.budget), list(current.budget)):
        before, after = previous.budget.get(label), current.budget.get(label)
        if before != after:
            changes.append(
                TextChange(
                    label, spec.money_shown(before, exact=True), spec.money_shown(after, exact=True)
                )
            )
    return tuple(changes)


def _narrative_changes(previous: Project, current: Project) -> tuple[NarrativeChange, ...]:
    changes: list[NarrativeChange] = []
    for label in _labels(list(previous.sections), list(current.sections)):
        before = previous.sections.get(label, "")
        after = current.sections.get(label, "")
        if before.strip() != after.strip():
            changes.append(NarrativeChange(label, text_pieces(before, after)))
    return tuple(changes)


def _path(row: IndicatorRow) -> tuple[str, str, str]:
    return (row.level1, row.level2, row.name)


def _indicator_changes(previous: Project, current: Project) -> tuple[IndicatorChange, ...]:
    old_rows = [row for row in previous.indicator_rows() if row.name.strip()]
    by_path = {_path(row): row for row in old_rows}
    by_name = {row.name: row for row in old_rows}
    matched: set[tuple[str, str, str]] = set()
    changes: list[IndicatorChange] = []
    for row in current.indicator_rows():
        if not row.name.strip():
            continue
        old = by_path.get(_path(row))
        if old is None or _path(old) in matched:
            old = by_name.get(row.name)
        if old is None or _path(old) in matched:
            changes.append(IndicatorChange(IndicatorChangeKind.ADDED, _path(row), "", row.target))
            continue
        matched.add(_path(old))
        if old.target.strip() != row.target.strip():
            changes.append(
                IndicatorChange(
                    _direction(old.target, row.target), _path(row), old.target, row.target
                )
            )
    changes.extend(
        IndicatorChange(IndicatorChangeKind.REMOVED, _path(row), row.target, "")
        for row in old_rows
        if _path(row) not in matched
    )
    return tuple(changes)


# A deadline (``12月底前``, ``30日内``) moved is not "raised" or "lowered": it is changed.
_DEADLINE_MARKS = frozenset("年月日天前底内")


def _direction(before: str, after: str) -> IndicatorChangeKind:
    old, new = parse_target(before), parse_target(after)
    if (
        old.number is None
        or new.number is None
        or old.unit != new.unit
        or old.operator != new.operator
        or _DEADLINE_MARKS & set(new.unit)
    ):
        return IndicatorChangeKind.CHANGED
    old_value: Decimal = old.number
    new_value: Decimal = new.number
    if new_value > old_value:
        return IndicatorChangeKind.RAISED
    if new_value < old_value:
        return IndicatorChangeKind.LOWERED
    return IndicatorChangeKind.CHANGED
