"""What the paper shows, described once (perfdesk.paper): the printed PDF carries every piece
the description lists, and the missing-character check reads the same pieces."""

from __future__ import annotations

from pathlib import Path

import pytest
from printed_pdf import read_pdf, squash

from perfdesk import exchange
from perfdesk.checks import UNDRAWABLE, check
from perfdesk.convert import conversion_target, convert
from perfdesk.location import Location
from perfdesk.model import Project
from perfdesk.paper import CONTINUED, FontRole, page_number, printed_pieces
from perfdesk.printing import FontSet, render_pdf
from perfdesk.sample import sample_projects

DATA = Path(__file__).resolve().parents[2] / "data"


def projects() -> list[Project]:
    sh2026 = exchange.read_file(DATA / "sh2026_xinmeiti.json")
    national = convert(sample_projects()[1], "national")
    return [
        *sample_projects(),
        convert(sample_projects()[0], conversion_target()),
        *sh2026,
        national,
    ]


@pytest.mark.parametrize("project", projects(), ids=lambda p: f"{p.layout}-{p.name[:6]}")
def test_every_piece_described_is_on_the_paper(project: Project, fonts: FontSet) -> None:
    pdf = read_pdf(render_pdf([project], fonts))
    printed = "|".join([pdf.text, *pdf.cells])  # cells side by side share lines in the text
    pieces = [p for p in printed_pieces(project) if p.text.strip()]
    assert {p.role for p in pieces} == set(FontRole)
    assert {p.location.kind for p in pieces} >= {"layout", "field", "indicator"}
    upright = set(project.spec.row_label_texts)  # set one character under another
    for piece in pieces:
        if piece.text in (CONTINUED, page_number(1, 1)) or piece.text in upright:
            continue  # only on a table cut by a page / on every page, numbered
        assert squash(piece.text) in printed, piece


def test_the_forms_own_words_are_checked_too() -> None:
    """A face without a character of the layout's words (here the bold face, which sets the
    labels) is reported, pointing at nothing the officer could edit."""
    project = sample_projects()[0]

    def bold_lacks_a_character(role: FontRole, char: str) -> bool:
        return not (role is FontRole.LABEL and char == "称")

    found = [
        f for f in check(project, font_can_draw=bold_lacks_a_character) if f.code == UNDRAWABLE
    ]
    assert [f.location for f in found] == [Location("layout")]
    assert found[0].message.startswith("表样文字中的字符“称”（U+79F0）")
