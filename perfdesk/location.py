"""Where something is on a form: what a finding points at and the window goes to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# "layout": the form's own words (title, labels, headings), which the officer cannot edit
LocationKind = Literal["field", "section", "budget", "indicator", "year", "layout"]


@dataclass(frozen=True)
class Location:
    """Where a finding is.

    ``key`` is a field, section or amount label; for an indicator the (一级, 二级, 三级) names,
    with ``row`` its position in :meth:`Project.rows` (a missing 一级 group has ``row`` None).
    """

    kind: LocationKind
    key: str | tuple[str, str, str] = ""
    row: int | None = None
