"""Search as you type over thousands of projects, from memory.

Chinese is searched by substrings of one or two characters (科普, 宣传) that the trigram index
cannot serve, so :meth:`Store.list_projects` scans every project's text for such terms. This
index keeps the summaries and the same search text (:meth:`Project.search_text`) in memory and
answers the same questions in a few milliseconds. Whoever changes the store tells the index
(:meth:`refresh` for one project, :meth:`reload` after a bulk change).

Matching is as in the store: every whitespace-separated term must occur; letters match
regardless of case (the store folds case for terms of three characters or more only; here
always).
"""

from __future__ import annotations

from collections.abc import Iterable

from perfdesk.store import ProjectSummary, Store


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._summaries: dict[int, ProjectSummary] = {}
        self._texts: dict[int, str] | None = None
        self.reload_summaries()

    @property
    def has_texts(self) -> bool:
        return self._texts is not None

    def reload_summaries(self) -> None:
        self._summaries = {s.id: s for s in self.store.list_projects()}

    def load_texts(self) -> None:
        """Read every project's search text (a one-off of about 0.1 s for 10,000 projects)."""
        rows = self.store.execute("SELECT rowid, body FROM project_search")
        self._texts = {int(rowid): (body or "").lower() for rowid, body in rows}

    def reload(self) -> None:
        self.reload_summaries()
        if self._texts is not None:
            self.load_texts()

    def refresh(self, project_id: int) -> None:
        """Take one project's current state (or its absence) from the store."""
        row = self.store.execute(
            "SELECT p.id, p.layout, p.year, p.unit, p.name, s.body FROM projects p "
            "LEFT JOIN project_search s ON s.rowid = p.id WHERE p.id = ?",
            [project_id],
        ).fetchone()
        if row is None:
            self._summaries.pop(project_id, None)
            if self._texts is not None:
                self._texts.pop(project_id, None)
            return
        self._summaries[project_id] = ProjectSummary(*row[:5])
        if self._texts is not None:
            self._texts[project_id] = (row[5] or "").lower()

    def count(self) -> int:
        return len(self._summaries)

    def list_projects(
        self, *, year: int | None = None, unit: str | None = None, search: str | None = None
    ) -> list[ProjectSummary]:
        """As :meth:`Store.list_projects`: projects in id order, filtered."""
        terms = [term.lower() for term in (search or "").split()]
        if terms and self._texts is None:
            return self.store.list_projects(year=year, unit=unit, search=search)
        found: Iterable[ProjectSummary] = self._summaries.values()
        if year is not None:
            found = [s for s in found if s.year == year]
        if unit is not None:
            found = [s for s in found if s.unit == unit]
        if terms:
            texts = self._texts or {}
            found = [s for s in found if all(t in texts.get(s.id, "") for t in terms)]
        return sorted(found, key=lambda s: s.id)
