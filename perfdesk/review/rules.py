"""The review's rules as data: ``rules.json`` beside this module, and one file per layout in
``layouts/`` saying where that layout keeps what the rules read.

``rules.json`` holds the grade thresholds, each rule's dimension (完整性 / 相关性 / 适当性 /
可行性), weight (the points it can take off a hundred), a plain-Chinese explanation of what the
reviewer expects and its parameters, and the word lists the text rules use. A layout file says
which sections describe what the money buys, where the overall and annual targets are, which
kinds of indicator (产出, 效益, 满意度, 成本) the layout requires, and which rows count as which
kind beyond the layout's own 一级 roles. Reviewing a new layout is adding such a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any

from perfdesk.layouts import Layout, get_layout

KINDS = ("output", "outcome", "satisfaction", "cost")
KIND_NAMES = {"output": "产出", "outcome": "效益", "satisfaction": "满意度", "cost": "成本"}
TOTAL_WEIGHT = 100


@dataclass(frozen=True)
class Rule:
    code: str
    dimension: str
    weight: float
    title: str
    expects: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def param(self, name: str) -> float:
        return float(self.params[name])


@dataclass(frozen=True)
class Convention:
    """A usual value for a well-known indicator, e.g. 预算执行率 not below 90 %."""

    names: tuple[str, ...]
    minimum: Decimal
    text: str


@dataclass(frozen=True)
class Words:
    """The word lists of the text rules (see ``rules.json``)."""

    measure_words: tuple[str, ...]
    multipliers: dict[str, Decimal]
    money_units: dict[str, Decimal]
    before_quantity: tuple[str, ...]
    after_quantity: tuple[str, ...]
    function_chars: frozenset[str]
    stop_bigrams: frozenset[str]
    service_recipients: tuple[str, ...]
    vague_grades: tuple[str, ...]
    timely_grades: tuple[str, ...]
    deadline_marks: tuple[str, ...]
    rate_words: tuple[str, ...]
    growth_words: tuple[str, ...]
    total_cost_words: tuple[str, ...]
    unit_cost_words: tuple[str, ...]
    full_satisfaction: Decimal


@dataclass(frozen=True)
class LayoutTerms:
    """Where one layout keeps what the rules read."""

    layout: str
    level2_kinds: dict[str, str]  # "一级/二级" -> kind, over the 一级's own role
    name_kinds: dict[str, str]  # a word in the 三级 name -> kind, over both
    required_kinds: tuple[str, ...]
    served_kinds: tuple[str, ...]  # required when the narrative names service recipients
    plan_sections: tuple[str, ...]
    overall_target: str
    annual_target: str
    required_amounts: tuple[str, ...]
    budget_unit: str


@dataclass(frozen=True)
class RuleBook:
    grades: tuple[tuple[str, float], ...]  # (grade, lowest score), best first
    dimensions: tuple[str, ...]
    rules: tuple[Rule, ...]
    level2: dict[str, tuple[str, ...]]  # quantity / quality / timeliness -> 二级 names
    words: Words
    conventions: tuple[Convention, ...]
    layouts: dict[str, LayoutTerms]

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)

    def terms(self, layout: Layout) -> LayoutTerms:
        """The layout's review file, or for a layout without one what its public fields say:
        every printed section tells what the money buys, the 一级 roles name the kinds."""
        found = self.layouts.get(layout.key)
        if found is not None:
            return found
        roles = {spec.role for spec in layout.level1}
        return LayoutTerms(
            layout=layout.key,
            level2_kinds={},
            name_kinds={"满意": "satisfaction"},
            required_kinds=tuple(k for k in ("cost", "output", "outcome") if k in roles),
            served_kinds=("satisfaction",),
            plan_sections=tuple(s for s in layout.sections if s != layout.holding_section),
            overall_target="",
            annual_target="",
            required_amounts=tuple(
                a for a in (layout.budget_total_field, layout.budget_current_field) if a
            ),
            budget_unit="元",
        )

    def grade(self, score: float) -> str:
        for grade, lowest in self.grades:
            if score >= lowest:
                return grade
        return self.grades[-1][0]


def _words(data: dict[str, Any]) -> Words:
    return Words(
        measure_words=tuple(data["measure_words"]),
        multipliers={k: Decimal(str(v)) for k, v in data["multipliers"].items()},
        money_units={k: Decimal(str(v)) for k, v in data["money_units"].items()},
        before_quantity=tuple(data["before_quantity"]),
        after_quantity=tuple(data["after_quantity"]),
        function_chars=frozenset(data["function_chars"]),
        stop_bigrams=frozenset(data["stop_bigrams"]),
        service_recipients=tuple(data["service_recipients"]),
        vague_grades=tuple(data["vague_grades"]),
        timely_grades=tuple(data["timely_grades"]),
        deadline_marks=tuple(data["deadline_marks"]),
        rate_words=tuple(data["rate_words"]),
        growth_words=tuple(data["growth_words"]),
        total_cost_words=tuple(data["total_cost_words"]),
        unit_cost_words=tuple(data["unit_cost_words"]),
        full_satisfaction=Decimal(str(data["full_satisfaction"])),
    )


def _terms(data: dict[str, Any]) -> LayoutTerms:
    kinds = data.get("kinds", {})
    return LayoutTerms(
        layout=data["layout"],
        level2_kinds=dict(kinds.get("level2", {})),
        name_kinds=dict(kinds.get("names", {})),
        required_kinds=tuple(data["required_kinds"]),
        served_kinds=tuple(data.get("served_kinds", ())),
        plan_sections=tuple(data["plan_sections"]),
        overall_target=data.get("overall_target", ""),
        annual_target=data.get("annual_target", ""),
        required_amounts=tuple(data.get("required_amounts", ())),
        budget_unit=data.get("budget_unit", "元"),
    )


def _validate(book: RuleBook, implemented: frozenset[str]) -> RuleBook:
    """A mistyped rule or label is found when the rules load, not when a form is reviewed."""
    problems: list[str] = []
    total = sum(rule.weight for rule in book.rules)
    if abs(total - TOTAL_WEIGHT) > 1e-9:
        problems.append(f"the weights add up to {total}, not {TOTAL_WEIGHT}")
    for rule in book.rules:
        if rule.dimension not in book.dimensions:
            problems.append(f"rule {rule.code}: unknown dimension {rule.dimension}")
        if rule.code not in implemented:
            problems.append(f"rule {rule.code} has no implementation")
    problems += [f"rule {code} is missing" for code in implemented - {r.code for r in book.rules}]
    for key, terms in book.layouts.items():
        try:
            layout = get_layout(key)
        except KeyError:
            problems.append(f"review terms for unknown layout {key}")
            continue
        problems += [f"{key}: {p}" for p in _layout_problems(terms, layout)]
    if problems:
        raise ValueError("review rules: " + "; ".join(problems))
    return book


def _layout_problems(terms: LayoutTerms, layout: Layout) -> list[str]:
    problems: list[str] = []
    sections = set(layout.sections)
    for label in (*terms.plan_sections, terms.overall_target, terms.annual_target):
        if label and label not in sections:
            problems.append(f"unknown section {label}")
    problems += [
        f"unknown amount {label}"
        for label in terms.required_amounts
        if label not in layout.budget_labels
    ]
    for path, kind in terms.level2_kinds.items():
        level1, _, _ = path.partition("/")
        if level1 not in layout.level1_names:
            problems.append(f"unknown 一级 in {path}")
        if kind not in KINDS:
            problems.append(f"unknown kind {kind}")
    for kind in (*terms.name_kinds.values(), *terms.required_kinds, *terms.served_kinds):
        if kind not in KINDS:
            problems.append(f"unknown kind {kind}")
    return problems


def load_rule_book(implemented: frozenset[str]) -> RuleBook:
    """Read ``rules.json`` and the layout files; ``implemented`` are the rule codes the review
    knows how to apply (each must be in the data, and the data names no other)."""
    folder = resources.files(__name__.rpartition(".")[0])
    data = json.loads(folder.joinpath("rules.json").read_text(encoding="utf-8"))
    layouts: dict[str, LayoutTerms] = {}
    for entry in sorted(folder.joinpath("layouts").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            terms = _terms(json.loads(entry.read_text(encoding="utf-8")))
            layouts[terms.layout] = terms
    book = RuleBook(
        grades=tuple((g["grade"], float(g["min"])) for g in data["grades"]),
        dimensions=tuple(data["dimensions"]),
        rules=tuple(
            Rule(
                r["code"],
                r["dimension"],
                float(r["weight"]),
                r["title"],
                r["expects"],
                dict(r.get("params", {})),
            )
            for r in data["rules"]
        ),
        level2={k: tuple(v) for k, v in data["level2"].items()},
        words=_words(data["words"]),
        conventions=tuple(
            Convention(tuple(c["names"]), Decimal(str(c["min"])), c["text"])
            for c in data["conventions"]
        ),
        layouts=layouts,
    )
    return _validate(book, implemented)
