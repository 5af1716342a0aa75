"""Search as you type over thousands of projects, from memory.

Chinese is searched by substrings of one or two characters (科普, 宣传) that the trigram index
cannot serve, so :meth:`Store.list_projects` scans every project's text for such terms. This
index keeps the summaries and the same search text (:meth:`Project.search_text`) in memory and
answers the same questions in a few milliseconds. Whoever changes the store tells the index
(:meth:`refresh` for one project, :meth:`reload` after a bulk change).

Reading the texts takes a tenth of a second at 10,000 projects, so a window reads them in
another thread (:meth:`read_texts`, through a connection of its own) and hands them over
(:meth:`take_texts`); what changed meanwhile is read again then.

Matching is as in the store: every whitespace-separated term must occur; letters match
regardless of case (the store folds case for terms of three characters or more only; here
always).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from perfdesk.store import ProjectSummary, Store, read_search_texts


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._summaries: dict[int, ProjectSummary] = {}
        self._texts: dict[int, str] | None = None
        self._changed_while_reading: set[int] = set()
        self._reloaded_while_reading = False
        self._ordered: list[tuple[ProjectSummary, str]] | None = None  # (built when searched)
        self.reload_summaries()

    @property
    def has_texts(self) -> bool:
        return self._texts is not None

    def reload_summaries(self) -> None:
        self._summaries = {s.id: s for s in self.store.list_projects()}
        self._ordered = None

    def load_texts(self) -> None:
        """Read every project's search text here and now."""
        self.take_texts(self.read_texts())

    def read_texts(self) -> dict[int, str]:
        """Every project's search text, lower-cased; safe to call from another thread."""
        self._changed_while_reading.clear()
        self._reloaded_while_reading = False
        return read_search_texts(self.store.path)

    def take_texts(self, texts: dict[int, str]) -> bool:
        """Search from ``texts`` (from :meth:`read_texts`), brought up to date with the
        projects changed since; False (nothing taken) if everything changed meanwhile."""
        if self._reloaded_while_reading:
            return False
        self._texts = texts
        self._ordered = None
        for project_id in self._changed_while_reading:
            self.refresh(project_id)
        self._changed_while_reading.clear()
        return True

    def reload(self) -> None:
        self.reload_summaries()
        if self._texts is not None:
            self.load_texts()
        else:
            self._reloaded_while_reading = True

    def refresh(self, project_id: int) -> None:
        """Take one project's current state (or its absence) from the store."""
        row = self.store.execute(
            "SELECT p.id, p.layout, p.year, p.unit, p.name, s.body FROM projects p "
            "LEFT JOIN project_search s ON s.rowid = p.id WHERE p.id = ?",
            [project_id],
        ).fetchone()
        if self._texts is None:
            self._changed_while_reading.add(project_id)
        if row is None:
            self._summaries.pop(project_id, None)
            if self._texts is not None:
                self._texts.pop(project_id, None)
            self._replace_ordered(project_id, None)
            return
        summary = ProjectSummary(*row[:5])
        self._summaries[project_id] = summary
        text = (row[5] or "").lower()
        if self._texts is not None:
            self._texts[project_id] = text
        self._replace_ordered(project_id, (summary, text))

    def _replace_ordered(self, project_id: int, pair: tuple[ProjectSummary, str] | None) -> None:
        """One project changed in the id-ordered pairs, in place (an edit costs no rebuild)."""
        ordered = self._ordered
        if ordered is None:
            return
        at = bisect_left(ordered, project_id, key=_pair_id)
        here = at < len(ordered) and ordered[at][0].id == project_id
        if pair is None:
            if here:
                del ordered[at]
        elif here:
            ordered[at] = pair
        else:
            ordered.insert(at, pair)

    def count(self) -> int:
        return len(self._summaries)

    def list_projects(
        self, *, year: int | None = None, unit: str | None = None, search: str | None = None
    ) -> list[ProjectSummary]:
        """As :meth:`Store.list_projects`: projects in id order, filtered."""
        terms = [term.lower() for term in (search or "").split()]
        if terms and self._texts is None:
            return self.store.list_projects(year=year, unit=unit, search=search)
        # (summary, text) pairs in id order, narrowed filter by filter: at 50,000 projects
        # each pass is one list comprehension, a keystroke's search a few of them.
        found = self._in_id_order()
        if year is not None:
            found = [pair for pair in found if pair[0].year == year]
        if unit is not None:
            found = [pair for pair in found if pair[0].unit == unit]
        for term in terms:
            found = [pair for pair in found if term in pair[1]]
        return [summary for summary, _text in found]

    def _in_id_order(self) -> list[tuple[ProjectSummary, str]]:
        if self._ordered is None:
            texts = self._texts or {}
            self._ordered = [
                (summary, texts.get(summary.id, ""))
                for summary in sorted(self._summaries.values(), key=_by_id)
            ]
        return self._ordered


_by_id = attrgetter("id")


def _pair_id(pair: tuple[ProjectSummary, str]) -> int:
    return pair[0].id
