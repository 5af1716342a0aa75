"""Excel and Word exports straight from the database: what 导出Excel… and 导出Word… run in a
child process (:func:`perfdesk.apart.run_apart`), so the window never waits on them."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from perfdesk.progress import Steps
from perfdesk.store import read_projects


class ExportKind(StrEnum):
    XLSX = "xlsx"
    DOCX = "docx"


def export_stored(
    kind: ExportKind, database: Path, ids: Sequence[int], path: Path, steps: Steps
) -> Path:
    """The projects ``ids`` of ``database`` written to ``path``; cancelled, no file."""
    projects = read_projects(database, ids, steps.stage(0, 2))
    writing = steps.stage(1, 2)
    if kind is ExportKind.XLSX:
        from perfdesk.exporting.xlsx import export_xlsx as write
    else:
        from perfdesk.exporting.docx import export_docx as write
    write(projects, path, progress=writing.progress, cancelled=writing.cancelled)
    return path
