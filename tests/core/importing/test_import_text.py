"""Reading printed forms back from text: perfdesk.importing.text (and read_any for .txt)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import SEED_TEXT, as_json, blank_lines_shuffled, sample_json

from perfdesk.exchange import project_to_json
from perfdesk.importing import read_any
from perfdesk.importing.text import join_lines, read_text, split_row
from perfdesk.sample import sample_projects

SEED = SEED_TEXT.read_text(encoding="utf-8")


def messages(text: str) -> list[str]:
    return [str(w) for w in read_text(text).all_warnings()]


def test_the_seed_gives_the_sample_projects_exactly_and_without_warnings() -> None:
    result = read_any(SEED_TEXT)
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == sample_json()


def test_each_label_and_value_on_lines_of_their_own() -> None:
    spread = re.sub(r"：[ \t]*", "：\n\n", SEED)
    result = read_text(spread)
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_everything_in_one_long_line_per_form_part() -> None:
    # labels and values all run together the way some extractors give a table row
    squeezed = SEED.replace("\n\n", "\n").replace("：\n", "： ")
    assert as_json(read_text(squeezed).projects) == sample_json()


@pytest.mark.parametrize("seed", range(8))
def test_blank_lines_added_and_removed_anywhere(seed: int) -> None:
    result = read_text(blank_lines_shuffled(SEED, seed))
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_a_label_wrapped_over_two_lines() -> None:
    wrapped = SEED.replace("保证项目实施的制度、措施：", "保证项目实施的制\n度、措施：")
    assert as_json(read_text(wrapped).projects) == sample_json()


def test_a_percent_sign_on_the_line_after_its_number() -> None:
    text = SEED.replace("预算执行率 =100%", "预算执行率 =100\n\n%", 1)
    result = read_text(text)
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_name_and_value_on_separate_lines() -> None:
    text = SEED.replace("财务监控有效性 有效", "财务监控有效性\n有效").replace(
        "发布信息1400条 =100%", "发布信息1400\n条\n=100%"
    )
    result = read_text(text)
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_a_table_continued_on_the_next_page() -> None:
    page_break = (
        "\n第 2 页\n一级目标 二级目标 三级目标 指标目标值\n投入与管理（续） 财务管理（续）\n"
    )
    text = SEED.replace("财务监控有效性 有效\n", "财务监控有效性 有效\n" + page_break, 1)
    result = read_text(re.sub(r"(?m)^第 \d 页$", "", text))
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_a_missing_section_is_left_empty_and_named_in_a_warning() -> None:
    start = SEED.index("立项依据：")
    end = SEED.index("项目设立的必要性：")
    result = read_text(SEED[:start] + SEED[end:])
    first, second = as_json(result.projects)
    assert first["sections"]["立项依据"] == ""
    # the rest of the first form is still there, and the second form untouched
    assert first["sections"]["项目设立的必要性"] == sample_json()[0]["sections"]["项目设立的必要性"]
    assert first["indicators"] == sample_json()[0]["indicators"]
    assert second == sample_json()[1]
    assert [str(w) for w in result.all_warnings()] == [
        "第 1 张表：没有找到这些栏目（其文字可能并入了前一栏）：立项依据"
    ]


def test_text_before_the_first_form_is_quoted_in_a_warning() -> None:
    result = read_text("导出时间 2020-03-01\n" + SEED)
    assert as_json(result.projects) == sample_json()
    assert [str(w) for w in result.warnings] == ["第一张表之前的文字未导入：“导出时间 2020-03-01”"]


def test_an_unusual_level2_name_is_kept_and_pointed_out() -> None:
    text = SEED.replace("影响力目标 其它 满意度目标 良好", "影响力目标 社会影响 满意度目标 良好")
    result = read_text(text)
    rows = result.projects[1].indicator_rows()
    assert (rows[-1].level1, rows[-1].level2, rows[-1].name, rows[-1].target) == (
        "影响力目标",
        "社会影响",
        "满意度目标",
        "良好",
    )
    assert [str(w) for w in result.all_warnings()] == [
        "第 2 张表：“影响力目标”下的二级目标不是常用名称，请核对：“社会影响”"
    ]


def test_an_indicator_without_value_is_kept_and_pointed_out() -> None:
    text = SEED.replace("健全后续管理制度 健全", "健全后续管理制度")
    result = read_text(text)
    last = result.projects[0].indicator_rows()[-1]
    assert (last.name, last.target) == ("健全后续管理制度", "")
    assert [str(w) for w in result.all_warnings()] == [
        "第 1 张表：三级目标没有指标值：“健全后续管理制度”"
    ]


def test_a_bad_date_and_a_bad_amount_are_warned_about_not_guessed() -> None:
    text = SEED.replace("计划完成日期： 2020-12-31", "计划完成日期： 2020-13-45", 1).replace(
        "项目总预算（元）： 1,000,000", "项目总预算（元）： 一百万", 1
    )
    result = read_text(text)
    project = result.projects[0]
    assert project.fields["计划完成日期"] == ""
    assert project.budget["项目总预算"] is None
    warnings = [str(w) for w in result.all_warnings()]
    assert len(warnings) == 2
    assert "计划完成日期" in warnings[0] and "2020-13-45" in warnings[0]
    assert "项目总预算" in warnings[1] and "一百万" in warnings[1]


@pytest.mark.parametrize("cut", range(0, len(SEED), 97))
def test_a_form_cut_off_anywhere_imports_what_is_there(cut: int) -> None:
    result = read_text(SEED[:cut])
    second_title = SEED.index("财政项目支出绩效目标表", 10)
    if cut > second_title + len("财政项目支出绩效目标表"):
        assert as_json(result.projects)[0] == sample_json()[0]
    columns = [m.end() for m in re.finditer("指标目标值", SEED)]
    if cut < columns[0] or second_title < cut < columns[1]:
        assert result.all_warnings(), "a form cut before its table must say what is missing"
    if result.forms:
        # the rows read are the form's rows, but for the last one, which may be cut short
        got = result.projects[-1].indicator_rows()
        want = sample_projects()[len(result.forms) - 1].indicator_rows()
        assert got[:-1] == want[: max(len(got) - 1, 0)]


def test_a_cut_off_form_says_what_is_missing() -> None:
    cut = SEED.rindex("项目实施计划：")
    result = read_text(SEED[:cut])
    second = result.forms[1]
    assert second.project.name == "科普资源平台建设"
    assert second.project.sections["保证项目实施的制度、措施"].startswith(
        "《党建服务中心分布报告》"
    )
    assert second.project.indicator_rows() == []
    text = " ".join(str(w) for w in second.warnings)
    assert "项目实施计划" in text and "同名项目上年预算执行数" in text
    assert "2020年绩效目标" in text


def test_forms_out_of_order_lines_within_the_header() -> None:
    text = SEED.replace(
        "项目类别： 其他一次性项目\n\n计划开始日期： 2020-01-01 计划完成日期： 2020-12-31",
        "计划开始日期： 2020-01-01 计划完成日期： 2020-12-31\n\n项目类别： 其他一次性项目",
        1,
    )
    result = read_text(text)
    assert result.all_warnings() == []
    assert as_json(result.projects) == sample_json()


def test_table_rows_read_cell_by_cell_need_no_guessing() -> None:
    # how the PDF reader writes a ruled table: cells separated by tabs, "" under a merged cell
    head = SEED[: SEED.index("一级目标")]
    table = "\n".join(
        "\t".join(cells)
        for cells in [
            ("一级目标", "二级目标", "三级目标", "指标目标值"),
            ("待归类（原投入与管理）", "投入管理", "预算 执行率", "=100%"),
            ("", "", "提高10", "%"),
            ("", "自定义二级", "满意度", ""),
            ("产出目标", "数量", "", ""),
            ("产出目标（续）", "数量（续）", "发布信息1400条", "=100%"),
        ]
    )
    result = read_text(head + table)
    rows = [(r.level1, r.level2, r.name, r.target) for r in result.projects[0].rows()]
    assert rows == [
        ("待归类（原投入与管理）", "投入管理", "预算 执行率", "=100%"),
        ("待归类（原投入与管理）", "投入管理", "提高10", "%"),
        ("待归类（原投入与管理）", "自定义二级", "满意度", ""),
        ("产出目标", "数量", "发布信息1400条", "=100%"),
    ]
    assert [str(w) for w in result.all_warnings()] == ["第 1 张表：三级目标没有指标值：“满意度”"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(SEED[:400] + SEED[-400:] + "\n\n\t\t  %=")), max_size=600)
)
def test_scrambled_seed_text_never_crashes(text: str) -> None:
    result = read_text(text)
    for form in result.forms:
        project_to_json(form.project)  # what was imported is a valid project


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_never_crashes(text: str) -> None:
    read_text(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(SEED.splitlines()) - 1), min_size=1, max_size=12))
def test_dropping_lines_never_crashes_and_keeps_the_titles_forms(dropped: list[int]) -> None:
    lines = SEED.splitlines()
    kept = [line for n, line in enumerate(lines) if n not in set(dropped)]
    result = read_text("\n".join(kept))
    titles = sum(1 for line in kept if line.strip() == "财政项目支出绩效目标表")
    if titles:
        assert len(result.forms) == titles
    else:  # no title left: the text may still be read as one form, and that is said
        assert len(result.forms) <= 1


def test_garbage_gives_no_project_and_a_warning() -> None:
    result = read_text("%PDF-1.4 \x00\x01 binary stuff ¤¤¤ 123\n\n")
    assert result.forms == []
    assert [w.message for w in result.warnings] == ["没有找到可识别的绩效目标表"]
    assert read_text("   \n").forms == []


def test_a_form_without_its_title_is_still_read_and_that_is_said() -> None:
    body = SEED[SEED.index("申报单位名称") : SEED.index("财政项目支出绩效目标表", 10)]
    result = read_text(body)
    assert len(result.forms) == 1
    assert as_json(result.projects)[0] == sample_json()[0]
    assert "没有找到表头" in str(result.warnings[0])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_files_in_the_usual_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "forms.txt"
    path.write_bytes(SEED.replace("\n", "\r\n").encode(encoding))
    assert as_json(read_any(path).projects) == sample_json()


def test_kangxi_radicals_from_pdfs_read_as_ordinary_characters() -> None:
    # U+2F6C KANGXI RADICAL EYE and U+2F47 KANGXI RADICAL SUN stand in for 目 and 日
    text = SEED.replace("项目名称", "项\u2f6c名称").replace("计划开始日期", "计划开始\u2f47期")
    assert as_json(read_text(text).projects) == sample_json()


def test_join_lines_rejoins_wrapped_text() -> None:
    assert (
        join_lines("“上海科协”官方微信、微\n\n博策划与运维\n作\n")
        == "“上海科协”官方微信、微博策划与运维作"
    )
    assert join_lines("根据《20\n15年度报告》") == "根据《2015年度报告》"
    assert join_lines("Shanghai\nScience") == "Shanghai Science"
    assert join_lines("第一段。\n2、第二段", paragraphs=True) == "第一段。\n2、第二段"
    assert join_lines("第一段\n2、第二段", paragraphs=True) == "第一段2、第二段"


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("每日发布3--5条内容 =100%", "每日发布3--5条内容", "=100%"),
        ("新开辟栏目质量阅读转发500次以上 500次", "新开辟栏目质量阅读转发500次以上", "500次"),
        (
            "紧跟年内热点；紧扣今年活动及大赛主题 及时",
            "紧跟年内热点；紧扣今年活动及大赛主题",
            "及时",
        ),
        ("用户满意度 ≥ 90%", "用户满意度", "≥ 90%"),
        ("用户满意度 不低于 90 %", "用户满意度", "不低于 90 %"),
        ("提高科学传播效应，阅读量和转发率提高10", "提高科学传播效应，阅读量和转发率提高10", None),
        ("只有名称", "只有名称", None),
    ],
)
def test_split_row(text: str, name: str, value: str | None) -> None:
    assert split_row(text) == (name, value)
