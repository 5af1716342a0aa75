"""The form's one stylesheet: page geometry, type sizes and table styles.

Sizes follow the spirit of GB/T 9704 (党政机关公文格式): A4 portrait, a type area about
156 mm wide, a bold 宋体/小标宋 title of about 20 pt, the body in 仿宋/宋体 at 10.5 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import paragraph

from perfdesk.printing.fonts import FontSet

# ReportLab's CJK line breaking knows the Japanese marks that may not start a line; add the
# Chinese ones, so that a line never begins with ， or ； (they hang in the margin instead).
_CHINESE_CANNOT_START = "，；：！？”’》〉』…·"
for _module in (paragraph, textsplit):
    _module.ALL_CANNOT_START += "".join(
        c for c in _CHINESE_CANNOT_START if c not in _module.ALL_CANNOT_START
    )

PAGE_SIZE = A4
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm, as in GB/T 9704
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_Y = 12 * mm

TITLE_SIZE = 20
CAPTION_SIZE = 14
HEADING_SIZE = 12
BODY_SIZE = 10.5
FOOTER_SIZE = 9

GRID_COLOR = colors.black
GRID_WIDTH = 0.6
CELL_PADDING = 3
# CJK line breaking lets a closing mark (，。、」) hang past the line end; keep it off the rule.
PUNCTUATION_HANG = BODY_SIZE / 2
LABEL_BACKGROUND = colors.Color(0.94, 0.94, 0.94)


@dataclass(frozen=True)
class FormStyles:
    """Paragraph styles for every kind of text on the form, made for one :class:`FontSet`."""

    fonts: FontSet
    title: ParagraphStyle
    caption: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    amount: ParagraphStyle
    section_heading: ParagraphStyle
    document_body: ParagraphStyle
    column_head: ParagraphStyle


def make_styles(fonts: FontSet) -> FormStyles:
    def style(name: str, font: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    return FormStyles(
        fonts=fonts,
        title=style("title", fonts.title, TITLE_SIZE, TITLE_SIZE * 1.3, alignment=TA_CENTER),
        caption=style(
            "caption", fonts.regular, CAPTION_SIZE, CAPTION_SIZE * 1.5, alignment=TA_CENTER
        ),
        heading=style("heading", fonts.bold, HEADING_SIZE, HEADING_SIZE * 1.4, alignment=TA_CENTER),
        label=style("label", fonts.bold, BODY_SIZE, BODY_SIZE * 1.4, alignment=TA_LEFT),
        body=style("body", fonts.regular, BODY_SIZE, BODY_SIZE * 1.5, alignment=TA_LEFT),
        cell=style("cell", fonts.regular, BODY_SIZE, BODY_SIZE * 1.4, alignment=TA_LEFT),
        cell_center=style(
            "cell_center", fonts.regular, BODY_SIZE, BODY_SIZE * 1.4, alignment=TA_CENTER
        ),
        section_heading=style(
            "section_heading", fonts.bold, BODY_SIZE + 1, BODY_SIZE * 2, alignment=TA_LEFT
        ),
        document_body=style(
            "document_body",
            fonts.regular,
            BODY_SIZE,
            BODY_SIZE * 1.6,
            alignment=TA_LEFT,
            firstLineIndent=2 * BODY_SIZE,  # two characters, as Chinese paragraphs begin
        ),
        amount=style("amount", fonts.regular, BODY_SIZE, BODY_SIZE * 1.4, alignment=TA_RIGHT),
        column_head=style(
            "column_head", fonts.bold, BODY_SIZE, BODY_SIZE * 1.4, alignment=TA_CENTER
        ),
    )


def grid_style(font: str, lines: bool = True) -> list[tuple[object, ...]]:
    """The table commands every bordered block of the form shares (``lines``: a full grid).

    ``font`` is the cells' own font: the text is in paragraphs with theirs, but ReportLab
    names a cell's font (Helvetica unless told) on the page, where it would be the one font
    the PDF does not embed."""
    grid = [("GRID", (0, 0), (-1, -1), GRID_WIDTH, GRID_COLOR)] if lines else []
    return [
        *grid,
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING + PUNCTUATION_HANG),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
