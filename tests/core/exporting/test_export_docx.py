"""Word export: perfdesk.exporting.docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from perfdesk.errors import PerfDeskError
from perfdesk.exporting.docx import EAST_ASIAN_FONT, export_docx
from perfdesk.sample import sample_projects


@pytest.fixture
def document(tmp_path: Path) -> docx.document.Document:
    path = tmp_path / "forms.docx"
    export_docx(sample_projects(), path)
    return docx.Document(str(path))


def test_a4_portrait(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_two_tables_per_form_with_everything_in_them(
    document: docx.document.Document,
) -> None:
    assert len(document.tables) == 4
    titles = [p.text for p in document.paragraphs if p.text.startswith("财政项目")]
    assert titles == ["财政项目支出绩效目标表"] * 2
    for project, (header, targets) in zip(
        sample_projects(), (document.tables[0:2], document.tables[2:4]), strict=True
    ):
        header_text = "\n".join(cell.text for row in header.rows for cell in row.cells)
        for value in (*project.fields.values(), *project.sections.values()):
            assert value in header_text
        assert "1,000,000" in header_text or "700,000" in header_text
        seen = [tuple(cell.text for cell in row.cells) for row in targets.rows]
        assert seen[0] == ("2020年绩效目标",) * 4  # merged across
        assert seen[1] == ("一级目标", "二级目标", "三级目标", "指标目标值")
        expected = [(r.level1, r.level2, r.name, r.target) for r in project.rows()]
        assert seen[2:] == expected  # vertically merged 一级/二级 show on every row they span


def test_level_cells_are_merged_down(document: docx.document.Document) -> None:
    rows = document.tables[1]._tbl.tr_lst
    first_column = [tr.tc_lst[0] for tr in rows[2:]]
    merges = [tc.tcPr.find(qn("w:vMerge")) for tc in first_column]
    assert merges[0] is not None and merges[0].get(qn("w:val")) == "restart"
    assert all(m is not None and m.get(qn("w:val")) in (None, "continue") for m in merges[1:10])
    assert merges[10].get(qn("w:val")) == "restart"  # 产出目标 starts a new merge


def test_heading_rows_repeat_on_each_page(document: docx.document.Document) -> None:
    rows = document.tables[1]._tbl.tr_lst
    assert [
        tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows[:3]
    ] == [
        True,
        True,
        False,
    ]


def test_every_run_names_the_chinese_font_for_east_asian_text(
    document: docx.document.Document,
) -> None:
    runs = [
        r
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    runs += [r for p in document.paragraphs for r in p.runs if r.text]
    assert runs
    for run in runs:
        fonts = run._element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == EAST_ASIAN_FONT


def test_narrative_paragraphs_stay_paragraphs(tmp_path: Path) -> None:
    project = sample_projects()[1]
    project.set_section("总目标及阶段性目标", "一、总目标。\n二、阶段性目标。")
    path = tmp_path / "one.docx"
    export_docx([project], path)
    cells = {c._tc: c for row in docx.Document(str(path)).tables[0].rows for c in row.cells}
    texts = [[p.text for p in c.paragraphs] for c in cells.values()]
    assert ["一、总目标。", "二、阶段性目标。"] in texts


def test_nothing_to_export_or_unwritable_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PerfDeskError):
        export_docx([], tmp_path / "none.docx")
    project = sample_projects()[0]
    project.set_field("项目名称", "坏\x00名")
    with pytest.raises(PerfDeskError, match="控制字符"):
        export_docx([project], tmp_path / "bad.docx")
    assert list(tmp_path.iterdir()) == []


def test_sh2026_puts_the_explanation_first_on_pages_of_its_own(tmp_path: Path) -> None:
    """As the forms are published and printed: 项目经费情况说明 under its title and its own
    table, then a page break, then the form's title."""
    from perfdesk.convert import conversion_target, convert

    project = convert(sample_projects()[0], conversion_target())
    path = tmp_path / "sh2026.docx"
    export_docx([project, project], path)
    body = docx.Document(str(path)).element.body
    children = [c for c in body.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]
    blocks = [
        "table" if c.tag == qn("w:tbl") else "".join(t.text or "" for t in c.iter(qn("w:t")))
        for c in children
    ]
    breaks = [n for n, c in enumerate(children) if c.find(qn("w:r") + "/" + qn("w:br")) is not None]
    title = project.spec.title
    assert blocks[:2] == ["项目经费情况说明", "table"]
    assert blocks[3] == title and breaks[0] == 2  # the form begins on a page of its own
    second = blocks.index("项目经费情况说明", 1)
    assert blocks[second + 1] == "table" and blocks[second + 3] == title
    assert second - 1 in breaks
