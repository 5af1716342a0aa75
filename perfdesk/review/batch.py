"""Reviewing many projects straight from the database file: ``perfdesk review --all``.

Ten thousand forms take a few seconds in one process; with several processor cores the ids
are split between worker processes, each reading the file on its own (SQLite allows many
readers) and giving back finished lines of output, so reading, reviewing and writing JSON all
run side by side.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from perfdesk.model import Project
from perfdesk.progress import Steps
from perfdesk.review.engine import Review, review
from perfdesk.store import ProjectSummary, Store

WORKER_MINIMUM = 2000  # fewer projects: starting the workers costs more than it gains
_Key = tuple[str, str, int]  # unit, name, year


@dataclass(frozen=True)
class Reviewed:
    project_id: int
    name: str
    review: Review
    unit: str = ""
    year: int = 0

    def json_line(self) -> str:
        return json.dumps(
            {
                "id": self.project_id,
                "grade": self.review.grade,
                "score": self.review.score,
                "findings": [f.as_json() for f in self.review.findings],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def text_lines(self) -> list[str]:
        head = f"{self.project_id:>5}  {self.review.grade}  {self.review.score:5.1f}  {self.name}"
        return [head, *(f"         [{f.dimension}] {f.message}" for f in self.review.findings)]


def review_projects(
    db_path: Path, ids: Sequence[int] | None, render: Callable[[Reviewed], str]
) -> list[str]:
    """``render`` of each project's review, in the order of ``ids`` (None: every project in id
    order). A missing id raises :class:`~perfdesk.errors.NotFoundError` before any output."""
    with Store.open_for_reading(db_path) as store:
        summaries = store.list_projects()
        wanted = [s.id for s in summaries] if ids is None else list(ids)
        for project_id in wanted:
            if not store.exists(project_id):
                store.get(project_id)  # raises the plain-Chinese not-found error
    index = last_year_index(summaries)
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(wanted) < WORKER_MINIMUM:
        return _review_chunk(db_path, wanted, index, render)
    size = -(-len(wanted) // workers)
    chunks = [wanted[i : i + size] for i in range(0, len(wanted), size)]
    from concurrent.futures import ProcessPoolExecutor  # loads multiprocessing: only here

    with ProcessPoolExecutor(workers) as pool:
        parts = pool.map(
            _review_chunk,
            [db_path] * len(chunks),
            chunks,
            [index] * len(chunks),
            [render] * len(chunks),
        )
        return [line for part in parts for line in part]


def last_year_index(summaries: Sequence[ProjectSummary]) -> dict[_Key, int]:
    """Where to find last year's form of a project: same unit and name, one year earlier."""
    return {(s.unit, s.name, s.year): s.id for s in summaries}


def reviewed_projects(
    store: Store, ids: Sequence[int], index: dict[_Key, int], steps: Steps | None = None
) -> Iterator[Reviewed]:
    """Each of ``ids`` reviewed against last year's form; ``steps`` hears of each."""
    steps = steps or Steps()
    for done, project_id in enumerate(ids):
        steps(done, len(ids))
        project = store.get(project_id)
        yield Reviewed(
            project_id,
            project.name,
            review(project, _last_year(store, project, index)),
            project.unit,
            project.year,
        )
    steps(len(ids), len(ids))


def _review_chunk(
    db_path: Path, ids: list[int], index: dict[_Key, int], render: Callable[[Reviewed], str]
) -> list[str]:
    with Store.open_for_reading(db_path) as store:
        return [render(reviewed) for reviewed in reviewed_projects(store, ids, index)]


def _last_year(store: Store, project: Project, index: dict[_Key, int]) -> Project | None:
    found = index.get((project.unit, project.name, project.year - 1))
    return store.get(found) if found is not None and found != project.id else None


def as_json(reviewed: Reviewed) -> str:
    return reviewed.json_line()


def as_text(reviewed: Reviewed) -> str:
    return "\n".join(reviewed.text_lines())
