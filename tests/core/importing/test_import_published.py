"""Forms laid out like the ones units publish (部门预算公开): each 项目经费情况说明 printed before
its 申报表, several projects in one file, read in every extraction style — our PDF reader on a
PDF LibreOffice made, pdfplumber's plain text of it, and one cell per line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest

from perfdesk.importing import read_any
from perfdesk.importing.model import ImportResult
from perfdesk.importing.text import read_text
from tests.published_forms import (
    cell_per_line,
    department_workbook,
    libreoffice_pdf,
    placed,
    projects,
)

PUBLISHED = projects()


@pytest.fixture(scope="module")
def department(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        # The published PDF is LibreOffice's print of the workbook (Linux CI installs it; the
        # core tests under the Windows Python have none).
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    folder = tmp_path_factory.mktemp("published")
    xlsx = department_workbook(folder / "部门项目.xlsx", PUBLISHED)
    return xlsx, libreoffice_pdf(xlsx, folder)


def plumber_text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def every_value_in_place(result: ImportResult) -> None:
    assert [form.project.name for form in result.forms] == [p.name for p in PUBLISHED]
    for form, want in zip(result.forms, PUBLISHED, strict=True):
        hits, total = placed(form.project, want)
        assert hits == total, (want.name, hits, total)


def test_our_pdf_reader_puts_each_narrative_on_its_own_project(
    department: tuple[Path, Path],
) -> None:
    result = read_any(department[1])
    assert result.all_warnings() == []
    every_value_in_place(result)


def test_pdfplumber_text_of_the_same_pdf(department: tuple[Path, Path]) -> None:
    result = read_text(plumber_text(department[1]))
    assert [str(w) for w in result.all_warnings()] == []
    every_value_in_place(result)


@pytest.mark.parametrize("quoted", [False, True])
def test_one_cell_per_line(department: tuple[Path, Path], quoted: bool) -> None:
    result = read_text(cell_per_line(department[0], quoted))
    assert result.all_warnings() == []
    every_value_in_place(result)


def test_the_goal_label_spelled_project_total_goal(department: tuple[Path, Path]) -> None:
    text = cell_per_line(department[0]).replace("项目总体目标", "项目总目标")
    every_value_in_place(read_text(text))


@pytest.mark.parametrize("style", ["cells", "plumber"])
def test_a_narrative_naming_no_form_is_reported_not_attached(
    department: tuple[Path, Path], style: str
) -> None:
    text = cell_per_line(department[0]) if style == "cells" else plumber_text(department[1])
    text = text.replace("社区科普讲座项目项目经费情况说明", "社区健身步道项目经费情况说明")
    result = read_text(text, "部门.pdf")
    warnings = [str(w) for w in result.warnings]
    assert len(warnings) == 1 and "社区健身步道项目经费情况说明" in warnings[0]
    assert "未导入" in warnings[0]
    first, second, third = (form.project for form in result.forms)
    assert second.sections["一、项目概述"] == ""
    assert "没有找到“项目经费情况说明”" in str(result.forms[1].warnings[0])
    assert first.sections["一、项目概述"] == PUBLISHED[0].overview
    assert third.sections["一、项目概述"] == PUBLISHED[2].overview


def test_an_unnamed_narrative_after_the_last_form_is_reported(
    department: tuple[Path, Path],
) -> None:
    text = cell_per_line(department[0])
    extra = "项目经费情况说明\n\n一、项目概述\n\n无主的说明。\n"
    result = read_text(text + "\n" + extra)
    (warning,) = result.warnings
    assert "前后没有可归属的表" in str(warning)
    assert all("无主" not in form.project.sections["一、项目概述"] for form in result.forms)
    every_value_in_place(result)


def test_a_narrative_named_by_the_form_without_its_project_word(
    department: tuple[Path, Path],
) -> None:
    # the third project's narrative carries no name: it belongs to the form after it; the
    # first names its project with 项目 added — both match
    result = read_text(cell_per_line(department[0]))
    assert result.forms[2].project.sections["三、实施主体"] == PUBLISHED[2].unit


def test_two_goal_texts_that_cannot_be_parted_are_kept_and_reported() -> None:
    text = (
        "财政项目支出绩效目标申报表\n（2026年度）\n项目名称\n测试项目\n"
        "项目总体目标\n年度总体目标\n第一段\n第二段\n第三段\n绩效指标\n"
    )
    result = read_text(text)
    (form,) = result.forms
    assert form.project.sections["项目总体目标"] == ""
    assert form.project.sections["年度总体目标"] == ""
    assert form.project.sections["待归类内容"] == "第一段第二段第三段"
    assert any("并排" in str(w) for w in form.warnings)


_TOP = "财政项目支出绩效目标申报表\n（2026年度）\n项目名称 测试项目\n绩效指标\n一级指标 二级指标 三级指标 年度指标值\n"
_WRAPPED = {
    "cells": "满意度指标\n\n服务对象\n\n满意度指\n\n标\n\n听众满意度\n\n≥90%\n",
    "plumber": "满意度指标 服务对象\n满意度指\n标 听众满意度 ≥90%\n",
    "table": "满意度指标\t服务对象满意度指标\t听众满意度\t≥90%\n",
}


@pytest.mark.parametrize("style", list(_WRAPPED))
def test_a_name_wrapped_over_three_lines_whose_pieces_are_names(style: str) -> None:
    # 服务对象 and 满意度指(标) are names on their own: the cell is still one 二级
    text = _TOP + "产出指标 数量指标 讲座场次 ≥40场\n" + _WRAPPED[style]
    (form,) = read_text(text).forms
    rows = [(r.level1, r.level2, r.name, r.target) for r in form.project.indicator_rows()]
    assert rows == [
        ("产出指标", "数量指标", "讲座场次", "≥40场"),
        ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
    ]
    assert not any("二级" in str(w) for w in form.warnings)
