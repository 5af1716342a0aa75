"""What a layout prints differently, beyond the labels its :class:`Layout` already gives.

Each layout registers a :class:`PrintSpecifics`; a layout without one gets the generic
form (header fields two to a row, budget amounts two to a row). Adding a layout adds a
registration here, not conditions throughout the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from perfdesk.layouts import Layout
from perfdesk.model import Project
from perfdesk.printing.blocks import label_text, labelled_grid
from perfdesk.printing.styles import FormStyles
from perfdesk.values import format_money

HeaderRows = Callable[[Layout], Sequence[Sequence[str]]]
BudgetBlock = Callable[[Project, FormStyles], list[Flowable]]


def paired_header_rows(layout: Layout) -> list[tuple[str, ...]]:
    """The header fields in print order, two to a row; the unit field alone on the first."""
    labels = [label for label in layout.field_labels if label != layout.unit_field]
    rows: list[tuple[str, ...]] = [(layout.unit_field,)] if layout.unit_field else []
    rows += [tuple(labels[i : i + 2]) for i in range(0, len(labels), 2)]
    return rows


def paired_budget_block(project: Project, styles: FormStyles) -> list[Flowable]:
    """The budget heading over a grid of printed label | amount, two to a row."""
    spec = project.spec
    pairs = [
        (
            label_text(money.printed),
            format_money(project.budget.get(money.label), spec.money_decimals),
        )
        for money in spec.budget
    ]
    rows = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
    return [labelled_grid(rows, styles, heading=spec.budget_heading, value_style="amount")]


@dataclass(frozen=True)
class PrintSpecifics:
    header_rows: HeaderRows = paired_header_rows
    budget_block: BudgetBlock = paired_budget_block


_REGISTRY: dict[str, PrintSpecifics] = {}
GENERIC = PrintSpecifics()


def register(layout_key: str, specifics: PrintSpecifics) -> None:
    _REGISTRY[layout_key] = specifics


def specifics_for(layout_key: str) -> PrintSpecifics:
    return _REGISTRY.get(layout_key, GENERIC)


# sh2020, as on the reference form: 申报单位名称 alone, then 项目名称 | 项目类别, the two dates,
# 是否含有政府购买服务 | 绩效类型; the four budget amounts two to a row under their heading.
register("sh2020", PrintSpecifics(header_rows=paired_header_rows, budget_block=paired_budget_block))
