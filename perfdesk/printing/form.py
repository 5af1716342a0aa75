"""One function per part of the printed form: title, header grid, narratives, budget, targets.

Every part reads its labels, and the form its order of parts, from the project's
:class:`~perfdesk.layouts.Layout`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from perfdesk.layouts import FORM, Layout
from perfdesk.model import Project
from perfdesk.paper import (
    PrintedPart,
    budget_cells,
    document_caption,
    header_cells,
    printed_parts,
    section_label,
)
from perfdesk.printing.blocks import ClosedTable, budget_grid, flowing_text, labelled_grid
from perfdesk.printing.indicators import IndicatorTable, with_value_columns
from perfdesk.printing.row_label import RowLabelled, row_label_width
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
_CELL_SIDES = 2 * CELL_PADDING + PUNCTUATION_HANG  # a cell's width beyond its text


def _characters_per_line(names: Sequence[str]) -> int:
    """The fewest characters a line needs so that each name takes one line, or two lines
    of which the second has at least two characters (never one orphan character)."""
    longest = max((len(name) for name in names), default=1)
    for count in range(1, longest + 1):
        if all(len(n) <= count or count + 2 <= len(n) <= 2 * count for n in names):
            return count
    return longest


def indicator_widths(
    spec: Layout, styles: FormStyles, width: float = FRAME_WIDTH
) -> tuple[float, ...]:
    """The indicator table's columns: the 一级 and 二级 columns wide enough for the layout's
    standard names (at least the usual width), the 三级 column giving up what they take; a
    table narrower than the type area (beside a row label) narrows the value column, whose
    values are short."""
    font, size = styles.cell.fontName, styles.cell.fontSize
    widths = list(INDICATOR_WIDTHS)
    widths[-1] -= FRAME_WIDTH - width
    for column, names in ((0, spec.level1_names), (1, [n for s in spec.level1 for n in s.level2])):
        count = _characters_per_line(names)
        text = max((stringWidth(n[:count], font, size) for n in names), default=0.0)
        needed = text + _CELL_SIDES + 0.5  # half a point: rounding must not wrap the line
        widths[2] -= max(0.0, needed - widths[column])
        widths[column] = max(widths[column], needed)
    return tuple(widths)


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
    pairs = [[(label, value) for _key, label, value in row] for row in header_cells(project)]
    return [labelled_grid(pairs, styles)]


def narratives_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """Each narrative section full width: its label, then its text, flowing over pages;
    sections grouped under a part heading where the layout has one. On a layout printed as
    one grid, a part's sections stand side by side beside its heading written upright."""
    if project.spec.row_labels:
        return [_side_by_side(part, project.spec, styles) for part in printed_parts(project)]
    text_width = FRAME_WIDTH - 2 * CELL_PADDING - PUNCTUATION_HANG
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        *grid_style(styles, lines=False),  # lines around each section only, drawn below
        ("BOX", (0, 0), (-1, -1), GRID_WIDTH, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for part in printed_parts(project):
        if part.heading:
            row = len(data)
            data.append([TextBlock(markup(part.heading), styles.heading)])
            commands += [
                ("BACKGROUND", (0, row), (0, row), LABEL_BACKGROUND),
                ("LINEABOVE", (0, row), (0, row), GRID_WIDTH, GRID_COLOR),
            ]
        for section in part.sections:
            top = len(data)
            data.append([TextBlock(markup(section_label(section, FORM)), styles.label)])
            data.extend([p] for p in flowing_text(section.text, styles.body, text_width))
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
    return [ClosedTable(data, colWidths=[FRAME_WIDTH], style=TableStyle(commands))]


def _side_by_side(part: PrintedPart, spec: Layout, styles: FormStyles) -> Flowable:
    """A part's sections as columns, labels above texts (sh2026: 项目总体目标 | 年度总体目标),
    beside the part's heading written upright; a long text continues on the next page."""
    label_width = row_label_width(spec.row_label_texts, styles)
    width = FRAME_WIDTH - label_width if part.heading else FRAME_WIDTH
    count = max(len(part.sections), 1)
    column = width / count
    text_width = column - 2 * CELL_PADDING - PUNCTUATION_HANG
    labels = [TextBlock(markup(section_label(s, FORM)), styles.label) for s in part.sections]
    texts = [flowing_text(s.text, styles.body, text_width) for s in part.sections]
    commands: list[tuple[Any, ...]] = [
        *grid_style(styles),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ]
    table = ClosedTable(
        [labels, texts], colWidths=[column] * count, style=TableStyle(commands), splitInRow=1
    )
    if not part.heading:
        return table
    return RowLabelled(part.heading, table, label_width, styles)


def budget_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """The budget heading over its amounts, kept on one page: one label | amount column per
    budget column, each total on top and its parts below it as 其中：… (sh2026: 项目资金总额 |
    年度资金申请总额); a layout with one column prints label | amount two to a row (sh2020)."""
    spec = project.spec
    columns = spec.budget_columns
    # on a layout printed as one grid, the heading stands upright beside the amounts
    label_width = row_label_width(spec.row_label_texts, styles) if spec.row_labels else 0.0
    heading = None if spec.row_labels else spec.budget_heading
    width = FRAME_WIDTH - label_width
    block: Flowable
    cells = [[(cell.label, cell.amount) for cell in group] for group in budget_cells(project)]
    if len(columns) <= 1:
        block = labelled_grid(cells, styles, heading=heading, value_style="amount", width=width)
    else:
        block = budget_grid(cells, styles, heading=heading, width=width)
    if spec.row_labels:
        block = RowLabelled(spec.budget_heading, block, label_width, styles)
    return [KeepTogether([block])]


def targets_part(project: Project, styles: FormStyles) -> list[Flowable]:
    """The ``YYYY年绩效目标`` heading and the indicator table, never a lone heading. A table
    that fits on one page but not in what is left of this one starts on the next page (as on
    the reference form); a longer one starts here and continues."""
    spec = project.spec
    if spec.row_labels:  # the grid goes on: the table follows the rows above it at once
        label_width = row_label_width(spec.row_label_texts, styles)
        widths = with_value_columns(
            indicator_widths(spec, styles, FRAME_WIDTH - label_width), spec.value_headings, styles
        )
        table = IndicatorTable(project.rows(), spec.table_columns, widths, styles, layout=spec)
        return [RowLabelled(spec.targets_caption(project.year), table, label_width, styles)]
    return [
        CondPageBreak(30 * mm),
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                TextBlock(markup(spec.targets_caption(project.year)), styles.heading),
                Spacer(1, 2 * mm),
                IndicatorTable(
                    project.rows(),
                    spec.table_columns,
                    with_value_columns(indicator_widths(spec, styles), spec.value_headings, styles),
                    styles,
                    layout=spec,
                ),
            ]
        ),
    ]


FormPart = Callable[[Project, FormStyles], list[Flowable]]
FORM_PARTS: dict[str, FormPart] = {
    "title": title_part,
    "header": header_part,
    "narratives": narratives_part,
    "budget": budget_part,
    "targets": targets_part,
}


def form_flowables(project: Project, styles: FormStyles) -> list[Flowable]:
    """The whole form of one project, part by part in the layout's order."""
    parts = project.spec.print_order
    return [flowable for name in parts for flowable in FORM_PARTS[name](project, styles)]


def document_flowables(project: Project, document: str, styles: FormStyles) -> list[Flowable]:
    """A document that travels with the form (sh2026: 项目经费情况说明), set as a document:
    its title, the project it belongs to, then each section's heading and paragraphs."""
    text_width = FRAME_WIDTH - PUNCTUATION_HANG
    flowables: list[Flowable] = [
        Title(document, styles),
        TextBlock(markup(document_caption(project)), styles.caption),
        Spacer(1, 4 * mm),
    ]
    for part in printed_parts(project, document):
        if part.heading and part.heading != document:
            flowables.append(TextBlock(markup(part.heading), styles.heading))
        for section in part.sections:
            flowables.append(
                TextBlock(markup(section_label(section, document)), styles.section_heading)
            )
            flowables += flowing_text(section.text, styles.document_body, text_width)
    return flowables
