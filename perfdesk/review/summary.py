"""年度审核汇总: every project of a year with its grade, score and main reasons, for the unit's
finance chief to see at a glance which forms need work before they go to the bureau.

The same summary is shown in the window, exported to Excel and printed as the 单位内部审核表
(:mod:`perfdesk.printing.review_sheet`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from perfdesk.progress import CancelCheck, Progress, Steps
from perfdesk.review.batch import last_year_index, reviewed_projects
from perfdesk.review.engine import rule_book
from perfdesk.store import Store

REASONS_SHOWN = 3  # the reasons that raise the grade most; the panel lists them all


@dataclass(frozen=True)
class SummaryRow:
    project_id: int
    year: int
    unit: str
    name: str
    grade: str
    score: float
    reasons: tuple[str, ...]

    def reasons_text(self) -> str:
        """The reasons numbered, one a line (as the sheet, the workbook and the window show them)."""
        return "\n".join(f"{n}. {reason}" for n, reason in enumerate(self.reasons, start=1))


@dataclass(frozen=True)
class ReviewSummary:
    year: int | None  # None: every year
    rows: tuple[SummaryRow, ...]  # the weakest first: what needs work comes first

    @property
    def period(self) -> str:
        return "全部年度" if self.year is None else f"{self.year}年度"

    def counts(self) -> list[tuple[str, int]]:
        """How many forms got each grade, best grade first (every grade, even at 0)."""
        found = {grade: 0 for grade, _ in rule_book().grades}
        for row in self.rows:
            found[row.grade] = found.get(row.grade, 0) + 1
        return list(found.items())

    def units(self) -> list[str]:
        return sorted({row.unit for row in self.rows if row.unit})


def summarize(
    store: Store,
    *,
    year: int | None = None,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ReviewSummary:
    """Review the projects of ``year`` (or ``ids``; or all) in ``store``.

    ``progress``/``cancelled`` as every long job (:mod:`perfdesk.progress`).
    """
    summaries = store.list_projects()
    wanted = [s.id for s in summaries if year is None or s.year == year] if ids is None else ids
    index = last_year_index(summaries)
    rows = [
        SummaryRow(
            r.project_id,
            r.year,
            r.unit,
            r.name,
            r.review.grade,
            r.review.score,
            tuple(r.review.reasons(REASONS_SHOWN)),
        )
        for r in reviewed_projects(store, wanted, index, Steps(progress, cancelled))
    ]
    rows.sort(key=lambda row: (row.score, row.project_id))
    return ReviewSummary(year, tuple(rows))
