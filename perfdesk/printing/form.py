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
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

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

INDICATOR_WIDTHS = (24 * mm, 24 * mm, 68 * mm, 40 * mm)  # 156 mm: the type area


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


def narratives_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """Each narrative section full width: its label, then its text, flowing over pages."""
    text_width = FRAME_WIDTH - 2 * CELL_PADDING - PUNCTUATION_HANG
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        *grid_style(),
        ("GRID", (0, 0), (-1, -1), 0, colors.white),  # lines only where drawn below
        ("BOX", (0, 0), (-1, -1), GRID_WIDTH, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for label in project.spec.sections:
        top = len(data)
        data.append([TextBlock(markup(label_text(label)), styles.label)])
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
        IndicatorTable(project.rows(), spec.indicator_columns, INDICATOR_WIDTHS, styles),
    ]


FormPart = Callable[[Project, FormStyles], list[Flowable]]
FORM_PARTS: tuple[FormPart, ...] = (
    title_part,
    header_part,
    narratives_part,
    budget_part,
    targets_part,
)


def form_flowables(project: Project, styles: FormStyles) -> list[Flowable]:
    """The whole form of one project, part by part."""
    return [flowable for part in FORM_PARTS for flowable in part(project, styles)]
