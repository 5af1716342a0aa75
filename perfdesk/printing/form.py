"""One function per part of the printed form: title, header grid, narratives, budget, targets.

Every part reads its labels from the project's :class:`~perfdesk.layouts.Layout`; what
differs between layouts beyond that lives in :mod:`perfdesk.printing.specifics`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from perfdesk.model import Project
from perfdesk.printing.blocks import flowing_text, label_text, labelled_grid
from perfdesk.printing.indicators import IndicatorTable
from perfdesk.printing.specifics import specifics_for
from perfdesk.printing.styles import (
    CELL_PADDING,
    FRAME_WIDTH,
    GRID_COLOR,
    GRID_WIDTH,
    LABEL_BACKGROUND,
    PUNCTUATION_HANG,
    FormStyles,
    grid_style,
)
from perfdesk.printing.text import TextBlock, markup


class Title(Flowable):  # type: ignore[misc]
    """The form's title, centred; drawn with an outline when the font has no bold face."""

    def __init__(self, text: str, styles: FormStyles) -> None:
        super().__init__()
        self.text = text
        self.style = styles.title
        self.fake_bold = styles.fonts.title_fake_bold

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text = canvas.beginText()
        text.setFont(self.style.fontName, self.style.fontSize)
        if self.fake_bold:
            text.setTextRenderMode(2)  # fill and stroke: a heavier stroke, like bold
            canvas.setLineWidth(self.style.fontSize / 30)
        width = stringWidth(self.text, self.style.fontName, self.style.fontSize)
        text.setTextOrigin((self.width - width) / 2, self.style.leading - self.style.fontSize)
        text.textOut(self.text)
        canvas.drawText(text)


def title_part(project: Project, styles: FormStyles) -> list[Flowable]:
    spec = project.spec
    return [
        Title(spec.title, styles),
        TextBlock(markup(spec.caption(project.year)), styles.caption),
        Spacer(1, 4 * mm),
    ]


def header_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """The header fields as a bordered grid: one or two label–value pairs per row."""
    rows = specifics_for(project.layout).header_rows(project.spec)
    pairs = [[(label_text(label), project.fields.get(label, "")) for label in row] for row in rows]
    return [labelled_grid(pairs, styles)]


def section_label(project: Project, label: str) -> str:
    """A section's printed label; the period of a multi-year project follows its own."""
    spec = project.spec
    if label == spec.period_section:
        start = project.fields.get(spec.start_date_field, "")
        end = project.fields.get(spec.end_date_field, "")
        label += spec.period(start, end)
    return label_text(label)


def narratives_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """The form's narrative sections, part by part: each full width, its label, then its
    text, flowing over pages. A part with a heading (项目绩效目标) prints it above them."""
    flowables: list[Flowable] = []
    for part in project.spec.parts_of("form"):
        flowables += _sections_table(project, part.heading, part.sections, styles)
    return flowables


def _sections_table(
    project: Project, heading: str, sections: tuple[str, ...], styles: FormStyles
) -> list[Flowable]:
    text_width = FRAME_WIDTH - 2 * CELL_PADDING - PUNCTUATION_HANG
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        *grid_style(),
        ("GRID", (0, 0), (-1, -1), 0, colors.white),  # lines only where drawn below
        ("BOX", (0, 0), (-1, -1), GRID_WIDTH, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if heading:
        data.append([TextBlock(markup(heading), styles.heading)])
        commands += [
            ("BACKGROUND", (0, 0), (0, 0), LABEL_BACKGROUND),
            ("LINEBELOW", (0, 0), (0, 0), GRID_WIDTH, GRID_COLOR),
        ]
    for label in sections:
        top = len(data)
        data.append([TextBlock(markup(section_label(project, label)), styles.label)])
        data.extend(
            [p] for p in flowing_text(project.sections.get(label, ""), styles.body, text_width)
        )
        bottom = len(data) - 1
        commands += [
            ("BACKGROUND", (0, top), (0, top), LABEL_BACKGROUND),
            ("LINEABOVE", (0, top), (0, top), GRID_WIDTH, GRID_COLOR),
            ("LINEBELOW", (0, bottom), (0, bottom), GRID_WIDTH, GRID_COLOR),
            ("TOPPADDING", (0, top + 1), (0, bottom), 0),
            ("BOTTOMPADDING", (0, top + 1), (0, bottom), 0),
            ("TOPPADDING", (0, top + 1), (0, top + 1), CELL_PADDING),
            ("BOTTOMPADDING", (0, bottom), (0, bottom), CELL_PADDING),
        ]
    if not data:
        return []
    return [Table(data, colWidths=[FRAME_WIDTH], style=TableStyle(commands))]


def documents_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """Documents that travel with the form (sh2026's 项目经费情况说明), each from a new page:
    its title, the project's name, then its sections."""
    spec = project.spec
    flowables: list[Flowable] = []
    for document in spec.documents[1:]:
        flowables += [
            PageBreak(),
            Title(document, styles),
            Spacer(1, 2 * mm),
            TextBlock(markup(label_text(spec.name_field) + project.name), styles.body),
            Spacer(1, 3 * mm),
        ]
        for part in spec.parts_of(document):
            heading = "" if part.heading == document else part.heading
            flowables += _sections_table(project, heading, part.sections, styles)
    return flowables


def budget_part(project: Project, styles: FormStyles) -> list[Flowable]:
    return specifics_for(project.layout).budget_block(project, styles)


def targets_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """The ``YYYY年绩效目标`` heading and the indicator table (never a lone heading)."""
    spec = project.spec
    return [
        CondPageBreak(30 * mm),
        Spacer(1, 3 * mm),
        TextBlock(markup(spec.targets_caption(project.year)), styles.heading),
        Spacer(1, 2 * mm),
        IndicatorTable(
            project.rows(),
            spec.indicator_columns,
            specifics_for(project.layout).indicator_widths,
            styles,
        ),
    ]


FormPart = Callable[[Project, FormStyles], list[Flowable]]
FORM_PARTS: dict[str, FormPart] = {
    "title": title_part,
    "header": header_part,
    "narratives": narratives_part,
    "budget": budget_part,
    "targets": targets_part,
    "documents": documents_part,
}


def form_flowables(project: Project, styles: FormStyles) -> list[Flowable]:
    """The whole form of one project, part by part in the layout's print order."""
    order = specifics_for(project.layout).part_order
    return [flowable for name in order for flowable in FORM_PARTS[name](project, styles)]
