"""The 单位内部审核表: the year's review summary printed for the unit's finance chief.

One table, weakest form first, with each form's grade, score and the reasons that raise its
grade most, and a line at the foot to sign. The form's own fonts and styles are used, so the
sheet looks like it belongs with the forms and embeds only the fonts it draws with.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.tables import Table, TableStyle

from perfdesk.errors import PerfDeskError
from perfdesk.printing.blocks import ClosedTable
from perfdesk.printing.document import a4_document
from perfdesk.printing.fonts import FontSet, resolve_fonts
from perfdesk.printing.styles import (
    FOOTER_SIZE,
    FOOTER_Y,
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    PAGE_SIZE,
    FormStyles,
    grid_style,
    make_styles,
)
from perfdesk.printing.text import TextBlock, markup
from perfdesk.progress import CancelCheck, Progress, Steps
from perfdesk.review.summary import ReviewSummary, SummaryRow

TITLE = "单位内部审核表"
# 序号, 等级 and 得分 as wide as their headings on one line; the name gets a share of the rest.
_NARROW = 36.0  # points
_NAME_SHARE = 0.36
SIGNATURES = ("审核人", "财务负责人", "日期")


def render_review_sheet(
    summary: ReviewSummary,
    fonts: FontSet | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The summary as the bytes of a PDF; ``progress``/``cancelled`` as every long job."""
    if not summary.rows:
        raise PerfDeskError("没有要汇总的项目")
    steps = Steps(progress, cancelled)
    styles = make_styles(fonts or resolve_fonts())

    def page_number(canvas: Canvas, _doc: Any) -> None:
        canvas.setFont(styles.fonts.regular, FOOTER_SIZE)
        canvas.drawCentredString(PAGE_SIZE[0] / 2, FOOTER_Y, f"第 {canvas.getPageNumber()} 页")

    buffer = io.BytesIO()
    doc = a4_document(buffer, styles, title=f"{TITLE}（{summary.period}）", on_page=page_number)
    story = [
        Paragraph(markup(TITLE), styles.title),
        Paragraph(markup(f"（{summary.period}）"), styles.caption),
        Paragraph(markup(_overview(summary)), styles.body),
        Spacer(0, styles.body.fontSize),
        _table(summary, styles, steps),
        Spacer(0, 2.5 * styles.body.fontSize),
        _signatures(styles),
    ]
    doc.build(story)
    steps(len(summary.rows) + 1, len(summary.rows) + 1)
    return buffer.getvalue()


def _overview(summary: ReviewSummary) -> str:
    counts = "，".join(f"{grade} {count} 个" for grade, count in summary.counts())
    units = summary.units()
    unit = f"{units[0]}：" if len(units) == 1 else ""
    return (
        f"{unit}共 {len(summary.rows)} 个项目，{counts}。等级为中、差的表，按主要问题修改后再报送。"
    )


def _table(summary: ReviewSummary, styles: FormStyles, steps: Steps) -> ClosedTable:
    heads = ("序号", "项目名称", "等级", "得分", "主要问题")
    data: list[list[Any]] = [[TextBlock(markup(h), styles.column_head) for h in heads]]
    several_units = len(summary.units()) > 1
    total = len(summary.rows) + 1
    for number, row in enumerate(summary.rows, start=1):
        steps(number - 1, total)
        data.append(_row(number, row, styles, several_units))
    commands = [
        *grid_style(styles),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ]
    name = (FRAME_WIDTH - 3 * _NARROW) * _NAME_SHARE
    reasons = FRAME_WIDTH - 3 * _NARROW - name
    return ClosedTable(
        data,
        colWidths=[_NARROW, name, _NARROW, _NARROW, reasons],
        repeatRows=1,
        style=TableStyle(commands),
    )


def _signatures(styles: FormStyles) -> Table:
    """审核人 / 财务负责人 / 日期, each with a line to write on."""
    cells: list[Any] = []
    commands: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular)]
    for label in SIGNATURES:
        cells += [Paragraph(markup(f"{label}："), styles.body), ""]
        commands.append(("LINEBELOW", (len(cells) - 1, 0), (len(cells) - 1, 0), 0.6, black))
    label_width = FRAME_WIDTH / 9
    return Table(
        [cells],
        colWidths=[label_width * 1.5, label_width * 1.5] * len(SIGNATURES),
        style=TableStyle(commands),
        hAlign="LEFT",
    )


def _row(number: int, row: SummaryRow, styles: FormStyles, several_units: bool) -> list[Any]:
    name = markup(row.name or "（未命名项目）")
    if several_units and row.unit:
        name += "<br/>" + markup(f"（{row.unit}）")
    reasons = markup(row.reasons_text())
    return [
        TextBlock(str(number), styles.cell_center),
        TextBlock(name, styles.cell),
        TextBlock(markup(row.grade), styles.cell_center),
        TextBlock(f"{row.score:g}", styles.cell_center),
        TextBlock(reasons or markup("（无）"), styles.cell),
    ]
