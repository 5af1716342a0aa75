"""Search as you type over tens of thousands of projects.

The window's list keeps every project's summary in memory and asks the store only which
projects hold the typed terms (:meth:`Store.matching_ids`, through its full-text indexes: a few
milliseconds at 10,000 projects), so a keystroke's search is one query and one pass over the
summaries, and no project's text is held in memory. The answers are the store's own
(:meth:`Store.list_projects`). Whoever changes the store tells the index (:meth:`refresh` for
one project, :meth:`reload` after a bulk change).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from perfdesk.store import ProjectSummary, Store


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._summaries: dict[int, ProjectSummary] = {}
        self._ordered: list[ProjectSummary] | None = None  # in id order (built when listed)
        self.reload()

    def reload(self) -> None:
        self._summaries = {s.id: s for s in self.store.list_projects()}
        self._ordered = None

    def refresh(self, project_id: int) -> None:
        """Take one project's current state (or its absence) from the store."""
        row = self.store.execute(
            "SELECT id, layout, year, unit, name FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        summary = None if row is None else ProjectSummary(*row)
        if summary is None:
            self._summaries.pop(project_id, None)
        else:
            self._summaries[project_id] = summary
        ordered = self._ordered
        if ordered is None:
            return
        # in place: an edit costs no rebuild
        at = bisect_left(ordered, project_id, key=_by_id)
        here = at < len(ordered) and ordered[at].id == project_id
        if summary is None:
            if here:
                del ordered[at]
        elif here:
            ordered[at] = summary
        else:
            ordered.insert(at, summary)

    def count(self) -> int:
        return len(self._summaries)

    def list_projects(
        self, *, year: int | None = None, unit: str | None = None, search: str | None = None
    ) -> list[ProjectSummary]:
        """As :meth:`Store.list_projects`: projects in id order, filtered."""
        if self._ordered is None:
            self._ordered = sorted(self._summaries.values(), key=_by_id)
        # at 50,000 projects each pass is one list comprehension
        found = self._ordered
        if year is not None:
            found = [s for s in found if s.year == year]
        if unit is not None:
            found = [s for s in found if s.unit == unit]
        if search and search.split():
            holding = self.store.matching_ids(search)
            found = [s for s in found if s.id in holding]
        return list(found)


_by_id = attrgetter("id")
