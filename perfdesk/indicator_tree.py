"""Edits of the indicator tree that are more than typing: the standard block, suggestions."""

from __future__ import annotations

import copy

from perfdesk.layouts import Layout
from perfdesk.model import Indicator, Level1Group, Level2Group
from perfdesk.store import Store


def with_standard_block(tree: list[Level1Group], layout: Layout) -> list[Level1Group]:
    """The tree with the layout's standard rows (the 投入与管理 block) merged in.

    Groups are found by name or created (a new 一级 group goes first, where the form prints
    it); a row whose 三级 name is already in its group is left as the officer wrote it.
    """
    result = copy.deepcopy(tree)
    for row in layout.standard_block:
        level1 = next((g for g in result if g.name == row.level1), None)
        if level1 is None:
            level1 = Level1Group(row.level1)
            position = sum(1 for g in result if g.name in _names_before(layout, row.level1))
            result.insert(position, level1)
        level2 = next((g for g in level1.groups if g.name == row.level2), None)
        if level2 is None:
            level2 = Level2Group(row.level2)
            level1.groups.append(level2)
        if not any(ind.name == row.name for ind in level2.indicators):
            level2.indicators.append(Indicator(row.name, row.target))
    return result


def _names_before(layout: Layout, level1: str) -> set[str]:
    names = [spec.name for spec in layout.level1]
    return set(names[: names.index(level1)]) if level1 in names else set()


def used_names(store: Store, depth: int) -> list[str]:
    """Names used at ``depth`` (1 一级, 2 二级, 3 三级) in every stored project, most used first."""
    rows = store.db.execute(
        "SELECT name FROM indicator_nodes WHERE depth = ? AND name != '' "
        "GROUP BY name ORDER BY count(*) DESC, name",
        [depth],
    )
    return [row[0] for row in rows]


def used_targets(store: Store) -> list[str]:
    """指标值 typed anywhere before, most used first."""
    rows = store.db.execute(
        "SELECT target FROM indicator_nodes WHERE depth = 3 AND target != '' "
        "GROUP BY target ORDER BY count(*) DESC, target"
    )
    return [row[0] for row in rows]
