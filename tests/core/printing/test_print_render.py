"""The printed form read back from the PDF: every value the officer typed is on the paper."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from printed_pdf import FOOTER_RE, read_pdf, squash

from perfdesk.model import IndicatorRow, Project
from perfdesk.printing import FontSet, render_pdf
from perfdesk.printing.indicators import CONTINUED
from perfdesk.progress import Cancelled
from perfdesk.sample import sample_projects
from perfdesk.values import format_money

A4 = (595.28, 841.89)


def table_rows(tables: list[list[list[str | None]]], columns: tuple[str, ...]) -> list[list[str]]:
    """The indicator rows of every indicator table piece, merged cells filled down."""
    rows: list[list[str]] = []
    header = [squash(c) for c in columns]
    for table in tables:
        if [squash(c or "") for c in table[0]] != header:
            continue
        above = ["", ""]
        for raw in table[1:]:
            cells = [squash(c) if c is not None else None for c in raw]
            for level in (0, 1):
                if cells[level] is None:
                    cells[level] = above[level]
                above[level] = cells[level] or ""
            rows.append([c or "" for c in cells])
    return rows


def expected_rows(project: Project) -> list[list[str]]:
    return [
        [squash(r.level1), squash(r.level2), squash(r.name), squash(r.target)]
        for r in project.rows()
    ]


@pytest.mark.parametrize("which", [0, 1])
def test_seed_form_carries_every_value(which: int, fonts: FontSet) -> None:
    project = sample_projects()[which]
    spec = project.spec
    pdf = read_pdf(render_pdf([project], fonts))

    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in pdf.sizes)
    text = pdf.text
    assert squash(spec.title) in text and squash(spec.caption(project.year)) in text
    for label, value in project.fields.items():
        cells = pdf.cells
        assert value and squash(value) in cells, label
        assert cells[cells.index(squash(value)) - 1] == label + "："
    for label, narrative in project.sections.items():
        assert squash(label) in text
        assert squash(narrative) in text, label
    assert squash(spec.budget_heading) in text
    for money in spec.budget:
        printed = format_money(project.budget[money.label], spec.money_decimals)
        cells = pdf.cells
        assert cells[cells.index(squash(money.printed) + "：") + 1] == printed
    assert {"1,000,000", "700,000"} & set(pdf.cells)
    assert squash(spec.targets_caption(project.year)) in text
    cleaned = [
        [cell.removesuffix(CONTINUED) for cell in row]
        for row in table_rows(pdf.tables, spec.indicator_columns)
    ]
    assert cleaned == expected_rows(project)


def test_fonts_are_embedded_truetype_subsets(truetype_fonts: FontSet) -> None:
    pdf = read_pdf(render_pdf(sample_projects()[:1], truetype_fonts), tables=False)
    # every font the PDF names is an embedded subset: no unused Helvetica either
    assert pdf.font_files and all("+" in name for name in pdf.font_files), pdf.font_files
    assert all(files == {"FontFile2"} for files in pdf.font_files.values())


def test_page_numbers_count_each_form_on_its_own(fonts: FontSet) -> None:
    projects = sample_projects()
    single = [len(read_pdf(render_pdf([p], fonts), tables=False).pages) for p in projects]
    pdf = read_pdf(render_pdf(projects, fonts), tables=False)
    numbers = [tuple(map(int, FOOTER_RE.search(f).groups())) for f in pdf.footers]  # type: ignore[union-attr]
    expected = [(n, total) for total in single for n in range(1, total + 1)]
    assert numbers == expected
    # each form starts on a new page, with its own title
    starts = [i for i, (n, _) in enumerate(numbers) if n == 1]
    for start, project in zip(starts, projects, strict=True):
        assert pdf.pages[start].startswith(project.spec.title)
        assert squash(project.name)[:10] in squash(pdf.pages[start])


def huge_project() -> Project:
    project = sample_projects()[0].clone()
    paragraph = "本项目长篇说明，内容逐段展开，" * 20 + "结束。"
    project.set_section("项目概况", "\n".join(f"第{n}段：{paragraph}" for n in range(1, 81)))
    project.set_section(
        "立项依据", "".join(f"第{n}句：{paragraph}" for n in range(1, 81))
    )  # one line
    rows = [
        IndicatorRow(
            "产出目标" if i < 150 else "效果目标", f"数量{i // 60}", f"指标第{i}项", f"≥{i}次"
        )
        for i in range(200)
    ]
    project.set_rows(rows)
    return project


def test_twenty_page_narrative_and_two_hundred_indicators(fonts: FontSet) -> None:
    project = huge_project()
    pdf = read_pdf(render_pdf([project], fonts))
    assert len(pdf.pages) >= 25
    assert squash(project.sections["项目概况"]) in pdf.text
    assert squash(project.sections["立项依据"]) in pdf.text
    # a page of nothing but narrative is one box: no rules between its lines
    assert pdf.rules[3] == 2, pdf.pages[3][:80]
    pieces = [
        t
        for t in pdf.tables
        if [squash(c or "") for c in t[0]] == list(project.spec.indicator_columns)
    ]
    assert len(pieces) >= 3  # the column heading row repeated on every page of the table
    rows = table_rows(pdf.tables, project.spec.indicator_columns)
    assert [[c.removesuffix(CONTINUED) for c in row] for row in rows] == expected_rows(project)
    # a group cut by a page shows its label again, marked as continued
    continued = [row[0] for row in rows if row[0].endswith(CONTINUED)]
    assert "产出目标" + CONTINUED in continued


def test_user_text_is_printed_literally_not_as_markup(fonts: FontSet) -> None:
    project = sample_projects()[1].clone()
    tricky = '<b>粗体</b> & <font size="40">大</font> &amp; <br/>'
    project.set_field("项目名称", tricky)
    project.set_section("立项依据", "第一行\n第二行 <para>")
    project.set_rows([IndicatorRow("产出目标", "数量<1>", "条数 & 次数", "<=100%")])
    pdf = read_pdf(render_pdf([project], fonts))
    assert squash(tricky) in pdf.cells
    assert "第一行" in pdf.text and "第二行<para>" in pdf.text
    assert table_rows(pdf.tables, project.spec.indicator_columns) == [
        ["产出目标", "数量<1>", "条数&次数", "<=100%"]
    ]


def test_blank_money_stays_blank_and_fen_are_kept(fonts: FontSet) -> None:
    project = sample_projects()[1].clone()
    project.set_budget("项目总预算", Decimal("1234567.5"))
    project.set_budget("同名项目上年预算额", Decimal(0))
    pdf = read_pdf(render_pdf([project], fonts))
    rows = [row for table in pdf.tables for row in table]
    heading = next(i for i, row in enumerate(rows) if row[0] == project.spec.budget_heading)
    cells = [squash(c) for row in rows[heading + 1 : heading + 3] for c in row if c is not None]
    assert cells == [
        "项目总预算（元）：",
        "1,234,567.50",
        "项目当年预算（元）：",
        "700,000",
        "同名项目上年预算额（元）：",
        "0",
        "同名项目上年预算执行数（元）：",
        "",
    ]


def test_an_empty_new_project_prints(fonts: FontSet) -> None:
    pdf = read_pdf(render_pdf([Project.new()], fonts))
    assert pdf.pages[0].startswith("财政项目支出绩效目标表")
    assert len(pdf.pages) == 1


def test_progress_is_reported_and_cancel_stops(fonts: FontSet) -> None:
    projects = sample_projects() * 3
    seen: list[tuple[int, int]] = []
    render_pdf(projects, fonts, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 6) for i in range(7)]

    seen.clear()
    with pytest.raises(Cancelled):
        render_pdf(
            projects,
            fonts,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert seen == [(0, 6), (1, 6)]  # stopped before the third form was laid out


def test_nothing_to_print_is_an_error() -> None:
    from perfdesk.errors import PerfDeskError

    with pytest.raises(PerfDeskError):
        render_pdf([])


def test_no_line_starts_with_a_closing_mark(fonts: FontSet) -> None:
    pdf = read_pdf(render_pdf(sample_projects(), fonts), tables=False)
    starts = [line[0] for page in pdf.pages for line in page.splitlines() if line]
    assert not set(starts) & set("，。、；：！？）”》")


def test_a_cell_longer_than_a_page_is_explained_not_a_crash(fonts: FontSet) -> None:
    from perfdesk.errors import PerfDeskError

    project = sample_projects()[1].clone()
    project.set_rows([IndicatorRow("产出目标", "数量", "超长指标" * 2000, "=1")])
    with pytest.raises(PerfDeskError, match=r"科普资源平台建设.*比一整页还长"):
        render_pdf([sample_projects()[0], project], fonts)


def test_chinese_line_break_rules_at_every_width(fonts: FontSet) -> None:
    from perfdesk.printing.blocks import _line_text
    from perfdesk.printing.styles import make_styles
    from perfdesk.printing.text import TextBlock, markup

    text = (
        "根据《上海市科技馆条例》（2020年修订），完成展品更新、布展；目标：观众满意度达到95.5%"
        "以上——并在“科普日”前开放「新展厅」，年度预算执行率不低于90%。"
    ) * 3
    style = make_styles(fonts).body
    for width in range(60, 400, 7):  # every break position falls somewhere at some width
        block = TextBlock(markup(text), style)
        block.wrap(width, 1e9)
        lines = [_line_text(line) for line in block.blPara.lines]
        assert "".join(lines) == text
        for before, after in itertools.pairwise(lines):
            assert after[0] not in "，。、；：）」》”%—", (width, before, after)
            assert before[-1] not in "（「《“", (width, before, after)
            assert not (before[-1].isdigit() and after[0] in "0123456789.%"), (before, after)


def test_a_blank_line_between_paragraphs_stays_a_gap(fonts: FontSet) -> None:
    import io

    import pdfplumber

    def second_paragraph_drop(narrative: str) -> float:
        project = sample_projects()[1].clone()
        project.set_section("立项依据", narrative)
        with pdfplumber.open(io.BytesIO(render_pdf([project], fonts))) as pdf:
            words = pdf.pages[0].extract_words()
        tops = {w["text"]: w["top"] for w in words}
        first = next(t for text, t in tops.items() if text.startswith("甲段落"))
        second = next(t for text, t in tops.items() if text.startswith("乙段落"))
        return float(second - first)

    together = second_paragraph_drop("甲段落一行。\n乙段落一行。")
    apart = second_paragraph_drop("甲段落一行。\n\n乙段落一行。")
    trailing = second_paragraph_drop("甲段落一行。\n乙段落一行。\n\n\n")
    assert apart == pytest.approx(2 * together, abs=1)  # one empty line between them
    assert trailing == pytest.approx(together, abs=0.5)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is missing")
def test_every_font_in_the_pdf_is_embedded(truetype_fonts: FontSet, tmp_path: Path) -> None:
    """pdffonts lists each font a PDF declares; an unembedded one (ReportLab's initial
    Helvetica) would be drawn by whatever the reader substitutes."""
    from perfdesk.convert import conversion_target, convert

    projects = sample_projects()
    printed = tmp_path / "forms.pdf"
    printed.write_bytes(
        render_pdf([*projects, convert(projects[0], conversion_target())], truetype_fonts)
    )
    listing = subprocess.run(
        ["pdffonts", str(printed)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    # columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end
    assert [line.split()[-5] for line in listing] == ["yes"] * len(listing), listing
