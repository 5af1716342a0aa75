"""Edits of the indicator tree that are more than typing: the standard block, suggestions."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from perfdesk.layouts import Layout
from perfdesk.model import Indicator, IndicatorRow, Level1Group, Level2Group
from perfdesk.store import Store


def with_standard_block(tree: list[Level1Group], layout: Layout) -> list[Level1Group]:
    """The tree with the layout's standard rows (the 投入与管理 block) merged in.

    Groups are found by name or created (a new 一级 group goes where the form prints it); a
    row whose 三级 name is already in its group is left as the officer wrote it.
    """
    result = copy.deepcopy(tree)
    standard = (IndicatorRow(r.level1, r.level2, r.name, r.target) for r in layout.standard_block)
    merge_rows(result, layout, standard)
    return result


def merge_rows(tree: list[Level1Group], layout: Layout, rows: Iterable[IndicatorRow]) -> int:
    """Merge ``rows`` into ``tree`` in place; returns how many were added.

    A row goes under its 一级 and 二级, created where missing in the layout's usual order
    (unknown names last); a row whose 三级 name is already in that group is skipped, so what
    the officer typed is never overwritten.
    """
    added = 0
    for row in rows:
        if not row.name.strip():
            continue
        level1 = _child(tree, row.level1, Level1Group, layout.level1_names)
        level2 = _child(level1.groups, row.level2, Level2Group, layout.usual_level2(row.level1))
        if any(ind.name == row.name for ind in level2.indicators):
            continue
        level2.indicators.append(Indicator(row.name, row.target))
        added += 1
    return added


def _child[G: (Level1Group, Level2Group)](
    groups: list[G], name: str, make: type[G], order: tuple[str, ...]
) -> G:
    """The group called ``name``; a new one goes before the first group that ``order`` puts
    after it."""
    for group in groups:
        if group.name == name:
            return group

    def rank(group_name: str) -> int:
        return order.index(group_name) if group_name in order else len(order)

    new = make(name)
    position = next((i for i, g in enumerate(groups) if rank(g.name) > rank(name)), len(groups))
    groups.insert(position, new)
    return new


def used_names(store: Store, depth: int) -> list[str]:
    """Names used at ``depth`` (1 一级, 2 二级, 3 三级) in every stored project, most used first."""
    rows = store.execute(
        "SELECT name FROM indicator_nodes WHERE depth = ? AND name != '' "
        "GROUP BY name ORDER BY count(*) DESC, name",
        [depth],
    )
    return [row[0] for row in rows]


def used_targets(store: Store) -> list[str]:
    """指标值 typed anywhere before, most used first."""
    rows = store.execute(
        "SELECT target FROM indicator_nodes WHERE depth = 3 AND target != '' "
        "GROUP BY target ORDER BY count(*) DESC, target"
    )
    return [row[0] for row in rows]
