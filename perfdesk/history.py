"""Undo and redo for every change the officer makes, across all projects.

Each change remembers the project as it was before and after (whole snapshots from
:meth:`Project.clone`; a form is small). Undoing stores the *before* snapshot again, redoing the
*after* one: a save for an edit, a delete for a creation, a put-back under the same id for a
deletion. Every step is one store transaction, so the file is always in a state the officer saw.

Consecutive edits with the same ``merge_key`` (typing in one field) merge into one step, the
way Qt's ``QUndoCommand.mergeWith`` does; :meth:`History.seal` ends such a run (focus moved on),
and so does a pause of ``MERGE_SECONDS``: one undo never takes away a whole afternoon's writing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from perfdesk.model import Project
from perfdesk.store import ImportOutcome, OnDuplicate, Store

DEFAULT_LIMIT = 500
MERGE_SECONDS = 5.0


@dataclass(frozen=True)
class Change:
    """One undo step: project ``project_id`` went from ``before`` to ``after``.

    ``before is None`` means the step created the project, ``after is None`` that it deleted it.
    """

    description: str
    project_id: int
    before: Project | None
    after: Project | None
    merge_key: str | None = None
    also: tuple[Change, ...] = ()  # further projects changed in the same step (an import)

    @property
    def parts(self) -> tuple[Change, ...]:
        return (self, *self.also)

    @property
    def created(self) -> bool:
        return self.before is None

    @property
    def deleted(self) -> bool:
        return self.after is None


class History:
    """The undo and redo stacks over one store. All writes of the editor go through here."""

    def __init__(
        self,
        store: Store,
        *,
        limit: int = DEFAULT_LIMIT,
        merge_seconds: float = MERGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.limit = limit
        self.merge_seconds = merge_seconds
        self.clock = clock
        self._last_push = float("-inf")
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._merge_open = False
        self.listeners: list[Callable[[], None]] = []

    # -- what the UI shows ----------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_description(self) -> str:
        return self._undo[-1].description if self._undo else ""

    def redo_description(self) -> str:
        return self._redo[-1].description if self._redo else ""

    def __len__(self) -> int:
        return len(self._undo)

    # -- commands: each stores at once and becomes one undo step ----------------------------

    def edit(
        self,
        project_id: int,
        change: Callable[[Project], None],
        description: str,
        *,
        merge_key: str | None = None,
    ) -> Project:
        """Apply ``change`` to the stored project, store it, and return the new state."""
        before = self.store.get(project_id)
        after = before.clone()
        change(after)
        self.record(before, after, description, merge_key=merge_key)
        return after

    def record(
        self,
        before: Project,
        after: Project,
        description: str,
        *,
        merge_key: str | None = None,
    ) -> bool:
        """Store ``after`` in place of ``before``; False (and nothing stored) if they are equal."""
        if after.id is None or before.id != after.id:
            raise ValueError("an edit keeps the project's id")
        if before == after:
            return False
        self.store.save(after)
        self._push(Change(description, after.id, before.clone(), after.clone(), merge_key))
        return True

    def create(self, project: Project, description: str) -> int:
        project_id = self.store.add(project)
        self._push(Change(description, project_id, None, self.store.get(project_id)))
        return project_id

    def create_many(self, projects: list[Project], description: str) -> list[int]:
        """Store several new projects in one transaction and one step: one undo removes all."""
        if not projects:
            return []
        ids = self.store.add_many(projects)
        parts = tuple(Change(description, i, None, self.store.get(i)) for i in ids)
        self._push(replace(parts[0], also=parts[1:]))
        return ids

    def import_projects(
        self, projects: list[Project], choices: list[OnDuplicate], description: str
    ) -> ImportOutcome:
        """Store imported forms (see :meth:`Store.store_imported`) in one transaction and one
        step: one undo removes the added ones and puts the replaced ones back."""
        outcome = self.store.store_imported(projects, choices)
        parts = [Change(description, i, None, self.store.get(i)) for i in outcome.added]
        parts += [
            Change(description, i, before, self.store.get(i)) for i, before in outcome.replaced
        ]
        if parts:
            self._push(replace(parts[0], also=tuple(parts[1:])))
        return outcome

    def duplicate(self, project_id: int, description: str) -> int:
        new_id = self.store.duplicate(project_id)
        self._push(Change(description, new_id, None, self.store.get(new_id)))
        return new_id

    def copy_to_next_year(self, project_id: int, description: str) -> int:
        new_id = self.store.copy_to_next_year(project_id)
        self._push(Change(description, new_id, None, self.store.get(new_id)))
        return new_id

    def delete(self, project_id: int, description: str) -> Project:
        project = self.store.delete(project_id)
        self._push(Change(description, project_id, project.clone(), None))
        return project

    def seal(self) -> None:
        """End a run of merging edits: the next edit is a step of its own."""
        self._merge_open = False

    def undo(self) -> Change | None:
        """Go back one step; returns it (the UI shows its project), or None if there is none."""
        if not self._undo:
            return None
        change = self._undo.pop()
        with self.store.transaction():
            for part in change.parts:
                self._apply(part.project_id, part.before)
        self._redo.append(change)
        self._merge_open = False
        self._notify()
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        with self.store.transaction():
            for part in change.parts:
                self._apply(part.project_id, part.after)
        self._undo.append(change)
        self._merge_open = False
        self._notify()
        return change

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._merge_open = False
        self._notify()

    # -- internals ----------------------------------------------------------------------

    def _push(self, change: Change) -> None:
        self._redo.clear()
        top = self._undo[-1] if self._undo else None
        now = self.clock()
        recent = now - self._last_push <= self.merge_seconds
        self._last_push = now
        if (
            self._merge_open
            and recent
            and top is not None
            and change.merge_key is not None
            and top.merge_key == change.merge_key
            and top.project_id == change.project_id
            and top.after is not None
        ):
            self._undo[-1] = Change(
                top.description, top.project_id, top.before, change.after, top.merge_key
            )
        else:
            self._undo.append(change)
            del self._undo[: -self.limit]
        self._merge_open = change.merge_key is not None
        self._notify()

    def _apply(self, project_id: int, state: Project | None) -> None:
        """Make the store hold ``state`` for ``project_id`` (None: no such project)."""
        exists = self.store.exists(project_id)
        if state is None:
            if exists:
                self.store.delete(project_id)
        elif exists:
            self.store.save(state.clone())
        else:
            self.store.put_back(state.clone())

    def _notify(self) -> None:
        for listener in self.listeners:
            listener()
