"""Form layouts as data.

Each layout is one JSON file beside this module. The editor, the printer, the importer and
the checks all read the same :class:`Layout`, so adding a layout is adding a file.

What a layout can say beyond labels:

- which header field stands alone on the first row (:attr:`Layout.header_first`; sh2020:
  the applying unit, sh2026: the project name), for the printed form and the exports alike;
- budget amounts in columns (:attr:`MoneySpec.column`); the first amount of a column is its
  total, the others name it in :attr:`MoneySpec.part_of` and print under ``其中：``
  (sh2026: 项目资金总额 | 年度资金申请总额);
- sections grouped into printed parts (:class:`SectionPart`), a part possibly a document of
  its own (sh2026's 项目经费情况说明, typed by the officer like any section);
- the period of a multi-year project, derived from its dates, never stored
  (:meth:`Layout.period`, printed after :attr:`Layout.period_section`);
- a holding section for converted content that has no counterpart (never printed);
- other spellings of printed labels met in real forms (:attr:`Layout.aliases`), e.g. the
  value column that sh2026 heads 年度指标值 (the form is the year's application, so its
  values are the year's) and some forms head 指标值;
- whether the form prints as one continuous grid whose narrow left column carries the
  budget, part and indicator headings as merged row labels (:attr:`Layout.row_labels`;
  sh2026, written upright as :meth:`Layout.row_label_lines`), and whether the documents that
  travel with the form print before it (:attr:`Layout.documents_first`; sh2026, as in the
  published disclosures);
- the order of the printed parts (:attr:`Layout.print_order`), whether its printed labels end
  in a colon (:attr:`Layout.label_colon`), the amount a next year's copy empties
  (:attr:`Layout.budget_previous_executed_field`);
- how projects of older layouts are copied onto it (:attr:`Layout.converts_from`), and
  whether it is the layout they are copied onto (:attr:`Layout.current`);
- the unit its amounts are shown, typed and printed in (:attr:`Layout.money_unit`: 元 or
  万元; amounts are always kept in 元, exactly);
- more than one value column in the indicator table (:attr:`Layout.value_columns`, the
  central template's 中期指标值 | 年度指标值): an indicator carries one value per column.

Layouts are found in :func:`all_layouts`; :func:`register_layout` adds one given as data
(the same dictionary a file holds) until :func:`unregister_layout` removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LAYOUT = "sh2020"
# The units a layout may show its amounts in, and how many 元 one of them is.
MONEY_UNITS = {"元": Decimal(1), "万元": Decimal(10000)}
FORM = "form"  # the document that is the form itself; a layout's other documents follow it


class FieldKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"  # an editable choice: the standard values, or anything typed
    DATE = "date"
    YESNO = "yesno"


@dataclass(frozen=True)
class FieldSpec:
    """A header field of the form: its label, kind of value and whether it must be filled."""

    label: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    required: bool = True
    hint: str = ""  # what the bureau expects here, shown when the officer points at the field


@dataclass(frozen=True)
class MoneySpec:
    """An amount of the budget block."""

    label: str  # the key in data and JSON, e.g. 项目总预算
    printed: str  # the label on the form, e.g. 项目总预算（元）
    column: int = 0  # which column of a multi-column budget block (0 = the first)
    part_of: str = ""  # the total this amount is a part of (printed as 其中：…)


@dataclass(frozen=True)
class Level1Spec:
    """A first-level indicator and the second-level ones under it."""

    name: str
    level2: tuple[str, ...]
    role: str = ""  # "output" / "outcome" / "cost" / "satisfaction": what the checks look for


@dataclass(frozen=True)
class SectionPart:
    """Sections printed together under one heading (a part of the printed document)."""

    heading: str  # "" when the sections print without a heading of their own
    sections: tuple[str, ...]
    document: str = FORM  # FORM: the form itself; any other name: a document of its own


@dataclass(frozen=True)
class StandardRow:
    """An indicator row a new project of the layout starts with."""

    level1: str
    level2: str
    name: str
    target: str


# The parts of the printed form, by name (perfdesk.printing.form prints each).
FORM_PART_NAMES = ("title", "header", "narratives", "budget", "targets")


@dataclass(frozen=True)
class ValueMapping:
    """A choice of the older layout whose values also mean a choice of the newer one."""

    to: str  # the newer layout's field
    values: dict[str, str]  # older value -> newer value


@dataclass(frozen=True)
class Conversion:
    """Where each part of a project on an older layout goes on this one (复制为新版表样)."""

    fields: dict[str, str] = field(default_factory=dict)
    field_values: dict[str, ValueMapping] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    # Sections copied into another when the project lies within one year (the year's goal
    # is then the project's).
    single_year_copies: dict[str, str] = field(default_factory=dict)
    period_section: str = ""  # the section that receives the project's dates as a text
    period_field: str = ""  # the field that receives them (a layout with no date fields)
    budget: dict[str, tuple[str, ...]] = field(default_factory=dict)
    level1: dict[str, str] = field(default_factory=dict)
    level2: dict[str, str] = field(default_factory=dict)  # "一级/二级" -> "一级/二级"
    by_name: dict[str, str] = field(default_factory=dict)  # a word in the name -> "一级/二级"
    unplaced_level1: str = "待归类（原{level1}）"


@dataclass(frozen=True)
class Layout:
    """A form as the bureau lays it out, read from a JSON file (see the module's docstring)."""

    key: str
    name: str
    title: str
    year_caption: str
    name_field: str
    unit_field: str
    fields: tuple[FieldSpec, ...]
    start_date_field: str
    end_date_field: str
    sections: tuple[str, ...]
    budget_heading: str
    budget: tuple[MoneySpec, ...]
    budget_total_field: str
    budget_current_field: str
    budget_previous_field: str
    money_decimals: int
    targets_heading: str
    indicator_columns: tuple[str, str, str, str]
    level1: tuple[Level1Spec, ...]
    standard_block: tuple[StandardRow, ...]
    # Sections grouped into printed parts; empty: every section, in order, in one part.
    section_parts: tuple[SectionPart, ...] = ()
    # The section that prints the period of a multi-year project after its label, and how.
    period_section: str = ""
    period_format: str = "({start}年-{end}年)"
    # A project may span several years (the form year must lie within its dates).
    multi_year: bool = False
    # Where converted content without a counterpart waits for the officer; never printed.
    holding_section: str = ""
    # The header field printed alone on the first row ("" for the unit field); the others
    # follow two to a row, in the fields' order.
    header_first: str = ""
    # Other spellings of printed labels met in forms (importing): label -> aliases.
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # A few characters telling the layout apart in a list (2020 版, 现行版); "" = the name.
    short_name: str = ""
    # The parts of the printed form in order (names from FORM_PART_NAMES).
    print_order: tuple[str, ...] = FORM_PART_NAMES
    # Printed labels end in a colon (申报单位名称：…); importing then requires it, which keeps
    # a label's words inside a narrative from being taken for the label.
    label_colon: bool = False
    # The amount a copy for next year empties: what was really spent is only known then.
    budget_previous_executed_field: str = ""
    # How projects on older layouts are copied onto this one, by the older layout's key.
    converts_from: dict[str, Conversion] = field(default_factory=dict, compare=False)
    # The layout the bureau asks for now: projects on older layouts are copied onto it.
    current: bool = False
    # One continuous grid: the budget heading, the form's part headings and the targets
    # heading stand upright in a narrow left column beside their rows, not above them, and
    # the sections of a part stand side by side.
    row_labels: bool = False
    # The documents that travel with the form (sh2026: 项目经费情况说明) print before it.
    documents_first: bool = False
    # The unit amounts are shown, typed and printed in (a key of MONEY_UNITS); kept in 元.
    money_unit: str = "元"
    # The indicator table's value columns in print order; empty: the one value column
    # indicator_columns[3]. That column's value is an indicator's ``target`` (what the checks
    # and the review read first); the others' are its ``other_values``, in this order.
    value_columns: tuple[str, ...] = ()

    @property
    def value_headings(self) -> tuple[str, ...]:
        """Every value column's heading in print order."""
        return self.value_columns or (self.indicator_columns[3],)

    @property
    def other_value_columns(self) -> tuple[str, ...]:
        """The value columns besides the main one (indicator_columns[3]), in print order."""
        return tuple(h for h in self.value_headings if h != self.indicator_columns[3])

    @property
    def table_columns(self) -> tuple[str, ...]:
        """The indicator table's headings as printed: 一级 | 二级 | 三级 | the value columns."""
        return (*self.indicator_columns[:3], *self.value_headings)

    def row_values(self, target: str, others: tuple[str, ...]) -> tuple[str, ...]:
        """An indicator's values in the value columns' print order."""
        padded = iter((*others, *[""] * len(self.other_value_columns)))
        main = self.indicator_columns[3]
        return tuple(target if h == main else next(padded) for h in self.value_headings)

    def split_values(self, values: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        """The inverse of :meth:`row_values`: (target, other values)."""
        main = self.indicator_columns[3]
        pairs = list(zip(self.value_headings, values, strict=False))
        target = next((v for h, v in pairs if h == main), "")
        return target, tuple(v for h, v in pairs if h != main)

    @property
    def money_scale(self) -> Decimal:
        """How many 元 one unit of :attr:`money_unit` is."""
        return MONEY_UNITS[self.money_unit]

    def money_shown(self, amount: Decimal | None, exact: bool = False) -> str:
        """An amount (in 元) as the form shows it: in the layout's unit with its decimals,
        rounded half up; ``exact``: with more places where the amount needs them (an export
        that is read back must not lose a yuan). Blank stays blank."""
        if amount is None:
            return ""
        value = amount / self.money_scale  # exact: the scale is a power of ten
        places = max(self.money_decimals, -int(value.normalize().as_tuple().exponent))
        if not exact or self.money_scale == 1:
            # 元 amounts never hide typed fen (two places where the layout prints none)
            places = self.money_decimals
            if self.money_scale == 1 and value != value.to_integral_value():
                places = max(places, 2)
        return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"

    @property
    def label(self) -> str:
        """The layout's name where room is short (a column of the project list)."""
        return self.short_name or self.name

    def level_name(self, depth: int) -> str:
        """What the form calls an indicator of ``depth`` (1 一级, 2 二级, 3 三级), e.g. 一级目标
        on the 2020 form and 一级指标 on the current one."""
        return self.indicator_columns[depth - 1]

    @property
    def level_word(self) -> str:
        """What the form calls its indicators as a whole: 目标 (一级目标 …) or 指标 (一级指标 …)."""
        first = self.indicator_columns[0]
        return first.removeprefix("一级") if first.startswith("一级") and len(first) > 2 else "指标"

    @property
    def field_labels(self) -> tuple[str, ...]:
        return tuple(f.label for f in self.fields)

    @property
    def budget_labels(self) -> tuple[str, ...]:
        return tuple(m.label for m in self.budget)

    def field_spec(self, label: str) -> FieldSpec:
        for spec in self.fields:
            if spec.label == label:
                return spec
        raise KeyError(label)

    def header_rows(self) -> tuple[tuple[str, ...], ...]:
        """The header fields as the form prints them (and the exports lay them out): the
        layout's first header field on a row of its own, then the others two to a row."""
        alone = self.header_first or self.unit_field
        others = [label for label in self.field_labels if label != alone]
        first = ((alone,),) if alone in self.field_labels else ()
        return first + tuple(tuple(others[i : i + 2]) for i in range(0, len(others), 2))

    def caption(self, year: int) -> str:
        return self.year_caption.format(year=year)

    def targets_caption(self, year: int) -> str:
        return self.targets_heading.format(year=year)

    def usual_level2(self, level1: str) -> tuple[str, ...]:
        for spec in self.level1:
            if spec.name == level1:
                return spec.level2
        return ()

    def level1_with_role(self, role: str) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.level1 if spec.role == role)

    @property
    def level1_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.level1)

    def money_spec(self, label: str) -> MoneySpec:
        for spec in self.budget:
            if spec.label == label:
                return spec
        raise KeyError(label)

    @property
    def budget_columns(self) -> tuple[tuple[MoneySpec, ...], ...]:
        """The budget amounts column by column, in print order."""
        count = max((m.column for m in self.budget), default=-1) + 1
        return tuple(tuple(m for m in self.budget if m.column == c) for c in range(count))

    def budget_parts(self, total: str) -> tuple[str, ...]:
        """The amounts printed as 其中：… under ``total``."""
        return tuple(m.label for m in self.budget if m.part_of == total)

    def budget_label(self, label: str) -> str:
        """An amount's label as the form prints it: the first part of a total as 其中：…."""
        spec = self.money_spec(label)
        if spec.part_of and self.budget_parts(spec.part_of)[0] == label:
            return "其中：" + spec.printed
        return spec.printed

    @property
    def budget_grid(self) -> tuple[tuple[str, ...], ...]:
        """The amounts row by row as the form prints them: the columns side by side ("" where
        a column is shorter), or two to a row for a layout with one column."""
        columns = self.budget_columns
        if len(columns) <= 1:
            labels = self.budget_labels
            return tuple(labels[i : i + 2] for i in range(0, len(labels), 2))
        height = max(len(c) for c in columns)
        return tuple(
            tuple(c[r].label if r < len(c) else "" for c in columns) for r in range(height)
        )

    @property
    def parts(self) -> tuple[SectionPart, ...]:
        """The printed parts; the holding section belongs to none of them."""
        if self.section_parts:
            return self.section_parts
        printed = tuple(s for s in self.sections if s != self.holding_section)
        return (SectionPart("", printed),)

    def parts_of(self, document: str) -> tuple[SectionPart, ...]:
        return tuple(part for part in self.parts if part.document == document)

    @property
    def documents(self) -> tuple[str, ...]:
        """The printed documents in order (:data:`FORM` first)."""
        found: list[str] = [FORM]
        for part in self.parts:
            if part.document not in found:
                found.append(part.document)
        return tuple(found)

    def period(self, start: str, end: str) -> str:
        """The printed period of a multi-year project, e.g. ``(2024年-2026年)``.

        ``start``/``end`` are stored dates (``YYYY-MM-DD``); "" for a project within one year
        or with a date missing.
        """
        if len(start) < 4 or len(end) < 4 or not (start[:4].isdigit() and end[:4].isdigit()):
            return ""
        if start[:4] == end[:4]:
            return ""
        return self.period_format.format(start=start[:4], end=end[:4])

    @property
    def row_label_texts(self) -> tuple[str, ...]:
        """The headings printed as upright row labels (none unless :attr:`row_labels`)."""
        if not self.row_labels:
            return ()
        parts = [part.heading for part in self.parts_of(FORM) if part.heading]
        return (self.budget_heading, *parts, self.targets_heading)

    @staticmethod
    def row_label_lines(label: str) -> tuple[str, ...]:
        """A row label as printed in its narrow column: two characters a line, a unit in
        brackets on a line of its own (项目资金（元） as 项目 / 资金 / （元）)."""
        words, bracket, unit = label.partition("（")
        lines = [words[i : i + 2] for i in range(0, len(words), 2)]
        return (*lines, bracket + unit) if bracket else tuple(lines)

    def labels_for(self, label: str) -> tuple[str, ...]:
        """``label`` and its other spellings met in printed forms."""
        return (label, *self.aliases.get(label, ()))


_KNOWN_KEYS = set(Layout.__dataclass_fields__)
_CONVERSION_KEYS = set(Conversion.__dataclass_fields__)


def _conversion(source: str, data: dict[str, Any]) -> Conversion:
    unknown = set(data) - _CONVERSION_KEYS
    if unknown:
        raise ValueError(f"converts_from.{source}: unknown keys {sorted(unknown)}")
    return Conversion(
        fields=dict(data.get("fields", {})),
        field_values={
            label: ValueMapping(rule["to"], dict(rule["values"]))
            for label, rule in data.get("field_values", {}).items()
        },
        sections=dict(data.get("sections", {})),
        single_year_copies=dict(data.get("single_year_copies", {})),
        period_section=data.get("period_section", ""),
        period_field=data.get("period_field", ""),
        budget={label: tuple(to) for label, to in data.get("budget", {}).items()},
        level1=dict(data.get("level1", {})),
        level2=dict(data.get("level2", {})),
        by_name=dict(data.get("by_name", {})),
        unplaced_level1=data.get("unplaced_level1", "待归类（原{level1}）"),
    )


def layout_from_data(data: dict[str, Any]) -> Layout:
    """A layout from the dictionary its JSON file holds, checked (ValueError when wrong)."""
    return _validate(_from_json(data))


def _from_json(data: dict[str, Any]) -> Layout:
    unknown = set(data) - _KNOWN_KEYS
    if unknown:  # a mistyped key would silently mean its default
        raise ValueError(f"layout {data.get('key')}: unknown keys {sorted(unknown)}")
    fields = tuple(
        FieldSpec(
            label=f["label"],
            kind=FieldKind(f["kind"]),
            choices=tuple(f.get("choices", ())),
            required=f.get("required", True),
            hint=f.get("hint", ""),
        )
        for f in data["fields"]
    )
    columns = tuple(data["indicator_columns"])
    if len(columns) != 4:
        raise ValueError(f"layout {data['key']}: indicator_columns needs four headings")
    return Layout(
        key=data["key"],
        name=data["name"],
        title=data["title"],
        year_caption=data["year_caption"],
        name_field=data["name_field"],
        unit_field=data["unit_field"],
        fields=fields,
        start_date_field=data["start_date_field"],
        end_date_field=data["end_date_field"],
        sections=tuple(data["sections"]),
        budget_heading=data["budget_heading"],
        budget=tuple(
            MoneySpec(m["label"], m["printed"], m.get("column", 0), m.get("part_of", ""))
            for m in data["budget"]
        ),
        budget_total_field=data["budget_total_field"],
        budget_current_field=data["budget_current_field"],
        budget_previous_field=data["budget_previous_field"],
        money_decimals=data["money_decimals"],
        targets_heading=data["targets_heading"],
        indicator_columns=(columns[0], columns[1], columns[2], columns[3]),
        level1=tuple(
            Level1Spec(s["name"], tuple(s["level2"]), s.get("role", "")) for s in data["level1"]
        ),
        standard_block=tuple(StandardRow(*row) for row in data["standard_block"]),
        section_parts=tuple(
            SectionPart(p["heading"], tuple(p["sections"]), p.get("document", FORM))
            for p in data.get("section_parts", ())
        ),
        period_section=data.get("period_section", ""),
        period_format=data.get("period_format", "({start}年-{end}年)"),
        multi_year=data.get("multi_year", False),
        holding_section=data.get("holding_section", ""),
        header_first=data.get("header_first", ""),
        short_name=data.get("short_name", ""),
        aliases={k: tuple(v) for k, v in data.get("aliases", {}).items()},
        print_order=tuple(data.get("print_order", FORM_PART_NAMES)),
        label_colon=data.get("label_colon", False),
        budget_previous_executed_field=data.get("budget_previous_executed_field", ""),
        converts_from={
            source: _conversion(source, rules)
            for source, rules in data.get("converts_from", {}).items()
        },
        current=data.get("current", False),
        row_labels=data.get("row_labels", False),
        documents_first=data.get("documents_first", False),
        money_unit=data.get("money_unit", "元"),
        value_columns=tuple(data.get("value_columns", ())),
    )


def _validate(layout: Layout) -> Layout:
    """Catch a mistyped label in a layout file when it is loaded, not when a form prints."""
    problems: list[str] = []
    sections = set(layout.sections)
    for part in layout.section_parts:
        problems += [
            f"section_parts names unknown section {s}" for s in part.sections if s not in sections
        ]
    for label in (layout.period_section, layout.holding_section):
        if label and label not in sections:
            problems.append(f"unknown section {label}")
    if layout.holding_section and any(
        layout.holding_section in part.sections for part in layout.section_parts
    ):
        problems.append("the holding section must not be printed")
    budget = set(layout.budget_labels)
    problems += [
        f"part_of names unknown amount {m.part_of}"
        for m in layout.budget
        if m.part_of and m.part_of not in budget
    ]
    for label in (
        layout.budget_total_field,
        layout.budget_current_field,
        layout.budget_previous_field,
        layout.budget_previous_executed_field,
    ):
        if label and label not in budget:
            problems.append(f"unknown amount {label}")
    fields = set(layout.field_labels)
    for label in (layout.name_field, layout.unit_field):
        if label not in fields:
            problems.append(f"unknown field {label}")
    # a layout may have no dates (the central template's 项目期 is a text): both or neither
    if bool(layout.start_date_field) != bool(layout.end_date_field):
        problems.append("start_date_field and end_date_field go together")
    for label in (layout.start_date_field, layout.end_date_field):
        if label and label not in fields:
            problems.append(f"unknown field {label}")
    if layout.money_unit not in MONEY_UNITS:
        problems.append(f"money_unit must be one of {', '.join(MONEY_UNITS)}")
    if layout.value_columns and layout.indicator_columns[3] not in layout.value_columns:
        problems.append("value_columns must name indicator_columns[3]")
    if len(set(layout.value_headings)) != len(layout.value_headings):
        problems.append("value_columns must differ")
    if sorted(layout.print_order) != sorted(FORM_PART_NAMES):
        problems.append(f"print_order must name each of {', '.join(FORM_PART_NAMES)} once")
    for source, rules in layout.converts_from.items():
        problems += _conversion_problems(layout, source, rules)
    if problems:
        raise ValueError(f"layout {layout.key}: " + "; ".join(problems))
    return layout


def _conversion_problems(layout: Layout, source: str, rules: Conversion) -> list[str]:
    """Targets of a conversion that this layout does not have."""
    where = f"converts_from.{source}"
    fields, sections = set(layout.field_labels), set(layout.sections)
    budget, level1 = set(layout.budget_labels), set(layout.level1_names)
    targets = [
        *((t, fields) for t in rules.fields.values()),
        *((m.to, fields) for m in rules.field_values.values()),
        *((t, sections) for t in rules.sections.values()),
        *((t, sections) for pair in rules.single_year_copies.items() for t in pair),
        *((t, budget) for to in rules.budget.values() for t in to),
        *((t, level1) for t in rules.level1.values()),
        *((t.split("/", 1)[0], level1) for t in (*rules.level2.values(), *rules.by_name.values())),
    ]
    if rules.period_section:
        targets.append((rules.period_section, sections))
    if rules.period_field:
        targets.append((rules.period_field, fields))
    return [f"{where} names unknown {target}" for target, known in targets if target not in known]


@cache
def _shipped() -> dict[str, Layout]:
    """Every layout shipped with PerfDesk (a JSON file beside this module), by key."""
    found: dict[str, Layout] = {}
    folder = resources.files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            layout = layout_from_data(json.loads(entry.read_text(encoding="utf-8")))
            found[layout.key] = layout
    # the default layout first, then the current one, then the others by file name (lists
    # and menus show them so)
    order = sorted(found.values(), key=lambda x: (x.key != DEFAULT_LAYOUT, not x.current))
    return {layout.key: layout for layout in order}


_registered: dict[str, Layout] = {}


def all_layouts() -> dict[str, Layout]:
    """Every known layout by key: the shipped ones in a stable order, then registered ones."""
    return {**_shipped(), **_registered}


def register_layout(data: dict[str, Any]) -> Layout:
    """Make a layout given as data known to PerfDesk (as if its file were shipped)."""
    layout = layout_from_data(data)
    if layout.key in all_layouts():
        raise ValueError(f"layout {layout.key} exists already")
    _registered[layout.key] = layout
    return layout


def unregister_layout(key: str) -> None:
    """Forget a layout added by :func:`register_layout`."""
    del _registered[key]


def current_layout() -> Layout:
    """The layout the bureau asks for now (projects on older layouts are copied onto it)."""
    current = [layout for layout in all_layouts().values() if layout.current]
    if len(current) != 1:
        raise ValueError("exactly one layout must be marked current")
    return current[0]


def get_layout(key: str) -> Layout:
    layout = _shipped().get(key) or _registered.get(key)
    if layout is None:
        raise UnknownLayoutError(key)
    return layout


class UnknownLayoutError(KeyError):
    def __str__(self) -> str:
        return f"未知的表样：{self.args[0]}"
