"""Reading the current form (sh2026) back from extracted text, as robustly as the seed's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import DATA, SEED_TEXT, as_json, blank_lines_shuffled

from perfdesk import exchange
from perfdesk.exchange import project_to_json
from perfdesk.importing import read_any
from perfdesk.importing.text import read_text, rejoin_wrapped_names
from perfdesk.sample import sample_projects

FORMS = ("xinmeiti", "peixun")
TEXT = {name: (DATA / f"sh2026_{name}.txt").read_text(encoding="utf-8") for name in FORMS}


def expected(name: str) -> dict[str, Any]:
    return project_to_json(exchange.read_file(DATA / f"sh2026_{name}.json")[0])


@pytest.mark.parametrize("name", FORMS)
def test_every_field_is_placed_without_a_warning(name: str) -> None:
    result = read_any(DATA / f"sh2026_{name}.txt")
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == [expected(name)]


def test_the_current_form_is_told_from_the_seed_form_in_one_file() -> None:
    text = TEXT["xinmeiti"] + "\n" + SEED_TEXT.read_text(encoding="utf-8") + "\n" + TEXT["peixun"]
    result = read_text(text)
    assert result.all_warnings() == []
    assert as_json(result.projects) == [
        expected("xinmeiti"),
        *as_json(sample_projects()),
        expected("peixun"),
    ]


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("seed", range(6))
def test_blank_lines_added_and_removed_anywhere(name: str, seed: int) -> None:
    result = read_text(blank_lines_shuffled(TEXT[name], seed))
    assert result.all_warnings() == []
    assert as_json(result.projects) == [expected(name)]


def test_labels_and_values_on_one_line_or_split_with_colons() -> None:
    # the training form has each label on a line of its own; put values after a colon instead
    text = TEXT["peixun"]
    for label in ("项目性质", "项目类别", "主管部门", "计划开始日期", "计划完成日期"):
        text = re.sub(rf"{label}\n\n", f"{label}：", text)
    text = text.replace("其中：财政资金\n\n", "其中：财政资金： ")
    result = read_text(text.replace("\n", "\r\n"))
    assert result.all_warnings() == []
    assert as_json(result.projects) == [expected("peixun")]


def test_labels_wrapped_and_the_period_spelled_differently() -> None:
    text = (
        TEXT["xinmeiti"]
        .replace("年度资金申请总额", "年度资金申\n请总额")
        .replace("项目总体目标(2024年-2026年)", "项目总体目标（2024-2026年）：")
        .replace("年度指标值", "指标值")
    )
    result = read_text(text)
    assert result.all_warnings() == []
    assert as_json(result.projects) == [expected("xinmeiti")]


def test_a_table_continued_on_the_next_page() -> None:
    text = TEXT["xinmeiti"].replace(
        "可持续影响指标 后续管理制度健全性 健全",
        "\n一级指标 二级指标 三级指标 年度指标值\n效益指标（续） 可持续影响指标 后续管理制度健全性 健全",
    )
    assert as_json(read_text(text).projects) == [expected("xinmeiti")]


def test_a_form_without_its_explanation_says_so() -> None:
    form = TEXT["peixun"][: TEXT["peixun"].index(" 项目经费情况说明")]
    result = read_text(form)
    (project,) = result.projects
    assert (
        project.indicator_rows()
        == exchange.read_file(DATA / "sh2026_peixun.json")[0].indicator_rows()
    )
    assert project.sections["一、项目概述"] == ""
    warnings = [str(w) for w in result.all_warnings()]
    assert len(warnings) == 1 and "一、项目概述" in warnings[0] and "七、绩效目标" in warnings[0]


def test_unexpected_text_at_the_top_of_the_explanation_is_pointed_out() -> None:
    text = TEXT["peixun"].replace(" 项目经费情况说明\n", " 项目经费情况说明\n编制单位：培训中心\n")
    warnings = [str(w) for w in read_text(text).all_warnings()]
    assert len(warnings) == 1 and "编制单位：培训中心" in warnings[0]


@pytest.mark.parametrize("cut", range(0, len(TEXT["xinmeiti"]), 151))
def test_a_form_cut_off_anywhere_imports_what_is_there(cut: int) -> None:
    result = read_text(TEXT["xinmeiti"][:cut])
    want = exchange.read_file(DATA / "sh2026_xinmeiti.json")[0]
    for project in result.projects:
        assert project.layout == "sh2026"
        got = project.indicator_rows()
        assert got[:-1] == want.indicator_rows()[: max(len(got) - 1, 0)]
    if cut < TEXT["xinmeiti"].index("年度指标值"):
        assert result.all_warnings()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, len(TEXT["xinmeiti"].splitlines()) - 1), max_size=12))
def test_dropping_lines_never_crashes(dropped: list[int]) -> None:
    lines = [line for n, line in enumerate(TEXT["xinmeiti"].splitlines()) if n not in set(dropped)]
    for form in read_text("\n".join(lines)).forms:
        project_to_json(form.project)


def test_rejoining_a_wrapped_group_name() -> None:
    names = frozenset({"服务对象满意度指标", "数量指标", "满意度指标"})
    lines = ["服务对象满意度", "", "指标", "服务对象满意度 ≥90%", "数量", "发布 ≥5条"]
    assert rejoin_wrapped_names(lines, names) == [
        "服务对象满意度指标",
        "服务对象满意度 ≥90%",
        "数量",
        "发布 ≥5条",
    ]


def test_both_forms_survive_print_and_import(tmp_path: Path) -> None:
    from perfdesk.printing import render_pdf

    projects = [exchange.read_file(DATA / f"sh2026_{name}.json")[0] for name in FORMS]
    path = tmp_path / "printed.pdf"
    path.write_bytes(render_pdf(projects))
    result = read_any(path)
    assert [str(w) for w in result.all_warnings()] == []
    assert as_json(result.projects) == [expected(name) for name in FORMS]


def test_a_current_form_without_its_title_is_recognized_by_its_labels() -> None:
    text = TEXT["xinmeiti"].replace("财政项目支出绩效目标申报表\n", "", 1)
    result = read_text(text)
    (project,) = result.projects
    assert project.layout == "sh2026"
    assert project_to_json(project)["budget"] == expected("xinmeiti")["budget"]
    assert (
        project.indicator_rows()
        == exchange.read_file(DATA / "sh2026_xinmeiti.json")[0].indicator_rows()
    )
    assert "没有找到表头“财政项目支出绩效目标申报表”" in str(result.warnings[0])


def test_goals_side_by_side_in_a_table_row() -> None:
    # a PDF table with 项目总体目标 | 年度总体目标 as columns: the reader gives one line per row,
    # cells separated by tabs, each cell's lines joined
    want = exchange.read_file(DATA / "sh2026_xinmeiti.json")[0]
    text = TEXT["xinmeiti"]
    start = text.index("项目绩效目标")
    end = text.index("绩效指标\n")
    joined = ["".join(want.sections[label].split()) for label in ("项目总体目标", "年度总体目标")]
    row = "项目绩效目标\t项目总体目标(2024年-2026年)\t年度总体目标\n\t" + "\t".join(joined) + "\n\n"
    result = read_text(text[:start] + row + text[end:])
    assert result.all_warnings() == []
    (project,) = result.projects
    for label, value in zip(("项目总体目标", "年度总体目标"), joined, strict=True):
        assert "".join(project.sections[label].split()) == value
    assert project.indicator_rows() == want.indicator_rows()
    assert project.budget == want.budget
