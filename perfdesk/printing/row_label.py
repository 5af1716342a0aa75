"""A block of the form with its heading written upright in a narrow left column, as on the
real sh2026 form: ``项目 / 资金 / （元）`` beside the amounts, ``绩效 / 指标`` beside the
indicator table. Stacked without gaps, such blocks make one continuous grid.

The block inside is any flowable of the given width (a table, the indicator table); when it
runs over a page break, the label is written again beside the part on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from perfdesk.layouts import Layout
from perfdesk.printing.styles import (
    CELL_PADDING,
    GRID_COLOR,
    GRID_WIDTH,
    LABEL_BACKGROUND,
    FormStyles,
)


def row_label_width(labels: Sequence[str], styles: FormStyles) -> float:
    """The left column's width: the widest line of any of the labels, padded."""
    font, size = styles.label.fontName, styles.label.fontSize
    widest = max(
        (
            stringWidth(line, font, size)
            for label in labels
            for line in Layout.row_label_lines(label)
        ),
        default=2 * size,
    )
    return float(widest + 2 * CELL_PADDING)


class RowLabelled(Flowable):  # type: ignore[misc]
    """``inner`` with ``label`` upright in a column ``label_width`` wide on its left."""

    def __init__(self, label: str, inner: Flowable, label_width: float, styles: FormStyles):
        super().__init__()
        self.label = label
        self.lines = Layout.row_label_lines(label)
        self.inner = inner
        self.label_width = label_width
        self.styles = styles
        self.style = styles.label
        self._inner_height = 0.0

    def _label_height(self) -> float:
        return float(len(self.lines) * self.style.leading + 2 * CELL_PADDING)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._inner_height = self.inner.wrap(availWidth - self.label_width, availHeight)
        self.width = availWidth
        self.height = max(self._inner_height, self._label_height())
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        pieces = self.inner.split(availWidth - self.label_width, availHeight)
        return [RowLabelled(self.label, piece, self.label_width, self.styles) for piece in pieces]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(LABEL_BACKGROUND)
        canvas.setStrokeColor(GRID_COLOR)
        canvas.setLineWidth(GRID_WIDTH)
        canvas.rect(0, 0, self.label_width, self.height, stroke=1, fill=1)
        canvas.setFillColor(GRID_COLOR)
        canvas.setFont(self.style.fontName, self.style.fontSize)
        leading = self.style.leading
        top = (self.height + len(self.lines) * leading) / 2
        for number, line in enumerate(self.lines, start=1):
            baseline = top - number * leading + (leading - self.style.fontSize) / 2 + 1
            canvas.drawCentredString(self.label_width / 2, baseline, line)
        canvas.restoreState()
        self.inner.drawOn(canvas, self.label_width, self.height - self._inner_height)
