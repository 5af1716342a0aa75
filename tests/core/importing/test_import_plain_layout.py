"""Forms as plain text extraction prints a real form's table (pdfplumber's ``extract_text``):
a row's cells share a line; a cell wrapped over several lines and centred in its row prints
its first lines above the row's line; merged 一级 cells print their name in the middle of
their rows; amounts run into the words beside them. And text repeated where a merged cell
crosses a page break. Read in every extraction style: our PDF reader and pdfplumber's text of
PDFs LibreOffice made, one cell per line, and texts written here."""

from __future__ import annotations

import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from perfdesk.importing import read_any
from perfdesk.importing.model import ImportResult
from perfdesk.importing.text import read_text
from perfdesk.model import Project
from tests.published_forms import (
    LONG_NAME,
    PublishedProject,
    cell_per_line,
    department_workbook,
    libreoffice_pdf,
    long_project,
    placed,
    word_form_with_a_row_across_pages,
    wrapped_project,
    writer_pdf,
)

WRAPPED = wrapped_project()
LONG_GOALS = wrapped_project(long_goals=True)
LONG = long_project()
LONG_MERGED = long_project(merged_level2=True)


def plumber_text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each made-up project as a workbook and LibreOffice's PDF of it."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    out: dict[str, tuple[Path, Path]] = {}
    for key, project in (
        ("wrapped", WRAPPED),
        ("long goals", LONG_GOALS),
        ("long", LONG),
        ("long merged", LONG_MERGED),
    ):
        folder = tmp_path_factory.mktemp(key)
        xlsx = department_workbook(folder / f"{key}.xlsx", [project])
        out[key] = (xlsx, libreoffice_pdf(xlsx, folder))
    return out


def rows_of(project: Project) -> list[tuple[str, str, str, str]]:
    return [(r.level1, r.level2, r.name, r.target) for r in project.indicator_rows()]


def wanted_rows(want: PublishedProject) -> list[tuple[str, str, str, str]]:
    level1, rows = "", []
    for first, second, name, target in want.rows:
        level1 = first or level1
        rows.append((level1, second, name, target))
    return rows


def only_form(result: ImportResult) -> Project:
    (form,) = result.forms
    return form.project


# ---------------------------------------------------------------------------------------------
# a centred, wrapped form made by LibreOffice


def test_our_pdf_reader_reads_the_wrapped_form_whole(made: dict[str, tuple[Path, Path]]) -> None:
    result = read_any(made["wrapped"][1])
    assert [str(w) for w in result.all_warnings()] == []
    hits, total = placed(only_form(result), WRAPPED)
    assert hits == total


def test_one_cell_per_line_of_the_wrapped_form(made: dict[str, tuple[Path, Path]]) -> None:
    result = read_text(cell_per_line(made["wrapped"][0]))
    project = only_form(result)
    rows = wanted_rows(WRAPPED)
    got = rows_of(project)
    sentence = next(row for row in rows if "，" in row[3])
    assert [row for row in got if row in rows] == [row for row in rows if row != sentence]
    # a 指标值 that reads as a sentence cannot be told from a wrapped 三级 name when each
    # cell is on lines of its own: kept on the row, whole, and pointed out
    level1, level2, name, value = sentence
    assert (level1, level2, name + value, "") in got
    (message,) = [str(w) for w in result.all_warnings()]
    assert "三级目标没有指标值" in message


def test_pdfplumber_text_of_the_wrapped_form(made: dict[str, tuple[Path, Path]]) -> None:
    text = plumber_text(made["wrapped"][1])
    # what makes the text hard: the wrapped cells' first lines above their rows' lines, the
    # merged 效益指标 printed beside the second line of a value
    assert "新建人行道及无障碍设施改造的总长\n数量指标 ≥1.2公里\n度（含路口）" in text
    assert "100%\n产出指标\n" in text  # the merged 一级, in the middle of its rows
    # a name wrapped over three lines: its middle line on the row's line
    assert "\n时效指标 造并恢复使用且经交管部门验收合格 ≥95%\n" in text
    assert "效益指标 高峰时段拥堵有效缓解" in text
    result = read_text(text)
    project = only_form(result)
    assert rows_of(project) == wanted_rows(WRAPPED)
    assert project.fields["实施单位"] == WRAPPED.unit
    assert project.fields["主管部门"] == WRAPPED.department  # printed round its label's line
    assert project.budget["年度其他资金"] == Decimal(0)
    # the two goals, each centred in its own cell, print interleaved with nothing to tell
    # which text is whose: kept whole for the officer and said, not guessed
    messages = [str(w) for w in result.all_warnings()]
    assert len(messages) == 1 and "并排" in messages[0]
    holding = project.sections["待归类内容"]
    assert project.sections["项目总体目标"] == project.sections["年度总体目标"] == ""
    kept = Counter(holding)
    kept.subtract(WRAPPED.goal + WRAPPED.annual_goal)
    assert min(kept.values()) >= 0  # every character of both goals


def test_pdfplumber_text_of_goals_that_share_a_line(made: dict[str, tuple[Path, Path]]) -> None:
    # three lines of the overall goal beside one of the annual goal: the middle lines meet
    text = plumber_text(made["long goals"][1])
    assert "降低后期养护成本，改善周边居民出 2026年完成东风路大修3公里" in text
    result = read_text(text)
    assert [str(w) for w in result.all_warnings()] == []
    hits, total = placed(only_form(result), LONG_GOALS)
    assert hits == total


# ---------------------------------------------------------------------------------------------
# made-up texts in pdfplumber's style

_HEAD = (
    "社区科普讲座项目经费情况说明\n一、项目概述\n开展科普讲座。\n二、立项依据\n某某办法。\n"
    "三、实施主体\n某某区科学技术协会\n四、实施方案\n分季度实施。\n五、实施周期\n一年。\n"
    "六、年度预算安排\n见下表。\n七、绩效目标\n详见单位的项目绩效目标表。\n"
    "财政项目支出绩效目标申报表\n（2026年度）\n项目名称 社区科普讲座\n"
    "项目性质 经常性项目 项目类别 其他运转类\n"
    "主管部门 某某区科学技术委员会 实施单位 某某区科学技术协会\n"
    "计划开始日期2026/1/1 计划完成日期 2026/12/31\n"
)
_BUDGET = (
    "项目资金总额 1,250,000.00 年度资金申请总额 1,250,000.00\n"
    "项目资金 其中：财政资金 1,250,000.00 其中：当年财政拨款 1,250,000.00\n"
    "（元） 其他资金 0 上年结转资金 0\n"
    "其他资金 0\n"
)
_GOALS = (
    "项目总体目标\n年度总体目标\n项目 (2024年-2026年)\n绩效\n"
    "目标 三年内开展科普讲座120场。 本年度开展科普讲座40场。\n"
)
_COLUMNS = "一级指标 二级指标 三级指标 年度指标值\n"


def plumber_form(table: str, budget: str = _BUDGET, goals: str = _GOALS) -> str:
    return _HEAD + budget + goals + _COLUMNS + table


_TABLES = {
    "a value wrapped round its row": (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "通行能力较改造前明显提升，\n"
        "效益指标 社会效益指标 道路通行能力提升\n"
        "高峰时段拥堵有效缓解\n"
        "满意度指标 服务对象满意度指标 听众满意度 ≥90%\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            (
                "效益指标",
                "社会效益指标",
                "道路通行能力提升",
                "通行能力较改造前明显提升，高峰时段拥堵有效缓解",
            ),
            ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
        ],
    ),
    "a name wrapped over four lines": (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "面向辖区中小学生\n和社区老年居民开展的\n"
        "数量指标 ≥20场\n"
        "专题科普讲座及科学\n实验展示活动场次\n"
        "质量指标 讲座内容审核通过率 100%\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            (
                "产出指标",
                "数量指标",
                "面向辖区中小学生和社区老年居民开展的专题科普讲座及科学实验展示活动场次",
                "≥20场",
            ),
            ("产出指标", "质量指标", "讲座内容审核通过率", "100%"),
        ],
    ),
    "names wrapped over three lines, the middle on the row's line": (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "面向辖区中小学生\n"
        "数量指标 和社区老年居民开展的 ≥20场\n"
        "专题科普讲座场次\n"
        "讲座内容经专家\n"
        "质量指标 审核并通过科学性 100%\n"
        "检查的比例\n"
        "新建人行道及无障碍设施改造的总长\n"
        "时效指标 ≥95%\n"
        "度（含路口）\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            (
                "产出指标",
                "数量指标",
                "面向辖区中小学生和社区老年居民开展的专题科普讲座场次",
                "≥20场",
            ),
            ("产出指标", "质量指标", "讲座内容经专家审核并通过科学性检查的比例", "100%"),
            ("产出指标", "时效指标", "新建人行道及无障碍设施改造的总长度（含路口）", "≥95%"),
        ],
    ),
    "two wrapped rows in a row, the gap between them shared": (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "覆盖全区十二个街道和镇的\n"
        "数量指标 科普站点覆盖街道数量\n"
        "科普站点（含新建站点）\n"
        "受众人数达到上年的\n"
        "时效指标 ≥95%\n"
        "一点二倍以上\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            (
                "产出指标",
                "数量指标",
                "科普站点覆盖街道数量",
                "覆盖全区十二个街道和镇的科普站点（含新建站点）",
            ),
            ("产出指标", "时效指标", "受众人数达到上年的一点二倍以上", "≥95%"),
        ],
    ),
    "merged 一级 names in the middle of their rows": (
        "数量指标 讲座场次 ≥40场\n"
        "产出指标 质量指标 讲座内容审核通过率 100%\n"
        "时效指标 讲座按期完成率 ≥95%\n"
        "社会效益指标 公众科学素质提升 有效提升\n"
        "效益指标\n"
        "可持续影响指标 科普阵地长效运行 长期\n"
        "满意度指标 服务对象满意度指标 听众满意度 ≥90%\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            ("产出指标", "质量指标", "讲座内容审核通过率", "100%"),
            ("产出指标", "时效指标", "讲座按期完成率", "≥95%"),
            ("效益指标", "社会效益指标", "公众科学素质提升", "有效提升"),
            ("效益指标", "可持续影响指标", "科普阵地长效运行", "长期"),
            ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
        ],
    ),
    "a merged 一级 beside the row label and a wrapped value": (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "绩效\n"
        "公众科学素质较上年\n"
        "社会效益指标 公众科学素质提升\n"
        "指标 效益指标 明显提升\n"
        "满意度指标 服务对象满意度指标 听众满意度 ≥90%\n",
        [
            ("产出指标", "数量指标", "讲座场次", "≥40场"),
            ("效益指标", "社会效益指标", "公众科学素质提升", "公众科学素质较上年明显提升"),
            ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(_TABLES))
def test_made_up_tables_in_pdfplumber_style(case: str) -> None:
    table, rows = _TABLES[case]
    result = read_text(plumber_form(table))
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == rows


def test_a_merged_level1_never_printed_is_pointed_out() -> None:
    # the 二级 names say where the rows belong, but the 一级 itself is nowhere: said
    table = (
        "产出指标 数量指标 讲座场次 ≥40场\n"
        "社会效益指标 公众科学素质提升 有效提升\n"
        "满意度指标 服务对象满意度指标 听众满意度 ≥90%\n"
    )
    result = read_text(plumber_form(table))
    assert rows_of(only_form(result))[1][:2] == ("效益指标", "社会效益指标")
    (message,) = [str(w) for w in result.all_warnings()]
    assert "没有找到一级目标“效益指标”" in message and "社会效益指标" in message


def test_a_form_level1_of_its_own_keeps_its_rows() -> None:
    # a 一级 the form names itself (read from a ruled table's cells) holds whatever 二级
    # follow it in its merged cell: nothing is moved out
    table = "待归类\t数量指标\t讲座场次\t≥40场\n\t社会效益指标\t公众科学素质提升\t有效提升\n"
    result = read_text(plumber_form(table))
    assert [row[0] for row in rows_of(only_form(result))] == ["待归类", "待归类"]


@pytest.mark.parametrize(
    ("budget", "goals"),
    [
        # the unit of the row label printed after the amounts
        (
            "项目资金总额 1,250,000.00（元） 年度资金申请总额 1,250,000.00\n"
            "项目资金 其中：财政资金 1,250,000.00 其中：当年财政拨款 1,250,000.00\n"
            "其他资金 0 上年结转资金 0\n其他资金 0\n",
            _GOALS,
        ),
        # the last amount runs into the goal's label, and the row label into the amount
        (
            "项目资金总额 1,250,000.00 年度资金申请总额 1,250,000.00\n"
            "项目资金 其中：财政资金 1,250,000.00 其中：当年财政拨款 1,250,000.00\n"
            "（元） 其他资金 0 上年结转资金 0\n其他资金 0项目总目标\n",
            "年度总体目标\n(2024年-2026年)\n"
            "绩效 三年内开展科普讲座120场。 本年度开展科普讲座40场。\n",
        ),
        (
            _BUDGET.replace("其他资金 0\n", "其他资金 0\n项目\n"),
            "项目总体目标 年度总体目标\n绩效\n"
            "目标 三年内开展科普讲座120场。 本年度开展科普讲座40场。\n",
        ),
    ],
)
def test_amounts_run_into_words_beside_them(budget: str, goals: str) -> None:
    table = "产出指标 数量指标 讲座场次 ≥40场\n"
    result = read_text(plumber_form(table, budget, goals))
    project = only_form(result)
    assert [str(w) for w in result.all_warnings()] == []
    assert project.budget["项目资金总额"] == Decimal("1250000.00")
    assert project.budget["年度其他资金"] == Decimal(0)
    assert project.sections["项目总体目标"] == "三年内开展科普讲座120场。"
    assert project.sections["年度总体目标"] == "本年度开展科普讲座40场。"


def test_a_row_written_cell_by_cell_is_not_taken_for_a_centred_one() -> None:
    # one cell per line: the value under its name ends the row; nothing is regrouped
    table = "产出指标\n数量指标 讲座场次\n≥40场\n质量指标 讲座内容审核通过率\n100%\n"
    result = read_text(plumber_form(table))
    assert rows_of(only_form(result)) == [
        ("产出指标", "数量指标", "讲座场次", "≥40场"),
        ("产出指标", "质量指标", "讲座内容审核通过率", "100%"),
    ]
    assert [str(w) for w in result.all_warnings()] == []


def test_a_short_word_that_could_be_either_cell_is_pointed_out() -> None:
    # 覆盖街道数 could be the 三级 name (its value wrapped round it) or a worded 指标值 (its
    # name wrapped round it): read as the value, the way short words are, and said
    table = "产出指标 数量指标 讲座场次 ≥40场\n覆盖全区十二个街道和镇的\n数量指标 覆盖街道数\n科普站点\n"
    result = read_text(plumber_form(table))
    assert rows_of(only_form(result))[1] == (
        "产出指标",
        "数量指标",
        "覆盖全区十二个街道和镇的科普站点",
        "覆盖街道数",
    )
    (message,) = [str(w) for w in result.all_warnings()]
    assert "无法确定" in message and "覆盖街道数" in message


# ---------------------------------------------------------------------------------------------
# a merged cell across a page break (LibreOffice prints its text again on the next page)


def test_merged_cells_across_a_page_break_in_our_pdf_reader(
    made: dict[str, tuple[Path, Path]],
) -> None:
    result = read_any(made["long"][1])
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == wanted_rows(LONG)


def test_merged_level2_cells_one_cell_per_line(made: dict[str, tuple[Path, Path]]) -> None:
    result = read_text(cell_per_line(made["long merged"][0]))
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == wanted_rows(LONG)


@pytest.mark.parametrize("style", ["ours", "plumber"])
def test_merged_level2_cells_cut_by_a_page_break_are_pointed_out(
    made: dict[str, tuple[Path, Path]], style: str
) -> None:
    # 效益指标 and 社会效益指标 are merged over 效益1 … 效益7, cut by the page break after
    # 效益2; their names print below the first page's part. Which of the rows above them
    # are theirs the text cannot say (the first rows of the table can only be the first
    # names'): the rows stay where they stand and the nearest are named in a warning
    pdf = made["long merged"][1]
    if style == "plumber":
        text = plumber_text(pdf)
        assert text.split("年度指标值\n")[1].startswith("第1项数量 ≥1个\n")
        result = read_text(text)
    else:
        result = read_any(pdf)
    rows = rows_of(only_form(result))
    assert sorted(row[2:] for row in rows) == sorted(row[2:] for row in wanted_rows(LONG))
    assert rows[:44] == wanted_rows(LONG)[:44]
    assert rows[46:] == wanted_rows(LONG)[46:]
    (message,) = [str(w) for w in result.all_warnings()]
    assert "“社会效益指标”印在合并单元格中" in message and "效益1、效益2" in message


def test_a_merged_level1_across_a_page_break_in_pdfplumber_text(
    made: dict[str, tuple[Path, Path]],
) -> None:
    text = plumber_text(made["long"][1])
    # the merged 效益指标 cell prints its name on both pages, the row label on the second
    # page again, and the first page's rows of 效益指标 stand above any 效益指标
    lines = text.split("\n")
    named = [n for n, line in enumerate(lines) if line.startswith("效益指标")]
    assert len(named) == 2
    assert next(n for n, line in enumerate(lines) if "效益1 " in line) < named[0]
    result = read_text(text)
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == wanted_rows(LONG)


def test_a_merged_level1_across_a_page_break_one_cell_per_line(
    made: dict[str, tuple[Path, Path]],
) -> None:
    result = read_text(cell_per_line(made["long"][0]))
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == wanted_rows(LONG)


@pytest.fixture(scope="module")
def word_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
    folder = tmp_path_factory.mktemp("word")
    return writer_pdf(word_form_with_a_row_across_pages(folder / "form.docx"), folder)


def test_a_row_broken_across_pages_is_one_row_in_our_pdf_reader(word_pdf: Path) -> None:
    with pdfplumber.open(word_pdf) as document:
        assert len(document.pages) == 3  # the long name's cell runs over two page breaks
    result = read_any(word_pdf)
    rows = rows_of(only_form(result))
    assert rows[-2:] == [
        ("产出指标", "质量指标", LONG_NAME, "100%"),
        ("效益指标", "社会效益指标", "居民科学素质", "提高"),
    ]
    assert len(rows) == 21
    assert not any("指标" in str(w) for w in result.all_warnings())


def test_a_row_broken_across_pages_in_pdfplumber_text_is_kept_and_reported(
    word_pdf: Path,
) -> None:
    # top-aligned cells: the name's first line shares the row's line with its value, the
    # rest follows over the page breaks; it cannot be told from a row of its own without
    # a value: kept whole on such a row, and said
    result = read_text(plumber_text(word_pdf))
    rows = rows_of(only_form(result))
    first, rest = rows[-3], rows[-2]
    assert first[:2] == ("产出指标", "质量指标") and first[3] == "100%"
    assert first[2] + rest[2] == LONG_NAME and rest[3] == ""
    assert any("三级目标没有指标值" in str(w) for w in result.all_warnings())


_CONTINUED_ROWS = {
    "the name runs on": (
        "\x1e\t\t并通过科学性检查的比例\t\n",
        [("产出指标", "质量指标", "讲座内容经专家审核并通过科学性检查的比例", "100%")],
        [],
    ),
    "the value runs on": (
        "\x1e\t\t\t（按场次计）\n",
        [("产出指标", "质量指标", "讲座内容经专家审核", "100%（按场次计）")],
        [],
    ),
    "both cells: a row of its own, said": (
        "\x1e\t\t讲座按期完成率\t≥95%\n",
        [
            ("产出指标", "质量指标", "讲座内容经专家审核", "100%"),
            ("产出指标", "质量指标", "讲座按期完成率", "≥95%"),
        ],
        ["分页处的一行可能是上一行的续行"],
    ),
    "a row with its 二级 repeated": (
        "\x1e\t质量指标\t讲座按期完成率\t≥95%\n",
        [
            ("产出指标", "质量指标", "讲座内容经专家审核", "100%"),
            ("产出指标", "质量指标", "讲座按期完成率", "≥95%"),
        ],
        [],
    ),
}


@pytest.mark.parametrize("case", list(_CONTINUED_ROWS))
def test_a_row_marked_as_starting_a_page_in_table_text(case: str) -> None:
    # what our PDF reader writes for a table row at the top of a page that follows a row
    table, rows, said = _CONTINUED_ROWS[case]
    text = plumber_form(
        "产出指标\t数量指标\t讲座场次\t≥40场\n\t质量指标\t讲座内容经专家审核\t100%\n" + table
    )
    result = read_text(text)
    assert rows_of(only_form(result))[1:] == rows
    messages = [str(w) for w in result.all_warnings()]
    assert len(messages) == len(said)
    assert all(want in message for want, message in zip(said, messages, strict=True))


_PAGE_TOP = "一级指标 二级指标 三级指标 年度指标值\n"
_REPEATED = {
    # one cell per line: the merged 一级 and the row label printed again on the next page,
    # and the column headings repeated
    "cells: 一级 and row label again": (
        "产出指标\n\n数量指标\n\n讲座场次\n\n≥40场\n\n质量指标\n\n讲座内容审核通过率\n\n100%\n\n"
        "绩效\n\n指标\n\n" + _PAGE_TOP.replace(" ", "\n\n") + "\n产出指标\n\n"
        "时效指标\n\n讲座按期完成率\n\n≥95%\n"
    ),
    # one cell per line: a 三级 name overflowing the page, continued under the headings
    "cells: a name continued": (
        "产出指标\n\n数量指标\n\n讲座场次\n\n≥40场\n\n质量指标\n\n讲座内容审核\n\n"
        + _PAGE_TOP.replace(" ", "\n\n")
        + "\n通过率\n\n100%\n\n时效指标\n\n讲座按期完成率\n\n≥95%\n"
    ),
    # pdfplumber text: the merged 一级 printed at the foot of the page and again at the top
    # of the next, with the row label
    "plumber: 一级 on both pages": (
        "数量指标 讲座场次 ≥40场\n质量指标 讲座内容审核通过率 100%\n产出指标\n"
        "绩效\n指标\n产出指标 时效指标 讲座按期完成率 ≥95%\n"
    ),
    # pdfplumber text: only the next page names the 一级
    "plumber: 一级 on the next page only": (
        "数量指标 讲座场次 ≥40场\n质量指标 讲座内容审核通过率 100%\n"
        + _PAGE_TOP
        + "绩效\n产出指标 时效指标 讲座按期完成率 ≥95%\n指标\n"
    ),
    # our PDF reader: the 一级 cell's part on the first page is empty
    "table: 一级 on the next page only": (
        "\t数量指标\t讲座场次\t≥40场\n\t质量指标\t讲座内容审核通过率\t100%\n"
        "产出指标\t时效指标\t讲座按期完成率\t≥95%\n"
    ),
}


@pytest.mark.parametrize("case", list(_REPEATED))
def test_text_repeated_at_a_page_break(case: str) -> None:
    result = read_text(plumber_form(_REPEATED[case]))
    assert [str(w) for w in result.all_warnings()] == []
    assert rows_of(only_form(result)) == [
        ("产出指标", "数量指标", "讲座场次", "≥40场"),
        ("产出指标", "质量指标", "讲座内容审核通过率", "100%"),
        ("产出指标", "时效指标", "讲座按期完成率", "≥95%"),
    ]


_GOAL = "三年内在全区开展科普讲座一百二十场，覆盖全部街道和镇，提高居民科学素质。"
_ANNUAL = "本年度开展科普讲座四十场，受众一千二百人次。"
_LABELS = "项目总体目标\n年度总体目标\n项目 (2024年-2026年)\n"
_CENTRED_GOALS = {
    # three lines beside one: the middle one shared
    "3 beside 1": (
        "绩效 三年内在全区开展科普讲座一百二十\n"
        "目标 场，覆盖全部街道和镇，提高居民科 本年度开展科普讲座四十场，受众一千二百人次。\n"
        "学素质。\n"
    ),
    # two beside two: both lines shared
    "2 beside 2": (
        "绩效 三年内在全区开展科普讲座一百二十场，覆盖全部 本年度开展科普讲座四十场，\n"
        "目标 街道和镇，提高居民科学素质。 受众一千二百人次。\n"
    ),
    # four beside two: the middle two shared
    "4 beside 2": (
        "绩效 三年内在全区开展科普\n"
        "讲座一百二十场，覆盖 本年度开展科普讲座四十场，受\n"
        "目标 全部街道和镇，提高居 众一千二百人次。\n"
        "民科学素质。\n"
    ),
}


@pytest.mark.parametrize("case", list(_CENTRED_GOALS))
def test_made_up_goals_centred_side_by_side(case: str) -> None:
    result = read_text(
        plumber_form("产出指标 数量指标 讲座场次 ≥40场\n", goals=_LABELS + _CENTRED_GOALS[case])
    )
    assert [str(w) for w in result.all_warnings()] == []
    project = only_form(result)
    assert (project.sections["项目总体目标"], project.sections["年度总体目标"]) == (_GOAL, _ANNUAL)


def test_goals_whose_lines_fit_either_way_are_kept_and_reported() -> None:
    # two lines round one: which text is the overall goal cannot be told
    goals = _LABELS + (
        "绩效 三年内在全区开展科普讲座一百二十场，覆盖\n"
        "目标 本年度开展科普讲座四十场，受众一千二百人次。\n"
        "全部街道和镇，提高居民科学素质。\n"
    )
    result = read_text(plumber_form("产出指标 数量指标 讲座场次 ≥40场\n", goals=goals))
    project = only_form(result)
    assert project.sections["项目总体目标"] == project.sections["年度总体目标"] == ""
    assert "本年度开展科普讲座四十场" in project.sections["待归类内容"]
    (message,) = [str(w) for w in result.all_warnings()]
    assert "并排" in message


def test_our_pdf_reader_reads_goals_that_share_a_line(made: dict[str, tuple[Path, Path]]) -> None:
    result = read_any(made["long goals"][1])
    assert [str(w) for w in result.all_warnings()] == []
    hits, total = placed(only_form(result), LONG_GOALS)
    assert hits == total


@pytest.mark.parametrize(
    "budget",
    [
        # a ruled table's cells, with the unit written after the amounts
        "项目资金（元）\t项目资金总额\t1,250,000.00（元）\t年度资金申请总额\t1,250,000.00元\n"
        "\t其中：财政资金\t1,250,000.00\t其中：当年财政拨款\t1,250,000.00\n"
        "\t其他资金\t0\t上年结转资金\t0\n\t\t\t其他资金\t0\n",
        # the row label's unit wrapped into the amount cells' line
        "项目资金\t项目资金总额\t1,250,000.00\t年度资金申请总额\t1,250,000.00\n"
        "（元）\t其中：财政资金\t1,250,000.00\t其中：当年财政拨款\t1,250,000.00\n"
        "\t其他资金\t0\t上年结转资金\t0\n\t\t\t其他资金\t0\n",
    ],
)
def test_amounts_with_units_in_table_text(budget: str) -> None:
    goals = "项目总体目标(2024年-2026年)\t年度总体目标\n三年内开展科普讲座120场。\t本年度开展科普讲座40场。\n"
    result = read_text(plumber_form("产出指标\t数量指标\t讲座场次\t≥40场\n", budget, goals))
    project = only_form(result)
    assert [str(w) for w in result.all_warnings()] == []
    assert (
        project.budget["项目资金总额"]
        == project.budget["年度资金申请总额"]
        == Decimal("1250000.00")
    )
    assert project.budget["年度其他资金"] == Decimal(0)
    assert project.sections["年度总体目标"] == "本年度开展科普讲座40场。"


@pytest.fixture(scope="module")
def hard_department(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    folder = tmp_path_factory.mktemp("hard department")
    xlsx = department_workbook(folder / "部门.xlsx", [LONG_GOALS, LONG, WRAPPED])
    return libreoffice_pdf(xlsx, folder)


@pytest.mark.parametrize("style", ["ours", "plumber"])
def test_a_department_of_tall_forms(hard_department: Path, style: str) -> None:
    # narrative, form, narrative, form …: each form's rows and narrative stay its own
    result = (
        read_any(hard_department) if style == "ours" else read_text(plumber_text(hard_department))
    )
    assert len(result.forms) == 3
    for form, want in zip(result.forms, (LONG_GOALS, LONG, WRAPPED), strict=True):
        assert rows_of(form.project) == wanted_rows(want)
        assert form.project.sections["一、项目概述"] == want.overview
        assert form.project.fields["实施单位"] == want.unit
    messages = [str(w) for w in result.all_warnings()]
    # only the two goals plumber's text interleaves beyond telling apart (see above)
    assert messages == ([] if style == "ours" else [messages[0]])
    if style == "plumber":
        assert "第 3 张表" in messages[0] and "并排" in messages[0]


_FIELD_ROWS = {
    "the first field's value round the line": (
        "上海市某某区科学技术\n主管部门 实施单位 某某区科学技术协会\n委员会（科普工作处）\n",
        "上海市某某区科学技术委员会（科普工作处）",
        "某某区科学技术协会",
    ),
    "the second field's value round the line": (
        "某某区科学技术协会青少年\n主管部门 某某区科学技术委员会 实施单位\n科技教育中心\n",
        "某某区科学技术委员会",
        "某某区科学技术协会青少年科技教育中心",
    ),
    "four lines, two above and two below": (
        "上海市某某区\n科学技术委员会\n主管部门 实施单位 某某区科学技术协会\n"
        "（科普工作处）\n（第二办公室）\n",
        "上海市某某区科学技术委员会（科普工作处）（第二办公室）",
        "某某区科学技术协会",
    ),
}


@pytest.mark.parametrize("case", list(_FIELD_ROWS))
def test_made_up_field_values_centred_round_their_labels(case: str) -> None:
    row, department, unit = _FIELD_ROWS[case]
    head = _HEAD.replace("主管部门 某某区科学技术委员会 实施单位 某某区科学技术协会\n", row)
    text = head + _BUDGET + _GOALS + _COLUMNS + "产出指标 数量指标 讲座场次 ≥40场\n"
    result = read_text(text)
    assert [str(w) for w in result.all_warnings()] == []
    project = only_form(result)
    assert (project.fields["主管部门"], project.fields["实施单位"]) == (department, unit)
    assert project.fields["项目类别"] == "其他运转类"
