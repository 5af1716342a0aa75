"""What the paper shows: every piece of text a printed form carries, described once.

The renderer (:mod:`perfdesk.printing`) sets these texts, and the missing-character check
(:func:`perfdesk.checks.check` given a font) reads them through :func:`printed_pieces`, so the
two never disagree about what is on the paper. Neither Qt nor ReportLab: the checks use it
without loading the printing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from perfdesk.layouts import FORM, Layout
from perfdesk.location import Location
from perfdesk.model import IndicatorRow, Project

CONTINUED = "（续）"  # a 一级/二级 group cut by a page break shows its label again with it


class FontRole(StrEnum):
    """Which of the print font's faces sets a piece."""

    TITLE = "title"  # the form's and a document's title
    LABEL = "label"  # labels, headings, column headings: the bold face
    TEXT = "text"  # what the officer typed, amounts, captions, page numbers: the regular face


@dataclass(frozen=True)
class PrintedPiece:
    """One text as the paper shows it, with the face it is set in and where it comes from."""

    where: str  # for the officer: “项目名称”, 产出指标 / 数量指标 / 新开栏目数, 表样文字
    role: FontRole
    text: str
    location: Location


@dataclass(frozen=True)
class PrintedSection:
    key: str  # the section's label in the data
    label: str  # as printed: a multi-year project's period follows the period section's label
    text: str


@dataclass(frozen=True)
class PrintedPart:
    heading: str  # "" when the sections print without a heading
    sections: tuple[PrintedSection, ...]


@dataclass(frozen=True)
class PrintedAmount:
    key: str  # the amount's label in the data
    label: str  # as printed
    amount: str  # as printed: in the layout's unit, with its decimals; blank stays blank


def label_text(label: str) -> str:
    """A label as the form prints it beside or above its value."""
    return f"{label}："


def header_cells(project: Project) -> list[list[tuple[str, str, str]]]:
    """The header grid row by row: (field, printed label, value)."""
    return [
        [(key, label_text(key), project.fields.get(key, "")) for key in row]
        for row in project.spec.header_rows()
    ]


def budget_cells(project: Project) -> list[list[PrintedAmount]]:
    """The amounts as printed: column by column on a layout with several budget columns
    (totals on top, their parts below as 其中：…), else row by row, two to a row."""
    spec = project.spec

    def printed(key: str, label: str) -> PrintedAmount:
        return PrintedAmount(key, label, spec.money_shown(project.budget.get(key)))

    if len(spec.budget_columns) > 1:
        return [
            [printed(money.label, spec.budget_label(money.label)) for money in column]
            for column in spec.budget_columns
        ]
    return [
        [printed(key, label_text(spec.money_spec(key).printed)) for key in row]
        for row in spec.budget_grid
    ]


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


def section_label(section: PrintedSection, document: str) -> str:
    """A section's label as printed: above its text on the form, a heading in a document."""
    return label_text(section.label) if document == FORM else section.label


def attached_documents(project: Project) -> tuple[str, ...]:
    """The documents that travel with the form (sh2026: 项目经费情况说明), in order."""
    return tuple(d for d in project.spec.documents if d != FORM)


def document_caption(project: Project) -> str:
    """Under a document's title: the project it belongs to."""
    return f"（{project.name}）" if project.name else ""


def indicator_values(spec: Layout, row: IndicatorRow) -> tuple[str, ...]:
    """An indicator's values in the value columns' print order."""
    return spec.row_values(row.target, row.other_values)


def page_number(page: int, pages: int) -> str:
    return f"第 {page} 页 共 {pages} 页"


def indicator_where(row: IndicatorRow) -> str:
    names = [n for n in (row.level1, row.level2, row.name) if n]
    return " / ".join(names) if names else "（无名称的指标）"


def printed_pieces(project: Project) -> Iterator[PrintedPiece]:
    """Every text the form of ``project`` prints (its documents too), in print order; the
    holding section is never printed and is not among them."""
    spec = project.spec
    own = Location("layout")

    def words(text: str, role: FontRole = FontRole.LABEL) -> PrintedPiece:
        return PrintedPiece("表样文字", role, text, own)

    for document in attached_documents(project):
        yield words(document, FontRole.TITLE)
        name = Location("field", spec.name_field)
        yield PrintedPiece(f"“{spec.name_field}”", FontRole.TEXT, document_caption(project), name)
        yield from _narratives(project, document)
    yield words(spec.title, FontRole.TITLE)
    yield PrintedPiece("年度", FontRole.TEXT, spec.caption(project.year), Location("year"))
    for header_row in header_cells(project):
        for key, label, value in header_row:
            yield words(label)
            yield PrintedPiece(f"“{key}”", FontRole.TEXT, value, Location("field", key))
    for heading in (spec.budget_heading, *spec.row_label_texts):
        yield words(heading)
    for group in budget_cells(project):
        for cell in group:
            yield words(cell.label)
            where = f"“{cell.key}”"
            yield PrintedPiece(where, FontRole.TEXT, cell.amount, Location("budget", cell.key))
    yield from _narratives(project, FORM)
    yield words(spec.targets_caption(project.year))
    for column in spec.table_columns:
        yield words(column)
    for index, row in enumerate(project.rows()):
        location = Location("indicator", (row.level1, row.level2, row.name), index)
        for text in (row.level1, row.level2, row.name, *indicator_values(spec, row)):
            yield PrintedPiece(indicator_where(row), FontRole.TEXT, text, location)
    yield words(CONTINUED, FontRole.TEXT)
    yield words(page_number(1, 1), FontRole.TEXT)


def _narratives(project: Project, document: str) -> Iterator[PrintedPiece]:
    own = Location("layout")
    for part in printed_parts(project, document):
        if part.heading:
            yield PrintedPiece("表样文字", FontRole.LABEL, part.heading, own)
        for section in part.sections:
            yield PrintedPiece("表样文字", FontRole.LABEL, section_label(section, document), own)
            location = Location("section", section.key)
            yield PrintedPiece(f"“{section.key}”", FontRole.TEXT, section.text, location)
