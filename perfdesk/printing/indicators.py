"""The indicator table: 一级 and 二级 cells merged over their rows, split across pages by hand.

ReportLab's ``Table`` never breaks inside a row span, so a 一级 group taller than a page
would stop the whole print. :class:`IndicatorTable` lays out as many rows as fit, merging
the labels within that piece only, and carries the rest to the next page, where the
column headings are repeated and a group cut in two shows its label again with ``（续）``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from perfdesk.layouts import Layout
from perfdesk.model import IndicatorRow
from perfdesk.paper import CONTINUED, indicator_values
from perfdesk.printing.styles import (
    CELL_PADDING,
    LABEL_BACKGROUND,
    PUNCTUATION_HANG,
    FormStyles,
    grid_style,
)
from perfdesk.printing.text import TextBlock, markup


class IndicatorTable(Flowable):  # type: ignore[misc]
    """Rows of the indicator table; ``continues`` says the first row's 一级/二级 began earlier."""

    def __init__(
        self,
        rows: Sequence[IndicatorRow],
        columns: Sequence[str],
        col_widths: Sequence[float],
        styles: FormStyles,
        continues: tuple[bool, bool] = (False, False),
        cells: list[tuple[TextBlock, ...]] | None = None,
        layout: Layout | None = None,
    ) -> None:
        super().__init__()
        self.layout = layout  # None: one value column, the row's target
        self.rows = list(rows)
        self.columns = list(columns)
        self.col_widths = list(col_widths)
        self.styles = styles
        self.cells = cells if cells is not None else [self._cells(row) for row in self.rows]
        self.continues = continues
        self._table: Table | None = None
        self._table_width: float | None = None

    def _cells(self, row: IndicatorRow) -> tuple[TextBlock, ...]:
        """The 三级 and 指标值 cells, made once: pieces reuse them and their line breaks."""
        values = indicator_values(self.layout, row) if self.layout else (row.target,)
        return (
            TextBlock(markup(row.name), self.styles.cell),
            *(TextBlock(markup(value), self.styles.cell_center) for value in values),
        )

    def _build(self, count: int) -> Table:
        rows = self.rows[:count]
        st = self.styles
        data: list[list[Any]] = [[TextBlock(markup(c), st.column_head) for c in self.columns]]
        commands = [
            *grid_style(st),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
        ]
        for level, column in ((0, "level1"), (1, "level2")):
            start = 0
            for i in range(1, len(rows) + 1):
                if i < len(rows) and _same_group(rows[i - 1], rows[i], level):
                    continue
                label = getattr(rows[start], column)
                if start == 0 and self.continues[level] and label:
                    label += CONTINUED
                if i - start > 1:
                    commands.append(("SPAN", (level, start + 1), (level, i)))
                for r in range(start, i):
                    cell = TextBlock(markup(label), st.cell_center) if r == start else ""
                    if level == 0:
                        data.append([cell, *[None] * (len(self.columns) - 1)])
                    else:
                        data[r + 1][1] = cell
                start = i
        for r, cells in enumerate(self.cells[:count], start=1):
            data[r][2:] = cells
        return Table(data, colWidths=self.col_widths, style=TableStyle(commands), repeatRows=0)

    def _full(self, avail_width: float) -> Table:
        if self._table is None or self._table_width != avail_width:
            self._table = self._build(len(self.rows))
            self._table.wrap(avail_width, 1e9)
            self._table_width = avail_width
        return self._table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self._full(availWidth).wrap(availWidth, 1e9)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        full = self._full(availWidth)
        heights: list[float] = list(full._rowHeights)
        used = heights[0]
        count = 0
        for height in heights[1:]:
            if used + height > availHeight:
                break
            used += height
            count += 1
        # Merged labels may need more room in a piece than in the whole: check and shrink.
        while count > 0:
            piece = self._build(count)
            if piece.wrap(availWidth, availHeight)[1] <= availHeight:
                break
            count -= 1
        if count == 0:
            return []
        last, following = self.rows[count - 1], self.rows[count:]
        if not following:
            return [piece]
        continues = (
            _same_group(last, following[0], 0),
            _same_group(last, following[0], 1),
        )
        rest = IndicatorTable(
            following,
            self.columns,
            self.col_widths,
            self.styles,
            continues,
            self.cells[count:],
            self.layout,
        )
        return [piece, rest]

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def _same_group(a: IndicatorRow, b: IndicatorRow, level: int) -> bool:
    """Rows in one 一级 (level 0) or one 二级 (level 1) group: consecutive equal names."""
    if a.level1 != b.level1:
        return False
    return level == 0 or a.level2 == b.level2


def with_value_columns(
    widths: Sequence[float], headings: Sequence[str], styles: FormStyles
) -> tuple[float, ...]:
    """Column widths for the value columns ``headings`` from those of the table with one
    (一级, 二级, 三级, 指标值): the value columns share the room of the 三级 and 指标值 columns
    with the 三级 names (which take 1.6 shares: they are the longer texts), each wide enough
    for its heading on one line."""
    level1, level2, name, value = widths
    count = len(headings)
    if count <= 1:
        return tuple(widths)
    font, size = styles.column_head.fontName, styles.column_head.fontSize
    sides = 2 * CELL_PADDING + PUNCTUATION_HANG + 0.5
    room = name + value
    each = max(room / (count + 1.6), *(stringWidth(h, font, size) + sides for h in headings))
    return (level1, level2, room - count * each, *[each] * count)
