"""What a layout prints differently, beyond the labels its :class:`Layout` already gives.

Each layout registers a :class:`PrintSpecifics`: how its budget block is drawn and in which
order the parts of the form come (how its header fields pair up is layout data, shared with
the exports). A layout without one (a layout given only as data) gets the generic form. Adding a layout adds a registration
here, not conditions throughout the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from perfdesk.model import Project
from perfdesk.printing.blocks import budget_grid, label_text, labelled_grid
from perfdesk.printing.styles import FormStyles
from perfdesk.values import format_money

BudgetBlock = Callable[[Project, FormStyles], list[Flowable]]

# The parts of the form, by name (see perfdesk.printing.form.FORM_PARTS).
CLASSIC_ORDER = ("title", "header", "narratives", "budget", "targets")
BUDGET_FIRST_ORDER = ("title", "header", "budget", "narratives", "targets")


def paired_budget_block(project: Project, styles: FormStyles) -> list[Flowable]:
    """The budget heading over printed label | amount, two amounts to a row (sh2020)."""
    spec = project.spec
    pairs = [(label_text(money.printed), _amount(project, money.label)) for money in spec.budget]
    rows = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
    return [labelled_grid(rows, styles, heading=spec.budget_heading, value_style="amount")]


def column_budget_block(project: Project, styles: FormStyles) -> list[Flowable]:
    """The budget heading over one label | amount column per budget column, each total on
    top and its parts below it as 其中：… (sh2026: 项目资金总额 | 年度资金申请总额)."""
    spec = project.spec
    columns = [
        [(spec.budget_label(money.label), _amount(project, money.label)) for money in column]
        for column in spec.budget_columns
    ]
    return [budget_grid(columns, styles, heading=spec.budget_heading)]


def _amount(project: Project, label: str) -> str:
    return format_money(project.budget.get(label), project.spec.money_decimals)


@dataclass(frozen=True)
class PrintSpecifics:
    budget_block: BudgetBlock = column_budget_block
    order: tuple[str, ...] = CLASSIC_ORDER


_REGISTRY: dict[str, PrintSpecifics] = {}
GENERIC = PrintSpecifics()


def register(layout_key: str, specifics: PrintSpecifics) -> None:
    _REGISTRY[layout_key] = specifics


def specifics_for(layout_key: str) -> PrintSpecifics:
    return _REGISTRY.get(layout_key, GENERIC)


# sh2020, as on the reference form: 申报单位名称 alone, then 项目名称 | 项目类别, the two dates,
# 是否含有政府购买服务 | 绩效类型; the narratives; the four amounts two to a row; the targets.
register("sh2020", PrintSpecifics(paired_budget_block, CLASSIC_ORDER))

# sh2026: 项目名称 alone, then 项目性质 | 项目类别, 主管部门 | 实施单位, the two dates; the
# two-column 项目资金 block with two decimals before the 项目绩效目标 and the 绩效指标 table.
register("sh2026", PrintSpecifics(column_budget_block, BUDGET_FIRST_ORDER))
