"""What a form prints, as text: the one reading of the layout both the renderer and the
missing-character check use, so they never disagree about what is on the paper."""

from __future__ import annotations

from dataclasses import dataclass

from perfdesk.layouts import FORM
from perfdesk.model import Project


@dataclass(frozen=True)
class PrintedSection:
    key: str  # the section's label in the data
    label: str  # as printed: a multi-year project's period follows the period section's label
    text: str


@dataclass(frozen=True)
class PrintedPart:
    heading: str  # "" when the sections print without a heading
    sections: tuple[PrintedSection, ...]


def printed_parts(project: Project, document: str = FORM) -> list[PrintedPart]:
    """The narrative parts of ``document`` (the holding section is never among them)."""
    spec = project.spec
    period = spec.period(
        project.fields.get(spec.start_date_field, ""), project.fields.get(spec.end_date_field, "")
    )
    parts = []
    for part in spec.parts_of(document):
        sections = tuple(
            PrintedSection(
                key,
                key + period if key == spec.period_section else key,
                project.sections.get(key, ""),
            )
            for key in part.sections
        )
        parts.append(PrintedPart(part.heading, sections))
    return parts


def attached_documents(project: Project) -> tuple[str, ...]:
    """The documents that travel with the form (sh2026: 项目经费情况说明), in order."""
    return tuple(d for d in project.spec.documents if d != FORM)
