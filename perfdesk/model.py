"""The project: one performance-target form.

A project is a layout, a year, header fields, narrative sections, budget amounts and an
ordered indicator tree (一级 → 二级 → 三级 with 指标值). Types are checked here, at the
boundary (dates, money); completeness is the checks' job.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import DEFAULT_LAYOUT, FieldKind, Layout, get_layout
from perfdesk.values import (
    money_problem,
    normalize_date,
    parse_money,
    parse_money_in_unit,
    parse_year,
)


def trimmed(values: Iterable[str]) -> tuple[str, ...]:
    """Other values in their one stored spelling: a tuple without trailing blanks (an
    indicator with its 中期指标值 blank equals one that never had it)."""
    found = tuple(values)
    while found and not found[-1]:
        found = found[:-1]
    return found


@dataclass
class Indicator:
    """A 三级 indicator and its 指标值 exactly as typed: ``target`` in the layout's main value
    column, ``other_values`` in its other value columns (:attr:`Layout.other_value_columns`)."""

    name: str = ""
    target: str = ""
    other_values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.other_values = trimmed(self.other_values)


@dataclass
class Level2Group:
    """The indicators under one second-level indicator."""

    name: str = ""
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Level1Group:
    """The second-level groups under one first-level indicator."""

    name: str = ""
    groups: list[Level2Group] = field(default_factory=list)


@dataclass(frozen=True)
class IndicatorRow:
    """One printed row of the indicator table."""

    level1: str
    level2: str
    name: str
    target: str
    other_values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "other_values", trimmed(self.other_values))

    @property
    def is_placeholder(self) -> bool:
        """A row that only keeps an empty 一级/二级 group in a flat list."""
        return not self.name and not self.target and not self.other_values


@dataclass(frozen=True)
class TreeNode:
    """One node of the indicator tree in pre-order: depth 1 (一级), 2 (二级) or 3 (三级)."""

    depth: int
    name: str
    target: str = ""
    other_values: tuple[str, ...] = ()


class Part(StrEnum):
    """A part of a project that an edit can change; the window refreshes what shows it."""

    YEAR = "year"
    FIELDS = "fields"
    SECTIONS = "sections"
    BUDGET = "budget"
    INDICATORS = "indicators"


@dataclass
class Project:
    """One form: header fields, narrative sections, budget and indicator tree."""

    layout: str
    year: int
    fields: dict[str, str]
    sections: dict[str, str]
    budget: dict[str, Decimal | None]
    indicators: list[Level1Group] = field(default_factory=list)
    id: int | None = None

    @classmethod
    def new(cls, layout: str = DEFAULT_LAYOUT, year: int = 2020) -> Project:
        spec = get_layout(layout)
        return cls(
            layout=spec.key,
            year=parse_year(year),
            fields={label: "" for label in spec.field_labels},
            sections={label: "" for label in spec.sections},
            budget={label: None for label in spec.budget_labels},
        )

    @property
    def spec(self) -> Layout:
        return get_layout(self.layout)

    @property
    def name(self) -> str:
        return self.fields.get(self.spec.name_field, "")

    @property
    def unit(self) -> str:
        return self.fields.get(self.spec.unit_field, "")

    def clone(self) -> Project:
        return copy.deepcopy(self)

    def changed_parts(self, other: Project) -> frozenset[Part]:
        """The parts in which ``other`` differs from this project."""
        pairs = {
            Part.YEAR: (self.year, other.year),
            Part.FIELDS: (self.fields, other.fields),
            Part.SECTIONS: (self.sections, other.sections),
            Part.BUDGET: (self.budget, other.budget),
            Part.INDICATORS: (self.indicators, other.indicators),
        }
        return frozenset(part for part, (mine, theirs) in pairs.items() if mine != theirs)

    # -- typed setters: the boundary where text from the user becomes data ---------------

    def set_year(self, year: int | str) -> None:
        self.year = parse_year(year)

    def set_indicators(self, tree: Sequence[Level1Group]) -> None:
        """Replace the whole indicator tree (a copy is kept: the caller's tree stays its own)."""
        self.indicators = copy.deepcopy(list(tree))

    def set_field(self, label: str, value: str) -> None:
        spec = self.spec.field_spec(label)
        if spec.kind is FieldKind.DATE:
            value = normalize_date(value)
        self.fields[label] = value

    def set_section(self, label: str, text: str) -> None:
        if label not in self.spec.sections:
            raise KeyError(label)
        self.sections[label] = text

    def set_budget(self, label: str, value: str | Decimal | None) -> None:
        if label not in self.spec.budget_labels:
            raise KeyError(label)
        if isinstance(value, Decimal):
            # An amount that came as a number (a spreadsheet cell) obeys the typed bounds too.
            problem = money_problem(value)
            if problem:
                raise InvalidValueError(problem)
            self.budget[label] = value
        else:
            self.budget[label] = parse_money(value)

    def type_budget(self, label: str, value: str | Decimal | None) -> None:
        """An amount as the form shows it, in the layout's unit (万元 on the central
        template), kept in 元."""
        if label not in self.spec.budget_labels:
            raise KeyError(label)
        self.budget[label] = parse_money_in_unit(value, self.spec.money_scale)

    # -- the indicator tree ----------------------------------------------------------------

    def rows(self) -> list[IndicatorRow]:
        """The indicators in print order (empty groups as placeholder rows)."""
        return rows_from_tree(self.indicators)

    def indicator_rows(self) -> list[IndicatorRow]:
        """The real 三级 indicators in print order."""
        return [row for row in self.rows() if not row.is_placeholder]

    def set_rows(self, rows: Iterable[IndicatorRow]) -> None:
        self.indicators = tree_from_rows(rows)

    def search_text(self) -> str:
        """Everything a search should find this project by."""
        parts = [*self.fields.values(), *self.sections.values()]
        for row in self.rows():
            parts.extend((row.level1, row.level2, row.name, row.target, *row.other_values))
        return "\n".join(p for p in parts if p)


def rows_from_tree(tree: list[Level1Group]) -> list[IndicatorRow]:
    """The tree as printed rows. A group with nothing under it keeps a placeholder row while it
    has a name; a nameless empty group carries nothing and has no row (a blank line in a
    spreadsheet could not carry it either)."""
    return [row for _, row in _walk_rows(tree)]


def row_paths(tree: list[Level1Group]) -> list[tuple[int, ...]]:
    """Where each of :func:`rows_from_tree`'s rows is in the tree: (一级,), (一级, 二级) for a
    placeholder row, (一级, 二级, 三级) for an indicator."""
    return [path for path, _ in _walk_rows(tree)]


def _walk_rows(tree: list[Level1Group]) -> Iterator[tuple[tuple[int, ...], IndicatorRow]]:
    for i1, l1 in enumerate(tree):
        has_rows = False
        for i2, l2 in enumerate(l1.groups):
            if l2.indicators:
                for i3, ind in enumerate(l2.indicators):
                    yield (
                        (i1, i2, i3),
                        IndicatorRow(l1.name, l2.name, ind.name, ind.target, ind.other_values),
                    )
                has_rows = True
            elif l2.name:
                yield (i1, i2), IndicatorRow(l1.name, l2.name, "", "")
                has_rows = True
        if not has_rows and l1.name:
            yield (i1,), IndicatorRow(l1.name, "", "", "")


def tree_from_rows(rows: Iterable[IndicatorRow]) -> list[Level1Group]:
    """Group consecutive rows with the same 一级 and 二级; placeholders make empty groups."""
    tree: list[Level1Group] = []
    for row in rows:
        if not tree or tree[-1].name != row.level1:
            tree.append(Level1Group(row.level1))
        l1 = tree[-1]
        if row.is_placeholder and not row.level2:
            continue
        if not l1.groups or l1.groups[-1].name != row.level2:
            l1.groups.append(Level2Group(row.level2))
        if not row.is_placeholder:
            l1.groups[-1].indicators.append(Indicator(row.name, row.target, row.other_values))
    return tree


def nodes_from_tree(tree: list[Level1Group]) -> Iterator[TreeNode]:
    """The tree in pre-order: how the store keeps it, exactly."""
    for l1 in tree:
        yield TreeNode(1, l1.name)
        for l2 in l1.groups:
            yield TreeNode(2, l2.name)
            for ind in l2.indicators:
                yield TreeNode(3, ind.name, ind.target, ind.other_values)


def tree_from_nodes(nodes: Iterable[TreeNode]) -> list[Level1Group]:
    tree: list[Level1Group] = []
    for node in nodes:
        if node.depth == 1 or not tree:
            tree.append(Level1Group(node.name if node.depth == 1 else ""))
            if node.depth == 1:
                continue
        l1 = tree[-1]
        if node.depth == 2 or not l1.groups:
            l1.groups.append(Level2Group(node.name if node.depth == 2 else ""))
            if node.depth == 2:
                continue
        l1.groups[-1].indicators.append(Indicator(node.name, node.target, node.other_values))
    return tree
