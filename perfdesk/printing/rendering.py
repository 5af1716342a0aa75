"""Forms laid out as one PDF with what their font cannot draw: what a preview shows, a printer
gets and 导出PDF writes. Qt-free, so it runs in a worker thread or a child process
(:func:`render_stored`, through :func:`perfdesk.apart.run_apart`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from perfdesk.checks import Finding, missing_characters
from perfdesk.fileio import atomic_write
from perfdesk.model import Project
from perfdesk.printing import FontSet, render_pdf, resolve_fonts
from perfdesk.progress import Steps
from perfdesk.store import read_projects


@dataclass(frozen=True)
class Rendered:
    """Forms laid out as a PDF, with what their print font cannot draw."""

    projects: list[Project]
    pdf: bytes
    fonts: FontSet
    missing: list[tuple[str, Finding]]  # (project name, what its font cannot draw)


def render(projects: Sequence[Project], fonts: FontSet, steps: Steps) -> Rendered:
    """Lay out ``projects`` and look for characters the font lacks."""
    pdf = render_pdf(projects, fonts, progress=steps.progress, cancelled=steps.cancelled)
    missing = [
        (project.name, finding)
        for project in projects
        for finding in missing_characters(project, fonts.draws)
    ]
    return Rendered(list(projects), pdf, fonts, missing)


def render_stored(
    database: Path,
    ids: Sequence[int],
    font: Path | None,
    write_to: Path | None,
    steps: Steps,
) -> Rendered:
    """The projects ``ids`` read from ``database`` and laid out with ``font`` (None: the
    system's); with ``write_to`` the PDF is written there too (nothing when cancelled)."""
    projects = read_projects(database, ids, steps.stage(0, 2))
    rendered = render(projects, resolve_fonts(font), steps.stage(1, 2))
    if write_to is not None:
        steps.check()
        atomic_write(write_to, rendered.pdf)
    return rendered
