"""What a layout prints differently, beyond the labels its :class:`Layout` already gives.

Each layout registers a :class:`PrintSpecifics`; a layout without one gets the generic
form (header fields two to a row; budget amounts two to a row, or in the layout's own
columns when it has several; parts in the order title, header, narratives, budget, targets,
then any accompanying document). Adding a layout adds a registration here, not conditions
throughout the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
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


def name_first_header_rows(layout: Layout) -> list[tuple[str, ...]]:
    """The project's name alone on the first row, then the other fields two to a row."""
    labels = [label for label in layout.field_labels if label != layout.name_field]
    rows: list[tuple[str, ...]] = [(layout.name_field,)]
    rows += [tuple(labels[i : i + 2]) for i in range(0, len(labels), 2)]
    return rows


def column_budget_block(project: Project, styles: FormStyles) -> list[Flowable]:
    """The amounts in the layout's columns, side by side under the budget heading: each
    column its total then its parts, the first part as ``其中：…``
    (sh2026: 项目资金总额 | 年度资金申请总额)."""
    spec = project.spec

    def pair(label: str) -> tuple[str, str]:
        if not label:
            return ("", "")
        amount = format_money(project.budget.get(label), spec.money_decimals)
        return (label_text(spec.budget_label(label)), amount)

    rows = [[pair(label) for label in row] for row in spec.budget_grid]
    return [labelled_grid(rows, styles, heading=spec.budget_heading, value_style="amount")]


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


def generic_budget_block(project: Project, styles: FormStyles) -> list[Flowable]:
    if len(project.spec.budget_columns) > 1:
        return column_budget_block(project, styles)
    return paired_budget_block(project, styles)


FORM_ORDER = ("title", "header", "narratives", "budget", "targets", "documents")
INDICATOR_WIDTHS = (24 * mm, 24 * mm, 68 * mm, 40 * mm)  # 156 mm: the type area


@dataclass(frozen=True)
class PrintSpecifics:
    header_rows: HeaderRows = paired_header_rows
    budget_block: BudgetBlock = generic_budget_block
    part_order: tuple[str, ...] = FORM_ORDER  # names in perfdesk.printing.form.FORM_PARTS
    indicator_widths: tuple[float, float, float, float] = INDICATOR_WIDTHS


_REGISTRY: dict[str, PrintSpecifics] = {}
GENERIC = PrintSpecifics()


def register(layout_key: str, specifics: PrintSpecifics) -> None:
    _REGISTRY[layout_key] = specifics


def specifics_for(layout_key: str) -> PrintSpecifics:
    return _REGISTRY.get(layout_key, GENERIC)


# sh2020, as on the reference form: 申报单位名称 alone, then 项目名称 | 项目类别, the two dates,
# 是否含有政府购买服务 | 绩效类型; the four budget amounts two to a row under their heading.
register("sh2020", PrintSpecifics(header_rows=paired_header_rows, budget_block=paired_budget_block))

# sh2026, the current form: 项目名称 alone, then 项目性质 | 项目类别, 主管部门 | 实施单位, the
# two dates; 项目资金（元） in two columns right under the header; 项目绩效目标 (总体目标 with the
# period of a multi-year project, 年度总体目标) before the 绩效指标 table; the 项目经费情况说明
# follows on pages of its own.
register(
    "sh2026",
    PrintSpecifics(
        header_rows=name_first_header_rows,
        budget_block=column_budget_block,
        part_order=("title", "header", "budget", "narratives", "targets", "documents"),
        # 一级/二级 names are longer here (服务对象满意度指标): wider columns for them
        indicator_widths=(30 * mm, 32 * mm, 58 * mm, 36 * mm),
    ),
)
