"""The indicator library: every indicator already used, and templates per kind of project.

:func:`library_entries` gathers the indicators of every stored project: how often each was
used and the 指标值 it had in the most recently changed project. :func:`load_templates` reads
the indicator templates shipped in ``resources/templates/*.json`` (宣传/新媒体, 会议, 培训 …).
:func:`insert_rows` puts chosen rows into a project's tree under their 一级 and 二级, creating
the groups where the form wants them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from perfdesk.convert import map_row
from perfdesk.errors import PerfDeskError
from perfdesk.indicator_tree import merge_rows
from perfdesk.model import IndicatorRow, Project
from perfdesk.paths import RESOURCES
from perfdesk.store import Store
from perfdesk.values import fold_width

TEMPLATES_DIR = RESOURCES / "templates"


@dataclass(frozen=True)
class LibraryEntry:
    """One indicator as used across the stored projects."""

    layout: str
    level1: str
    level2: str
    name: str
    count: int
    """In how many places (projects × rows) it is used."""
    last_target: str
    """The 指标值 in the most recently changed project that uses it."""
    last_project_id: int

    @property
    def row(self) -> IndicatorRow:
        return IndicatorRow(self.level1, self.level2, self.name, self.last_target)

    def search_text(self) -> str:
        return _fold(" ".join((self.name, self.level1, self.level2, self.last_target)))


def library_entries(store: Store) -> list[LibraryEntry]:
    """Every indicator of every stored project, most used first, then by name."""
    # Oldest change first, so that the last project seen is the most recent one.
    nodes = store.execute(
        "SELECT p.id, p.layout, n.depth, n.name, n.target FROM indicator_nodes n "
        "JOIN projects p ON p.id = n.project_id "
        "ORDER BY p.updated_at, p.id, n.position"
    )
    counts: dict[tuple[str, str, str, str], int] = {}
    last: dict[tuple[str, str, str, str], tuple[str, int]] = {}
    level1 = level2 = ""
    for project_id, layout, depth, name, target in nodes:
        if depth == 1:
            level1, level2 = name, ""
        elif depth == 2:
            level2 = name
        elif name.strip():
            key = (layout, level1, level2, name)
            counts[key] = counts.get(key, 0) + 1
            last[key] = (target, project_id)
    entries = [
        LibraryEntry(
            *key, count=counts[key], last_target=last[key][0], last_project_id=last[key][1]
        )
        for key in counts
    ]
    entries.sort(key=lambda e: (-e.count, e.name, e.level1, e.level2))
    return entries


def search(entries: Iterable[LibraryEntry], text: str) -> list[LibraryEntry]:
    """Entries containing every word of ``text`` (full-width and case folded)."""
    terms = _fold(text).split()
    return [e for e in entries if all(t in e.search_text() for t in terms)]


def _fold(text: str) -> str:
    return fold_width(text).casefold()


# -- templates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    key: str  # the file name without .json
    name: str  # e.g. 宣传/新媒体
    description: str
    layout: str
    rows: tuple[IndicatorRow, ...]


def load_templates(layout: str, folder: Path = TEMPLATES_DIR) -> list[Template]:
    """The templates that have rows for ``layout``, in file-name order."""
    found: list[Template] = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rows = data["layouts"].get(layout)
            if rows is None:
                continue
            found.append(
                Template(
                    key=path.stem,
                    name=str(data["name"]),
                    description=str(data.get("description", "")),
                    layout=layout,
                    rows=tuple(_template_row(row) for row in rows),
                )
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PerfDeskError(f"指标模板 {path.name} 无法读取：{exc}") from None
    return found


# -- inserting into a project -------------------------------------------------------------


def rows_for(project: Project, rows: Iterable[IndicatorRow], layout: str) -> list[IndicatorRow]:
    """Rows taken from a ``layout`` project, as they belong in ``project``'s layout."""
    return [map_row(row, layout, project.layout) for row in rows]


def insert_rows(project: Project, rows: Iterable[IndicatorRow]) -> int:
    """Merge ``rows`` into the project's indicator tree; returns how many were added.

    See :func:`perfdesk.indicator_tree.merge_rows`: groups are created where the form wants
    them, and an indicator already in its group keeps the officer's 指标值.
    """
    return merge_rows(project.indicators, project.spec, rows)


def _template_row(cells: list[object]) -> IndicatorRow:
    """A template's row: 一级, 二级, 三级 and 指标值 (ValueError for any other count)."""
    level1, level2, name, target = (str(cell) for cell in cells)
    return IndicatorRow(level1, level2, name, target)
