"""The year's review summary (window table, Excel, the printed 单位内部审核表) and 与上年比较,
through a real database file, a real workbook and a real PDF read back."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from printed_pdf import read_pdf, squash
from test_review import good_form
from testdata import file_digest, needs_cjk_font, perfdesk

from perfdesk.model import IndicatorRow, Project
from perfdesk.progress import Cancelled
from perfdesk.review import review
from perfdesk.review.compare import IndicatorChangeKind, Piece, compare_years, text_pieces
from perfdesk.review.summary import REASONS_SHOWN, summarize
from perfdesk.sample import sample_projects
from perfdesk.store import Store


def weak_form(year: int = 2020) -> Project:
    """Only the standard 投入与管理 block, with vague values: 中 or 差."""
    project = good_form()
    project.set_year(year)
    project.set_field("项目名称", "只有标准指标的项目")
    standard = project.spec.standard_block
    vague = {"预算执行率": "提高", "预算资金到位率": "有效"}
    project.set_rows(
        [IndicatorRow(s.level1, s.level2, s.name, vague.get(s.name, s.target)) for s in standard]
    )
    return project


@pytest.fixture
def year_db(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.add_many([*sample_projects(), weak_form(), good_form(), weak_form(2021)])
    return db_path


def test_summary_lists_the_year_weakest_first_with_its_main_reasons(year_db: Path) -> None:
    with Store(year_db) as store:
        summary = summarize(store, year=2020)
        expected = {p.id: review(p) for p in store.get_all() if p.year == 2020}
    assert summary.period == "2020年度"
    assert [row.project_id for row in summary.rows] == sorted(
        expected, key=lambda i: (expected[i].score, i)
    )
    assert [row.grade for row in summary.rows] == [
        expected[r.project_id].grade for r in summary.rows
    ]
    assert summary.rows[0].name == "只有标准指标的项目"
    assert summary.rows[0].grade in ("中", "差")
    assert summary.rows[-1].grade == "优"
    for row in summary.rows:
        assert row.reasons == tuple(expected[row.project_id].reasons(REASONS_SHOWN))
    assert dict(summary.counts()) == {
        "优": 1,
        "良": 2,
        "中": [r.grade for r in summary.rows].count("中"),
        "差": [r.grade for r in summary.rows].count("差"),
    }
    assert summary.rows[0].reasons_text().startswith("1. ")


def test_summary_reports_progress_and_stops_when_cancelled(year_db: Path) -> None:
    heard: list[tuple[int, int]] = []
    with Store(year_db) as store:
        summarize(store, progress=lambda done, total: heard.append((done, total)))
        assert heard[-1] == (5, 5)
        with pytest.raises(Cancelled):
            summarize(store, cancelled=lambda: True)


def test_last_years_form_is_found_for_the_summary(db_path: Path) -> None:
    """A target sharply lowered against last year's copy costs points in the summary too."""
    with Store(db_path) as store:
        first = store.add(good_form())
        copy = store.copy_to_next_year(first)
        project = store.get(copy)
        rows = project.rows()
        rows[1] = IndicatorRow(rows[1].level1, rows[1].level2, rows[1].name, "≥5场")
        project.set_rows(rows)
        for label, text in project.sections.items():
            project.set_section(label, text.replace("25场", "5场"))
        store.save(project)
        summary = summarize(store, year=2021)
    assert any("比上年" in reason for reason in summary.rows[0].reasons)


@needs_cjk_font
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is missing")
def test_cli_prints_the_summary_sheet_with_embedded_fonts(year_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "审核表.pdf"
    done = perfdesk("--db", year_db, "review", "--all", "--year", "2020", "-o", sheet)
    assert done.returncode == 0, done.stderr
    assert "4 个项目" in done.stderr
    printed = read_pdf(sheet.read_bytes())
    text = printed.text
    assert "单位内部审核表" in text and "（2020年度）" in text
    for name in ("只有标准指标的项目", "科普资源平台建设"):
        assert squash(name) in text
    assert "审核人" in text and "财务负责人" in text
    assert "2021" not in text.replace("2020年度", "")
    listing = subprocess.run(
        ["pdffonts", str(sheet)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def test_cli_writes_the_summary_workbook(year_db: Path, tmp_path: Path) -> None:
    book = tmp_path / "审核表.xlsx"
    done = perfdesk("--db", year_db, "review", "--all", "-o", book)
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    assert sheet["A1"].value == "单位内部审核表（全部年度）"
    heads = [cell.value for cell in sheet[3]]
    assert heads == ["序号", "年度", "实施单位", "项目名称", "等级", "得分", "主要问题"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert len(rows) == 5
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    assert {row[4] for row in rows} <= {"优", "良", "中", "差"}
    scores = [row[5] for row in rows]
    assert scores == sorted(scores)


def test_cli_summary_refuses_a_wrong_kind_or_the_database_and_writes_nothing(
    year_db: Path, tmp_path: Path
) -> None:
    before = file_digest(year_db)
    wrong = tmp_path / "审核表.docx"
    done = perfdesk("--db", year_db, "review", "--all", "-o", wrong)
    assert done.returncode == 1 and ".pdf 或 .xlsx" in done.stderr
    assert not wrong.exists()
    done = perfdesk("--db", year_db, "review", "--all", "-o", year_db)
    assert done.returncode == 1 and "数据库" in done.stderr
    done = perfdesk("--db", year_db, "review", "--all", "--year", "1999", "-o", tmp_path / "a.pdf")
    assert done.returncode == 1 and "没有要汇总的项目" in done.stderr
    assert not (tmp_path / "a.pdf").exists()
    assert file_digest(year_db) == before


def test_cli_review_narrows_to_a_year(year_db: Path) -> None:
    done = perfdesk("--db", year_db, "review", "--all", "--year", "2021", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count('"grade"') == 1


# -- 与上年比较 --------------------------------------------------------------------------------


def test_comparison_names_what_changed_in_every_part(db_path: Path) -> None:
    with Store(db_path) as store:
        first = store.add(good_form())
        project = store.get(store.copy_to_next_year(first))
        previous = store.get(first)
    project.set_field("项目名称", "示例（二期）")
    project.set_budget("项目当年预算", "120000")
    project.set_section("项目概况", "全年举办科普讲座30场，服务市民满意。")
    rows = project.rows()
    rows[1] = IndicatorRow(rows[1].level1, rows[1].level2, rows[1].name, "≥30场")  # raised
    rows[2] = IndicatorRow(rows[2].level1, rows[2].level2, rows[2].name, "≥90%")  # lowered
    rows[3] = IndicatorRow(rows[3].level1, rows[3].level2, rows[3].name, "11月底前")  # changed
    del rows[4]  # removed
    rows.append(IndicatorRow("产出目标", "数量", "科普短片", "≥5则"))  # added
    project.set_rows(rows)

    comparison = compare_years(previous, project)
    assert (comparison.previous_year, comparison.year) == (2020, 2021)
    fields = {c.label: (c.before, c.after) for c in comparison.fields}
    assert fields["项目名称"] == ("示例", "示例（二期）")
    assert "计划开始日期" in fields  # copying moved the dates one year on
    assert {c.label: (c.before, c.after) for c in comparison.budget}["项目当年预算"] == (
        "100,000",
        "120,000",
    )
    [narrative] = [n for n in comparison.narratives if n.label == "项目概况"]
    assert (Piece.REMOVED, "25") in narrative.pieces and (Piece.ADDED, "30") in narrative.pieces
    # a number is replaced whole, not digit by digit
    assert text_pieces("推送1400条", "推送1600条") == (
        (Piece.SAME, "推送"),
        (Piece.REMOVED, "1400"),
        (Piece.ADDED, "1600"),
        (Piece.SAME, "条"),
    )
    kinds = {(c.kind, c.path[2], c.before, c.after) for c in comparison.indicators}
    assert kinds == {
        (IndicatorChangeKind.RAISED, "举办科普讲座场次", "≥25场", "≥30场"),
        (IndicatorChangeKind.LOWERED, "讲座按计划完成率", "≥95%", "≥90%"),
        (IndicatorChangeKind.CHANGED, "讲座完成时间", "12月底前", "11月底前"),
        (IndicatorChangeKind.REMOVED, "市民科学素养讲座参与率", "≥80%", ""),
        (IndicatorChangeKind.ADDED, "科普短片", "", "≥5则"),
    }


def test_an_unchanged_copy_compares_as_unchanged_but_for_the_dates(db_path: Path) -> None:
    with Store(db_path) as store:
        first = store.add(good_form())
        copy = store.get(store.copy_to_next_year(first))
        original = store.get(first)
    copy.fields = dict(original.fields)
    copy.budget = {
        label: Decimal(value) if value is not None else None
        for label, value in original.budget.items()
    }
    comparison = compare_years(original, copy)
    assert comparison.unchanged, comparison


@given(
    st.text(alphabet="科普讲座场次年度，。0123456789\n", max_size=40),
    st.text(alphabet="科普讲座场次年度，。0123456789\n", max_size=40),
)
def test_text_pieces_rebuild_both_texts(before: str, after: str) -> None:
    pieces = text_pieces(before, after)
    assert "".join(t for p, t in pieces if p is not Piece.ADDED) == before
    assert "".join(t for p, t in pieces if p is not Piece.REMOVED) == after


def test_revisions_move_when_a_project_is_saved(db_path: Path) -> None:
    with Store(db_path) as store:
        [first, second] = store.add_many(sample_projects())
        before = store.revisions()
        assert set(before) == {first, second}
        project = store.get(first)
        project.set_section("项目概况", "改了")
        store.conn.execute("UPDATE projects SET updated_at = '2000-01-01T00:00:00+00:00'")
        store.save(project)
        after = store.revisions()
    assert after[first] != "2000-01-01T00:00:00+00:00"
    assert after[second] == "2000-01-01T00:00:00+00:00"
