"""Printing the official form as PDF: ReportLab, CJK fonts embedded as subsets, no GUI.

``render_pdf(projects)`` gives the bytes of one PDF, each form starting on a new page. What
the chosen font cannot draw (ReportLab would silently leave it out) is found by
:func:`perfdesk.checks.missing_characters` with ``fonts.draws``, from the same description of
the paper (:mod:`perfdesk.paper`) that the form is set from.
"""

from __future__ import annotations

from collections.abc import Sequence

# First: it loads ReportLab's paragraph module before the modules below do (see there).
from perfdesk.printing import paragraph_import  # noqa: F401

# isort: split
from perfdesk.errors import PerfDeskError
from perfdesk.model import Project
from perfdesk.printing.document import build_pdf
from perfdesk.printing.fonts import FontFile, FontSet, installed_fonts, resolve_fonts
from perfdesk.printing.styles import make_styles
from perfdesk.progress import CancelCheck, Progress, Steps

__all__ = [
    "FontFile",
    "FontSet",
    "installed_fonts",
    "render_pdf",
    "resolve_fonts",
]


def render_pdf(
    projects: Sequence[Project],
    fonts: FontSet | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The forms of ``projects`` as one PDF.

    ``progress(done, total)`` is called as each form is laid out; once ``cancelled()``
    answers True the run stops with :class:`perfdesk.progress.Cancelled`.
    """
    if not projects:
        raise PerfDeskError("没有要打印的项目")
    return build_pdf(projects, make_styles(fonts or resolve_fonts()), Steps(progress, cancelled))
