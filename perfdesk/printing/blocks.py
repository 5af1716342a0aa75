"""Bordered building blocks shared by the form parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from perfdesk.printing.styles import (
    BODY_SIZE,
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

LABEL_MAX_WIDTH = 46 * mm
_LABEL_PAD = 2 * CELL_PADDING + PUNCTUATION_HANG + 1


class ClosedTable(Table):  # type: ignore[misc]
    """A table that, cut by a page break, is closed at the foot of one page and reopened on
    the next (ReportLab's own ``splitlast``/``splitfirst`` rules hold for one cut only)."""

    def onSplit(self, table: Table, byRow: int = 1) -> None:
        table.setStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), GRID_WIDTH, GRID_COLOR),
                ("LINEBELOW", (0, -1), (-1, -1), GRID_WIDTH, GRID_COLOR),
            ]
        )


def labelled_grid(
    rows: Sequence[Sequence[tuple[str, str]]],
    styles: FormStyles,
    heading: str | None = None,
    value_style: str = "cell",
    width: float = FRAME_WIDTH,
) -> Table:
    """A four-column grid of label | value | label | value; a lone pair spans the row."""
    label_widths = [_label_width(rows, column, styles) for column in (0, 1)]
    value_width = (width - sum(label_widths)) / 2
    widths = [label_widths[0], value_width, label_widths[1], value_width]
    vstyle = getattr(styles, value_style)
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = grid_style(styles)
    if heading is not None:
        data.append([TextBlock(markup(heading), styles.heading), "", "", ""])
        commands.append(("SPAN", (0, 0), (-1, 0)))
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND))
    for row in rows:
        r = len(data)
        cells: list[Any] = []
        for label, value in row:
            label_markup = _fitted_label(label, widths[len(cells)], styles)
            cells += [TextBlock(label_markup, styles.label), TextBlock(markup(value), vstyle)]
            if label:  # a column shorter than its neighbour leaves a plain blank cell
                commands.append(
                    ("BACKGROUND", (len(cells) - 2, r), (len(cells) - 2, r), LABEL_BACKGROUND)
                )
        if len(row) == 1:
            cells += ["", ""]
            commands.append(("SPAN", (1, r), (-1, r)))
        data.append(cells)
    return ClosedTable(data, colWidths=widths, style=TableStyle(commands))


LONG_LINE = 300  # characters: a typed paragraph longer than this is laid out in pieces
LINES_PER_PIECE = 8


def flowing_text(text: str, style: ParagraphStyle, width: float) -> list[Flowable]:
    """``text`` as paragraphs that can sit in table rows: one per typed line, long ones cut;
    a blank line between paragraphs stays a gap of one line.

    A long paragraph is broken into lines once, then handed on in pieces of a few lines,
    so a page break falls between pieces. (Splitting one huge paragraph again on every
    page costs time that grows with the square of its length.)
    """
    pieces: list[Flowable] = []
    # a paragraph's first line may be indented; the pieces after the first continue it
    continued = ParagraphStyle(f"{style.name}-continued", parent=style, firstLineIndent=0)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()  # blank lines after the last paragraph add nothing to the paper
    for line in lines:
        if not line.strip() and pieces:
            pieces.append(Spacer(1, style.leading))  # an empty paragraph would have no height
            continue
        paragraph = TextBlock(markup(line), style)
        if len(line) <= LONG_LINE:
            pieces.append(paragraph)
            continue
        paragraph.wrap(width, 1e9)
        lines = [_line_text(row) for row in paragraph.blPara.lines]
        for start in range(0, len(lines), LINES_PER_PIECE):
            chunk = lines[start : start + LINES_PER_PIECE]
            piece_style = style if start == 0 else continued
            pieces.append(TextBlock("<br/>".join(markup(row) for row in chunk), piece_style))
    return pieces


def _line_text(line: Any) -> str:
    """The text of one line ReportLab broke: ``(space, [text])`` or a ``FragLine``."""
    if isinstance(line, tuple):
        return "".join(line[1])
    return "".join(frag.text for frag in line.words)


def budget_grid(
    columns: Sequence[Sequence[tuple[str, str]]],
    styles: FormStyles,
    heading: str | None,
    width: float = FRAME_WIDTH,
) -> Table:
    """Amounts in side-by-side columns of label | amount under a heading spanning them all
    (``None``: no heading row, the heading being written beside the block)."""
    count = max(len(columns), 1)
    share = width / count
    label_widths = [
        min(
            max((_text_width(label, styles) for label, _ in column), default=0.0) + _LABEL_PAD,
            share * 0.6,
        )
        for column in columns
    ]
    widths: list[float] = []
    for label_width in label_widths:
        widths += [label_width, share - label_width]
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = grid_style(styles)
    if heading is not None:
        data.append([TextBlock(markup(heading), styles.heading)] + [""] * (2 * count - 1))
        commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND)]
    top = len(data)
    for r in range(max((len(column) for column in columns), default=0)):
        cells: list[Any] = []
        for c, column in enumerate(columns):
            if r < len(column):
                label, amount = column[r]
                cells += [
                    TextBlock(markup(label), styles.label),
                    TextBlock(markup(amount), styles.amount),
                ]
                commands.append(
                    ("BACKGROUND", (2 * c, top + r), (2 * c, top + r), LABEL_BACKGROUND)
                )
            else:
                cells += ["", ""]
        data.append(cells)
    return ClosedTable(data, colWidths=widths, style=TableStyle(commands))


def _text_width(text: str, styles: FormStyles) -> float:
    return float(stringWidth(text, styles.label.fontName, BODY_SIZE))


def _fitted_label(label: str, width: float, styles: FormStyles) -> str:
    """A label too wide for its column breaks before its unit, as in ``…预算额<br/>（元）：``."""
    room = width - 2 * CELL_PADDING - PUNCTUATION_HANG
    if stringWidth(label, styles.label.fontName, BODY_SIZE) <= room or "（" not in label:
        return markup(label)
    head, _, unit = label.rpartition("（")
    return f"{markup(head)}<br/>{markup('（' + unit)}"


def _label_width(
    rows: Sequence[Sequence[tuple[str, str]]], column: int, styles: FormStyles
) -> float:
    labels = [row[column][0] for row in rows if len(row) > column]
    if not labels:
        return float(LABEL_MAX_WIDTH)
    widest = max(_text_width(label, styles) for label in labels)
    return float(min(widest + _LABEL_PAD, LABEL_MAX_WIDTH))
