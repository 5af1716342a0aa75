"""Printing the official form as PDF: ReportLab, CJK fonts embedded as subsets, no GUI.

``render_pdf(projects)`` gives the bytes of one PDF, each form starting on a new page;
``find_missing_characters(project, fonts)`` lists what the chosen font cannot draw (ReportLab
would silently leave it out), so the user hears about it before the form goes out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# First: it loads ReportLab's paragraph module before the modules below do (see there).
from perfdesk.printing import paragraph_import  # noqa: F401

# isort: split
from perfdesk.errors import PerfDeskError
from perfdesk.layouts import FORM
from perfdesk.model import Project
from perfdesk.printing.content import attached_documents, printed_parts
from perfdesk.printing.document import build_pdf
from perfdesk.printing.fonts import FontFile, FontSet, installed_fonts, resolve_fonts
from perfdesk.printing.indicators import CONTINUED
from perfdesk.printing.styles import make_styles
from perfdesk.printing.text import printed_characters
from perfdesk.progress import CancelCheck, Progress, Steps

__all__ = [
    "FontFile",
    "FontSet",
    "MissingCharacter",
    "find_missing_characters",
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


@dataclass(frozen=True)
class MissingCharacter:
    """A character the print font cannot draw, and where on the form it is."""

    where: str
    char: str

    def __str__(self) -> str:
        return f"{self.where}：“{self.char}”（U+{ord(self.char):04X}）"


def find_missing_characters(project: Project, fonts: FontSet) -> list[MissingCharacter]:
    """Every character on ``project``'s form that its font lacks, once per place."""
    missing: list[MissingCharacter] = []
    for where, font, text in _printed_texts(project, fonts):
        seen: set[str] = set()
        for char in printed_characters(text):
            if char not in seen and not fonts.can_draw(font, char):
                seen.add(char)
                missing.append(MissingCharacter(where, char))
    return missing


def _printed_texts(project: Project, fonts: FontSet) -> Iterator[tuple[str, str, str]]:
    """(where, font, text) for everything the form prints, as the renderer prints it."""
    spec = project.spec
    yield "标题", fonts.title, spec.title
    yield "年度", fonts.regular, spec.caption(project.year)
    for header_row in spec.header_rows():
        for label in header_row:
            yield label, fonts.bold, label + "："
            yield label, fonts.regular, project.fields.get(label, "")
    for document in (FORM, *attached_documents(project)):
        if document != FORM:
            yield document, fonts.title, document
        for part in printed_parts(project, document):
            yield part.heading, fonts.bold, part.heading
            for section in part.sections:
                yield section.label, fonts.bold, section.label + "："
                yield section.label, fonts.regular, section.text
    yield spec.budget_heading, fonts.bold, spec.budget_heading
    for money in spec.budget:
        printed = spec.budget_label(money.label)
        yield printed, fonts.bold, printed + "："
        amount = spec.money_shown(project.budget.get(money.label))
        yield printed, fonts.regular, amount
    yield (
        "绩效目标",
        fonts.bold,
        spec.targets_caption(project.year) + "".join(spec.table_columns),
    )
    columns = spec.indicator_columns
    for number, row in enumerate(project.rows(), start=1):
        where = f"指标表第 {number} 行" + (f"（{row.name}）" if row.name else "") + "的"
        yield where + columns[0], fonts.regular, row.level1 + CONTINUED
        yield where + columns[1], fonts.regular, row.level2
        yield where + columns[2], fonts.regular, row.name
        yield where + columns[3], fonts.regular, row.target
        for heading, value in zip(spec.other_value_columns, row.other_values, strict=False):
            yield where + heading, fonts.regular, value
    yield "页码", fonts.regular, "第 1 页 共 1 页"
