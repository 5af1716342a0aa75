"""Apply the review rules to one project: findings with the points they cost, a score and a grade.

Each rule takes at most its weight off a hundred; a finding's ``points`` is what fixing it would
give back, so the findings sorted by points are the order in which to raise the grade.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property
from typing import NamedTuple

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import Layout
from perfdesk.location import Location
from perfdesk.model import IndicatorRow, Project
from perfdesk.review.rules import KIND_NAMES, LayoutTerms, Rule, RuleBook, load_rule_book
from perfdesk.target_value import TargetValue, normalize, parse_target
from perfdesk.values import parse_date


@dataclass(frozen=True)
class ReviewFinding:
    dimension: str
    code: str
    message: str
    location: Location
    points: float  # what fixing it gives back

    def as_json(self) -> dict[str, object]:
        return {
            "dimension": self.dimension,
            "code": self.code,
            "message": self.message,
            "location": location_json(self.location),
            "points": round(self.points, 2),
        }


@dataclass(frozen=True)
class Review:
    grade: str
    score: float
    findings: tuple[ReviewFinding, ...]  # most points first

    def reasons(self, count: int = 3) -> list[str]:
        return [f.message for f in self.findings[:count]]


def location_json(location: Location) -> dict[str, object]:
    key: object = list(location.key) if isinstance(location.key, tuple) else location.key
    found: dict[str, object] = {"kind": location.kind, "key": key}
    if location.row is not None:
        found["row"] = location.row
    return found


class _Hit(NamedTuple):
    points: float
    message: str
    location: Location


@dataclass
class _Row:
    position: int  # in Project.rows()
    row: IndicatorRow
    kind: str  # output / outcome / satisfaction / cost / "" (投入与管理 and the like)

    @cached_property
    def value(self) -> TargetValue:
        """The 指标值 read once, when a rule first asks (most 投入与管理 rows are never read)."""
        return parse_target(self.row.target)

    @property
    def location(self) -> Location:
        return Location(
            "indicator", (self.row.level1, self.row.level2, self.row.name), self.position
        )

    @property
    def quoted(self) -> str:
        return f"“{self.row.name}”（{self.row.target}）"


class _Quantity(NamedTuple):
    value: Decimal
    unit: str
    clause: str  # the clause it stands in, quoted in messages


@dataclass
class _Context:
    """One review's form and what several rules read from it (read once, when first asked)."""

    project: Project
    layout: Layout
    terms: LayoutTerms
    book: RuleBook
    rows: list[_Row]
    narrative: str  # the sections telling what the money buys
    previous: Project | None

    @cached_property
    def clauses(self) -> dict[str, list[str]]:
        """Each section's clauses that hold a digit, folded once for every rule."""
        return {label: list(_digit_clauses(text)) for label, text in self.project.sections.items()}

    @cached_property
    def said(self) -> list[_Quantity]:
        """The counts the narrative names."""
        return _quantities_in(c for s in self.terms.plan_sections for c in self.clauses.get(s, ()))

    @cached_property
    def section_numbers(self) -> set[Decimal]:
        every = [clause for clauses in self.clauses.values() for clause in clauses]
        return {q.value for q in _quantities_in(every)} | {
            Decimal(n) for clause in every for n in _NUMBER.findall(clause)
        }

    @cached_property
    def row_quantities(self) -> dict[int, list[_Quantity]]:
        """The counts in each output-like indicator's name and value, by row position."""
        return {
            row.position: _quantities(row.row.name + " " + row.row.target)
            for row in self.rows
            if _is_output_like(row)
        }


RuleFunction = Callable[[_Context, Rule], Iterator[_Hit]]
_RULES: dict[str, RuleFunction] = {}


def _rule(function: RuleFunction) -> RuleFunction:
    _RULES[function.__name__.lstrip("_")] = function
    return function


@cache
def rule_book() -> RuleBook:
    return load_rule_book(frozenset(_RULES))


def review(project: Project, previous: Project | None = None) -> Review:
    """Review ``project``; ``previous`` is last year's form of the same project, if any."""
    book = rule_book()
    layout = project.spec
    terms = book.terms(layout)
    context = _Context(
        project,
        layout,
        terms,
        book,
        _kinded_rows(project, layout, terms),
        "\n".join(project.sections.get(s, "") for s in terms.plan_sections),
        previous,
    )
    findings: list[ReviewFinding] = []
    score = 100.0
    for rule in book.rules:
        left = rule.weight
        for hit in _RULES[rule.code](context, rule):
            points = min(hit.points, left)
            if points <= 0:
                break
            left -= points
            findings.append(
                ReviewFinding(rule.dimension, rule.code, hit.message, hit.location, points)
            )
        score -= rule.weight - left
    findings.sort(key=lambda f: -f.points)  # stable: rule order among equals
    score = round(max(score, 0.0), 1)
    return Review(book.grade(score), score, tuple(findings))


def previous_year_project(project: Project, candidates: list[Project]) -> Project | None:
    """Last year's form of ``project`` among ``candidates``: same unit and name, one year
    earlier (what 复制到下一年度 produces)."""
    for candidate in candidates:
        if (
            candidate.year == project.year - 1
            and candidate.unit == project.unit
            and candidate.name == project.name
            and candidate.id != project.id
        ):
            return candidate
    return None


# -- reading the form ------------------------------------------------------------------------


def _kinded_rows(project: Project, layout: Layout, terms: LayoutTerms) -> list[_Row]:
    roles = {spec.name: spec.role for spec in layout.level1}
    found: list[_Row] = []
    for index, row in enumerate(project.rows()):
        if row.is_placeholder:
            continue
        kind = terms.level2_kinds.get(f"{row.level1}/{row.level2}", roles.get(row.level1, ""))
        for word, named_kind in terms.name_kinds.items():
            if word in row.name:
                kind = named_kind
        found.append(_Row(index, row, kind))
    return found


_DIGIT = re.compile(r"[0-9０-９]")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_CLAUSES = re.compile(r"[，。；;,、\n：:（）()“”！？!?]")


def _bigrams(text: str, book: RuleBook) -> set[str]:
    """The content word pairs of a Chinese text (function characters and stock phrases out)."""
    words = book.words
    found: set[str] = set()
    for run in _CJK.findall(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if pair[0] in words.function_chars or pair[1] in words.function_chars:
                continue
            if pair not in words.stop_bigrams:
                found.add(pair)
    return found


@cache
def _quantity_pattern() -> re.Pattern[str]:
    words = rule_book().words
    units = sorted(set(words.measure_words), key=len, reverse=True)
    multipliers = "".join(words.multipliers)
    return re.compile(
        r"(\d+(?:\.\d+)?)\s*([" + multipliers + r"]?)(" + "|".join(map(re.escape, units)) + ")"
    )


def _quantities(text: str) -> list[_Quantity]:
    """The counts a text names (``1400条``, ``25场``, ``5.4万人``), each with its clause."""
    return _quantities_in(_digit_clauses(text))


def _quantities_in(clauses: Iterable[str]) -> list[_Quantity]:
    words = rule_book().words
    found: list[_Quantity] = []
    for clause in clauses:
        for match in _quantity_pattern().finditer(clause):
            number, multiplier, unit = match.groups()
            try:
                value = Decimal(number) * words.multipliers.get(multiplier, Decimal(1))
            except InvalidOperation:
                continue
            found.append(_Quantity(value, unit, clause.strip()))
    return found


def _bare_numbers(text: str) -> set[Decimal]:
    return {Decimal(n) for clause in _digit_clauses(text) for n in _NUMBER.findall(clause)}


def _digit_clauses(text: str) -> Iterator[str]:
    """The clauses of ``text`` that hold a digit, folded: most of a narrative has none, and
    folding only these keeps the review of a long form quick."""
    if _DIGIT.search(text):
        for raw in _CLAUSES.split(text):
            if _DIGIT.search(raw):
                yield normalize(raw)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _is_output_like(row: _Row) -> bool:
    return row.kind in ("output", "outcome", "satisfaction", "cost")


def _level2_is(row: _Row, book: RuleBook, which: str) -> bool:
    return row.row.level2 in book.level2.get(which, ())


def _standard_pairs(layout: Layout) -> set[tuple[str, str]]:
    return {(s.name, s.target) for s in layout.standard_block}


# -- 完整性 ----------------------------------------------------------------------------------


@_rule
def _parts_filled(c: _Context, rule: Rule) -> Iterator[_Hit]:
    for spec in c.layout.fields:
        if spec.required and not c.project.fields.get(spec.label, "").strip():
            yield _Hit(
                rule.param("field"), f"表头“{spec.label}”未填写", Location("field", spec.label)
            )
    for label in c.layout.sections:
        if label == c.layout.holding_section or c.project.sections.get(label, "").strip():
            continue
        yield _Hit(rule.param("section"), f"“{label}”未填写", Location("section", label))
    for label in c.terms.required_amounts:
        if c.project.budget.get(label) is None:
            yield _Hit(rule.param("amount"), f"“{label}”未填写", Location("budget", label))
    for row in c.rows:
        if row.row.name and not row.row.target.strip():
            yield _Hit(rule.param("target"), f"指标“{row.row.name}”没有指标值", row.location)


def _serves_people(c: _Context) -> bool:
    text = "\n".join(c.project.sections.values())
    return any(word in text for word in c.book.words.service_recipients)


@_rule
def _required_kinds(c: _Context, rule: Rule) -> Iterator[_Hit]:
    required = list(c.terms.required_kinds)
    if _serves_people(c):
        required += [k for k in c.terms.served_kinds if k not in required]
    present = {row.kind for row in c.rows if row.row.name}
    for kind in required:
        if kind in present:
            continue
        level1 = next((s.name for s in c.layout.level1 if s.role == kind), "")
        why = "（说明中有服务对象）" if kind in c.terms.served_kinds else ""
        yield _Hit(
            rule.param(kind),
            f"没有{KIND_NAMES[kind]}指标{why}：至少要有一条三级指标",
            Location("indicator", (level1, "", "")),
        )


@_rule
def _overall_and_annual(c: _Context, rule: Rule) -> Iterator[_Hit]:
    start = _date_year(c.project.fields.get(c.layout.start_date_field, ""))
    end = _date_year(c.project.fields.get(c.layout.end_date_field, ""))
    if start is None or end is None or start == end:
        return
    overall = c.project.sections.get(c.terms.overall_target, "").strip()
    annual = c.project.sections.get(c.terms.annual_target, "").strip()
    for label, text in ((c.terms.overall_target, overall), (c.terms.annual_target, annual)):
        if label and not text:
            yield _Hit(
                rule.param("missing"),
                f"跨年度项目（{start}—{end}年）要写“{label}”",
                Location("section", label),
            )
    if overall and annual and overall == annual:
        yield _Hit(
            rule.param("copied"),
            f"“{c.terms.annual_target}”与“{c.terms.overall_target}”完全相同：年度目标应写本年度要完成的部分",
            Location("section", c.terms.annual_target),
        )


def _date_year(text: str) -> int | None:
    try:
        found = parse_date(text)
    except InvalidValueError:
        return None
    return found.year if found else None


# -- 相关性 ----------------------------------------------------------------------------------


def _plan_location(c: _Context) -> Location:
    label = next((s for s in c.terms.plan_sections if c.project.sections.get(s)), "")
    return Location("section", label or (c.terms.plan_sections or ("",))[0])


@_rule
def _narrative_in_indicators(c: _Context, rule: Rule) -> Iterator[_Hit]:
    counted = [q for q in c.said if q.unit not in ("%", "‰", "元", "万元")]
    if not counted:
        return
    indicator_numbers: set[Decimal] = set()
    for row in c.rows:
        if _is_output_like(row):
            indicator_numbers |= {q.value for q in c.row_quantities[row.position]}
            indicator_numbers |= _bare_numbers(row.row.name + " " + row.row.target)
    for quantity in counted:
        if quantity.value not in indicator_numbers:
            yield _Hit(
                rule.param("no_counts"),
                f"说明写了“{quantity.clause}”，指标中没有对应的{_fmt(quantity)}",
                _plan_location(c),
            )


def _fmt(quantity: _Quantity) -> str:
    return f"{quantity.value.normalize():f}{quantity.unit}"


@_rule
def _indicators_in_narrative(c: _Context, rule: Rule) -> Iterator[_Hit]:
    for row in c.rows:
        if row.kind != "output":
            continue
        counts = [q for q in c.row_quantities[row.position] if q.unit != "%"]
        missing = [q for q in counts if q.value not in c.section_numbers]
        if missing:
            yield _Hit(
                rule.param("each"),
                f"产出指标{row.quoted}中的{_fmt(missing[0])}在项目说明中找不到依据",
                row.location,
            )


@_rule
def _target_matches_indicators(c: _Context, rule: Rule) -> Iterator[_Hit]:
    labels = [s for s in (c.terms.overall_target, c.terms.annual_target) if s]
    target = "\n".join(c.project.sections.get(s, "") for s in labels)
    rows = [r for r in c.rows if r.kind in ("output", "outcome") and r.row.name]
    target_words = _bigrams(target, c.book)
    if not target_words:
        return  # an empty target is 完整性's finding
    if not rows:  # a target nothing measures
        yield _Hit(
            rule.weight,
            f"“{labels[0]}”没有产出、效益指标来衡量",
            Location("section", labels[0]),
        )
        return
    shared = [r for r in rows if _bigrams(r.row.name, c.book) & target_words]
    share = len(shared) / len(rows)
    if share < 0.5:
        yield _Hit(
            rule.weight * (1 - share / 0.5),
            f"目标与指标说的不是同一些事：{len(rows)} 条产出、效益指标中只有 {len(shared)} 条在“{labels[0]}”中提到",
            Location("section", labels[0]),
        )


@_rule
def _copied_indicators(c: _Context, rule: Rule) -> Iterator[_Hit]:
    standard = _standard_pairs(c.layout)
    rows = [r for r in c.rows if r.row.name]
    own = [r for r in rows if (r.row.name, r.row.target) not in standard and _is_output_like(r)]
    if not own:  # no indicators at all is no better than copied ones
        first = rows[0].row.level1 if rows else (c.layout.level1_names or ("",))[0]
        yield _Hit(
            rule.weight,
            "指标只有照抄的标准内容，没有本项目自己的产出、效益指标"
            if rows
            else "没有本项目自己的产出、效益指标",
            Location("indicator", (first, "", "")),
        )


# -- 适当性 ----------------------------------------------------------------------------------


@_rule
def _quantitative_share(c: _Context, rule: Rule) -> Iterator[_Hit]:
    rows = [r for r in c.rows if r.kind in ("output", "outcome") and r.row.name]
    if not rows:  # nothing to measure the money by: the least quantitative form there is
        yield _Hit(
            rule.weight,
            "定量为主、定性为辅：没有可考核的产出、效益指标",
            Location("indicator", ((c.layout.level1_names or ("",))[0], "", "")),
        )
        return
    quantitative = [r for r in rows if r.value.is_quantitative]
    share = len(quantitative) / len(rows)
    lowest = rule.param("min_share")
    if share < lowest:
        yield _Hit(
            rule.weight * (1 - share / lowest),
            f"定量为主、定性为辅：产出、效益指标中定量的只有 {len(quantitative)}/{len(rows)} 条",
            rows[0].location,
        )


@_rule
def _vague_values(c: _Context, rule: Rule) -> Iterator[_Hit]:
    vague = c.book.words.vague_grades
    for row in c.rows:
        wants_number = row.kind == "satisfaction" or (
            _is_output_like(row)
            and (_level2_is(row, c.book, "quantity") or _level2_is(row, c.book, "quality"))
        )
        if (
            wants_number
            and not row.value.is_quantitative
            and any(w in row.row.target for w in vague)
        ):
            yield _Hit(
                rule.param("each"),
                f"{row.quoted}：{'满意度' if row.kind == 'satisfaction' else row.row.level2}指标应写数值，“{row.row.target}”无法考核",
                row.location,
            )


@_rule
def _narrative_contradiction(c: _Context, rule: Rule) -> Iterator[_Hit]:
    said = c.said
    for row in c.rows:
        if not _is_output_like(row):
            continue
        value = row.value
        if value.number is None or not value.unit or value.unit == "%":
            continue
        name_words = _bigrams(row.row.name, c.book)
        for quantity in said:
            if quantity.unit != value.unit or quantity.value == value.number:
                continue
            if _bigrams(quantity.clause, c.book) & name_words:
                yield _Hit(
                    rule.param("each"),
                    f"说明写“{quantity.clause}”，指标写{row.quoted}，两者数量不一致",
                    row.location,
                )
                break


@_rule
def _cost_matches_budget(c: _Context, rule: Rule) -> Iterator[_Hit]:
    words = c.book.words
    amount = c.project.budget.get(c.layout.budget_current_field) or c.project.budget.get(
        c.layout.budget_total_field
    )
    if amount is None:
        return
    budget_unit = words.money_units.get(c.terms.budget_unit, Decimal(1))
    budget = amount * budget_unit
    for row in c.rows:
        if row.kind != "cost" or any(w in row.row.name for w in words.unit_cost_words):
            continue
        value = row.value
        if value.number is None or value.unit not in words.money_units:
            continue
        if not any(w in row.row.name for w in words.total_cost_words) and len(c.rows) > 1:
            continue
        stated = value.number * words.money_units[value.unit]
        if budget and abs(stated - budget) / budget > Decimal(str(rule.param("tolerance"))):
            yield _Hit(
                rule.param("each"),
                f"成本指标{row.quoted}合{stated.normalize():f}元，与预算金额{budget.normalize():f}元不符",
                row.location,
            )


@_rule
def _annual_within_overall(c: _Context, rule: Rule) -> Iterator[_Hit]:
    if not (c.terms.overall_target and c.terms.annual_target):
        return
    overall = _quantities(c.project.sections.get(c.terms.overall_target, ""))
    annual = _quantities(c.project.sections.get(c.terms.annual_target, ""))
    for year_part in annual:
        words = _bigrams(year_part.clause, c.book)
        for whole in overall:
            if (
                whole.unit == year_part.unit
                and whole.unit not in ("%", "‰")  # a rate may well be higher in one year
                and year_part.value > whole.value
                and words & _bigrams(whole.clause, c.book)
            ):
                yield _Hit(
                    rule.param("each"),
                    f"年度目标“{year_part.clause}”高于总体目标“{whole.clause}”",
                    Location("section", c.terms.annual_target),
                )
                break


@_rule
def _conventions(c: _Context, rule: Rule) -> Iterator[_Hit]:
    for row in c.rows:
        for convention in c.book.conventions:
            if row.row.name not in convention.names:
                continue
            value = row.value
            if value.number is not None and value.number < convention.minimum:
                yield _Hit(rule.param("each"), f"{row.quoted}：{convention.text}", row.location)


# -- 可行性 ----------------------------------------------------------------------------------


@_rule
def _dates_cover_year(c: _Context, rule: Rule) -> Iterator[_Hit]:
    year = c.project.year
    start_label, end_label = c.layout.start_date_field, c.layout.end_date_field
    start = _date_year(c.project.fields.get(start_label, ""))
    end = _date_year(c.project.fields.get(end_label, ""))
    if start is not None and start > year:
        yield _Hit(
            rule.param("each"), f"“{start_label}”在{year}年以后", Location("field", start_label)
        )
    if end is not None and end < year:
        yield _Hit(rule.param("each"), f"“{end_label}”在{year}年以前", Location("field", end_label))


@_rule
def _change_from_last_year(c: _Context, rule: Rule) -> Iterator[_Hit]:
    if c.previous is None:
        return
    before = {row.name: parse_target(row.target) for row in c.previous.indicator_rows()}
    threshold = Decimal(str(rule.param("threshold")))
    for row in c.rows:
        old = before.get(row.row.name)
        new = row.value
        if old is None or old.number is None or new.number is None or old.unit != new.unit:
            continue
        if old.number and abs(new.number - old.number) / abs(old.number) > threshold:
            way = "提高" if new.number > old.number else "降低"
            yield _Hit(
                rule.param("each"),
                f"{row.quoted}比上年“{old.text}”{way}较多，请在说明中写明理由",
                row.location,
            )


@_rule
def _weak_targets(c: _Context, rule: Rule) -> Iterator[_Hit]:
    words = c.book.words
    for row in c.rows:
        if row.kind == "satisfaction":
            value = row.value
            if (
                value.number is not None
                and value.number >= words.full_satisfaction
                and value.unit == "%"
            ):
                yield _Hit(
                    rule.param("each"),
                    f"{row.quoted}：满意度定为100%难以实现，宜按实际定（如≥90%）",
                    row.location,
                )
        elif _level2_is(row, c.book, "timeliness") and any(
            g in row.row.target for g in words.timely_grades
        ):
            text = row.row.name + row.row.target
            if not any(mark in text for mark in words.deadline_marks):
                yield _Hit(
                    rule.param("each"),
                    f"{row.quoted}：时效写“{row.row.target}”而无时限，宜写明完成时间",
                    row.location,
                )
