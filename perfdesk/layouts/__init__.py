"""Form layouts as data.

Each layout is one JSON file beside this module. The editor, the printer, the importer and
the checks all read the same :class:`Layout`, so adding a layout is adding a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LAYOUT = "sh2020"


class FieldKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"  # an editable choice: the standard values, or anything typed
    DATE = "date"
    YESNO = "yesno"


@dataclass(frozen=True)
class FieldSpec:
    label: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class MoneySpec:
    label: str  # the key in data and JSON, e.g. 项目总预算
    printed: str  # the label on the form, e.g. 项目总预算（元）


@dataclass(frozen=True)
class Level1Spec:
    name: str
    level2: tuple[str, ...]
    role: str = ""  # "output" / "outcome": what the checks look for


@dataclass(frozen=True)
class StandardRow:
    level1: str
    level2: str
    name: str
    target: str


@dataclass(frozen=True)
class Layout:
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
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

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


_KNOWN_KEYS = {f for f in Layout.__dataclass_fields__ if f != "extra"}


def _from_json(data: dict[str, Any]) -> Layout:
    fields = tuple(
        FieldSpec(
            label=f["label"],
            kind=FieldKind(f["kind"]),
            choices=tuple(f.get("choices", ())),
            required=f.get("required", True),
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
        budget=tuple(MoneySpec(m["label"], m["printed"]) for m in data["budget"]),
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
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )


@cache
def all_layouts() -> dict[str, Layout]:
    """Every layout shipped with PerfDesk, by key, in a stable order."""
    found: dict[str, Layout] = {}
    folder = resources.files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            layout = _from_json(json.loads(entry.read_text(encoding="utf-8")))
            found[layout.key] = layout
    return found


def get_layout(key: str) -> Layout:
    try:
        return all_layouts()[key]
    except KeyError:
        raise UnknownLayoutError(key) from None


class UnknownLayoutError(KeyError):
    def __str__(self) -> str:
        return f"未知的表样：{self.args[0]}"
