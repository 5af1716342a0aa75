"""Checks a careful officer wants before printing.

:func:`check` reads the project's layout to know which fields are required, which 一级 are
产出 (output) or 效益/效果 (outcome), which amounts are the total and this year's, and gives back
findings: errors (the form is wrong) and warnings (it probably is). Each finding points at its
place in the form, so a click on it can take the officer there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import FieldKind, Layout
from perfdesk.location import Location
from perfdesk.model import IndicatorRow, Project, row_paths
from perfdesk.paper import FontRole, indicator_where, printed_pieces
from perfdesk.target_value import parse_target
from perfdesk.values import parse_date

Severity = Literal["error", "warning"]

ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: str
    location: Location

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def severity_text(self) -> str:
        return "错误" if self.is_error else "警告"


# The codes, one per rule (tests and the window refer to them).
REQUIRED_FIELD = "required_field"
BAD_DATE = "bad_date"
END_BEFORE_START = "end_before_start"
MISSING_TARGET = "missing_target"
MISSING_NAME = "missing_name"
MISSING_LEVEL = "missing_level"
BAD_MONEY = "bad_money"
CURRENT_ABOVE_TOTAL = "current_above_total"
DATE_OUTSIDE_YEAR = "date_outside_year"
NO_OUTPUT = "no_output"
NO_OUTCOME = "no_outcome"
NO_UNIT = "no_unit"
OPERATOR_WITHOUT_NUMBER = "operator_without_number"
UNREADABLE_TARGET = "unreadable_target"
DUPLICATE_NAME = "duplicate_name"
UNDRAWABLE = "undrawable"
UNKNOWN_LEVEL1 = "unknown_level1"
PARTS_ABOVE_TOTAL = "parts_above_total"
PARTS_DIFFER = "parts_differ"
UNPLACED_CONTENT = "unplaced_content"

FontCheck = Callable[[FontRole, str], bool]  # whether the face of a role draws a character


def check(project: Project, *, font_can_draw: FontCheck | None = None) -> list[Finding]:
    """Every finding for ``project``, errors first, each group in form order.

    ``font_can_draw(role, ch)`` tells whether the print font's face for ``role`` has a glyph
    for ``ch``; without it the font is not checked.
    """
    spec = project.spec
    findings = [
        *_fields(project, spec),
        *_budget(project, spec),
        *_indicators(project, spec),
        *_holding(project, spec),
    ]
    if font_can_draw is not None:
        findings += missing_characters(project, font_can_draw)
    return sorted(findings, key=lambda f: not f.is_error)  # stable: form order kept


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


def tree_path(project: Project, location: Location) -> list[int]:
    """Where an indicator finding is in the project's tree: [一级], [一级, 二级] or
    [一级, 二级, 三级] positions; [] when it is not there (or not an indicator)."""
    if location.kind != "indicator" or not isinstance(location.key, tuple):
        return []
    if location.row is None:  # a whole 一级 group, found by name
        level1 = location.key[0]
        return next(([i] for i, g in enumerate(project.indicators) if g.name == level1), [])
    paths = row_paths(project.indicators)
    return list(paths[location.row]) if 0 <= location.row < len(paths) else []


# -- header fields and dates -----------------------------------------------------------------


def _fields(project: Project, spec: Layout) -> Iterator[Finding]:
    for field_spec in spec.fields:
        if field_spec.required and not project.fields.get(field_spec.label, "").strip():
            yield Finding(
                ERROR,
                REQUIRED_FIELD,
                f"“{field_spec.label}”未填写",
                Location("field", field_spec.label),
            )
    dates = {}
    for field_spec in spec.fields:
        if field_spec.kind is not FieldKind.DATE:
            continue
        text = project.fields.get(field_spec.label, "")
        try:
            day = parse_date(text)
        except InvalidValueError as exc:
            yield Finding(
                ERROR, BAD_DATE, f"“{field_spec.label}”：{exc}", Location("field", field_spec.label)
            )
            continue
        if day is not None:
            dates[field_spec.label] = day
    start = dates.get(spec.start_date_field)
    end = dates.get(spec.end_date_field)
    if start and end and end < start:
        yield Finding(
            ERROR,
            END_BEFORE_START,
            f"“{spec.end_date_field}”{end.isoformat()} 早于“{spec.start_date_field}”{start.isoformat()}",
            Location("field", spec.end_date_field),
        )
    year = project.year
    if spec.multi_year:
        # A project spanning several years files one form a year: the year lies within it.
        if (start and start.year > year) or (end and end.year < year):
            span = f"{start.year if start else '?'}年至{end.year if end else '?'}年"
            yield Finding(
                WARNING,
                DATE_OUTSIDE_YEAR,
                f"表格年度 {year} 年不在项目实施期（{span}）之内",
                Location("year"),
            )
    else:
        for label, day in dates.items():
            if day.year != year:
                yield Finding(
                    WARNING,
                    DATE_OUTSIDE_YEAR,
                    f"“{label}”{day.isoformat()} 不在表格年度 {year} 年之内",
                    Location("field", label),
                )


# -- money -------------------------------------------------------------------------------------


def _budget(project: Project, spec: Layout) -> Iterator[Finding]:
    amounts: dict[str, Decimal] = {}
    for money in spec.budget:
        value = project.budget.get(money.label)
        if value is None:
            continue
        if not isinstance(value, Decimal) or not value.is_finite():
            yield Finding(
                ERROR,
                BAD_MONEY,
                f"“{money.printed}”不是有效的金额",
                Location("budget", money.label),
            )
        elif value < 0:
            yield Finding(
                ERROR,
                BAD_MONEY,
                f"“{money.printed}”是负数（{spec.money_shown(value, exact=True)}）",
                Location("budget", money.label),
            )
        else:
            amounts[money.label] = value
    total = amounts.get(spec.budget_total_field)
    current = amounts.get(spec.budget_current_field)
    if total is not None and current is not None and current > total:
        yield Finding(
            ERROR,
            CURRENT_ABOVE_TOTAL,
            f"“{_printed(spec, spec.budget_current_field)}”"
            f"{spec.money_shown(current, exact=True)} 超过"
            f"“{_printed(spec, spec.budget_total_field)}”{spec.money_shown(total, exact=True)}",
            Location("budget", spec.budget_current_field),
        )
    for whole in spec.budget_labels:
        parts = spec.budget_parts(whole)
        if not parts or whole not in amounts:
            continue
        filled = [amounts[p] for p in parts if p in amounts]
        if not filled:
            continue
        total_of_parts = sum(filled, Decimal(0))
        names = "、".join(_printed(spec, p) for p in parts)
        whole_text = spec.money_shown(amounts[whole], exact=True)
        if total_of_parts > amounts[whole]:
            yield Finding(
                WARNING,
                PARTS_ABOVE_TOTAL,
                f"其中各项（{names}）合计 {spec.money_shown(total_of_parts, exact=True)}，"
                f"超过“{_printed(spec, whole)}”{whole_text}",
                Location("budget", whole),
            )
        elif len(filled) == len(parts) and total_of_parts != amounts[whole]:
            yield Finding(
                WARNING,
                PARTS_DIFFER,
                f"其中各项（{names}）合计 {spec.money_shown(total_of_parts, exact=True)}，"
                f"与“{_printed(spec, whole)}”{whole_text}不符",
                Location("budget", whole),
            )


def _printed(spec: Layout, label: str) -> str:
    return spec.money_spec(label).printed


# -- indicators ------------------------------------------------------------------------------


def _row_location(row: IndicatorRow, index: int) -> Location:
    return Location("indicator", (row.level1, row.level2, row.name), index)


def _indicators(project: Project, spec: Layout) -> Iterator[Finding]:
    rows = project.rows()
    used_level1 = {row.level1 for row in rows if not row.is_placeholder}
    for role, code, what in (
        ("output", NO_OUTPUT, "产出"),
        ("outcome", NO_OUTCOME, "效益（效果）"),
    ):
        names = spec.level1_with_role(role)
        if names and not used_level1 & set(names):
            yield Finding(
                WARNING,
                code,
                f"“{names[0]}”下没有任何指标：表中应有{what}指标",
                Location("indicator", (names[0], "", "")),
            )
    reported_level1: set[str] = set()
    seen: dict[tuple[str, str], set[str]] = {}
    for index, row in enumerate(rows):
        if row.level1 and row.level1 not in spec.level1_names and row.level1 not in reported_level1:
            reported_level1.add(row.level1)
            usual = "、".join(spec.level1_names)
            yield Finding(
                WARNING,
                UNKNOWN_LEVEL1,
                f"一级指标“{row.level1}”不是本表样的一级指标（{usual}），请把其中的指标移到合适的位置",
                _row_location(row, index),
            )
        if row.is_placeholder:
            continue
        where = indicator_where(row)
        if not row.level1 or not row.level2:
            missing = "一级指标" if not row.level1 else "二级指标"
            yield Finding(
                ERROR, MISSING_LEVEL, f"{where}：没有{missing}", _row_location(row, index)
            )
        if not row.name.strip():
            yield Finding(
                ERROR, MISSING_NAME, f"{where}：三级指标没有名称", _row_location(row, index)
            )
        else:
            group = seen.setdefault((row.level1, row.level2), set())
            if row.name.strip() in group:
                yield Finding(
                    WARNING,
                    DUPLICATE_NAME,
                    f"{where}：同一组中有重名的三级指标",
                    _row_location(row, index),
                )
            group.add(row.name.strip())
        # every value column (中期指标值 | 年度指标值 on the central template), in print order
        values = spec.row_values(row.target, row.other_values)
        several = len(values) > 1
        for heading, text in zip(spec.value_headings, values, strict=True):
            yield from _target(row, index, text, heading if several else "指标值")


def _target(row: IndicatorRow, index: int, text: str, heading: str) -> Iterator[Finding]:
    where = indicator_where(row)
    if not text.strip():
        yield Finding(ERROR, MISSING_TARGET, f"{where}：没有{heading}", _row_location(row, index))
        return
    value = parse_target(text)
    if value.is_quantitative and not value.unit:
        yield Finding(
            WARNING,
            NO_UNIT,
            f"{where}：{heading}“{text}”有数字但没有计量单位（例如 %、条、次、万元）",
            _row_location(row, index),
        )
    elif value.operator is not None and value.number is None:
        yield Finding(
            WARNING,
            OPERATOR_WITHOUT_NUMBER,
            f"{where}：{heading}“{text}”写了“{value.operator}”却没有数值",
            _row_location(row, index),
        )
    elif not value.understood:
        yield Finding(
            WARNING,
            UNREADABLE_TARGET,
            f"{where}：{heading}“{text}”既不是数值也不是等级词（如 合理、及时），请确认",
            _row_location(row, index),
        )


# -- content waiting to be placed, and the print font -------------------------------------------


def _holding(project: Project, spec: Layout) -> Iterator[Finding]:
    label = spec.holding_section
    if label and project.sections.get(label, "").strip():
        yield Finding(
            WARNING,
            UNPLACED_CONTENT,
            f"“{label}”中还有从旧表样转来的内容（不会打印），请移到合适的位置后删去",
            Location("section", label),
        )


def missing_characters(project: Project, can_draw: FontCheck) -> Iterator[Finding]:
    """What the print font cannot draw (ReportLab would leave it out silently), once per
    place, read from what the paper shows: the check, the print warning and ``perfdesk
    print`` all say it this way."""
    missing: dict[tuple[str, Location], dict[str, None]] = {}
    for piece in printed_pieces(project):
        chars = [ch for ch in piece.text if not ch.isspace() and not can_draw(piece.role, ch)]
        if chars:
            missing.setdefault((piece.where, piece.location), {}).update(dict.fromkeys(chars))
    for (where, location), found in missing.items():
        codes = "、".join(f"U+{ord(ch):04X}" for ch in found)
        yield Finding(
            WARNING,
            UNDRAWABLE,
            f"{where}中的字符“{''.join(found)}”（{codes}）打印字体中没有，打印出来会缺字",
            location,
        )
