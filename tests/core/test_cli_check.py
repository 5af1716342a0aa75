"""`perfdesk check`: database integrity plus the form checks of every project."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import SH2026_PROJECT

from perfdesk import exchange
from perfdesk.cli import main
from perfdesk.store import Store


def test_clean_projects_pass(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "sample"]) == 0
    assert main(["--db", str(db_path), "import", str(SH2026_PROJECT)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert "共检查 3 个项目：0 个错误，0 个警告" in out


def test_findings_are_printed_per_project_and_errors_fail(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.fields["主管部门"] = ""
    with Store(db_path) as store:
        bad_id = store.add(project)
        good = exchange.read_file(SH2026_PROJECT)[0]
        good.indicators[0].groups[0].indicators[0].target = "≤343.60"  # a warning only
        good_id = store.add(good)
    assert main(["--db", str(db_path), "check"]) == 1
    out = capsys.readouterr().out
    bad_part = out[out.index(f"项目 {bad_id}") : out.index(f"项目 {good_id}")]
    assert "错误：“主管部门”未填写" in bad_part
    assert (
        "警告：成本指标 / 经济成本指标 / 项目年度总成本：指标值“≤343.60”有数字但没有计量单位"
        in out[out.index(f"项目 {good_id}") :]
    )
    assert "1 个错误，1 个警告" in out


def test_warnings_alone_do_not_fail(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.sections["待归类内容"] = "原绩效类型：事业/专业类"
    with Store(db_path) as store:
        store.add(project)
    assert main(["--db", str(db_path), "check"]) == 0
    assert "警告：“待归类内容”中还有" in capsys.readouterr().out


def test_convert_copies_old_projects_onto_the_current_form(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "sample"]) == 0
    assert main(["--db", str(db_path), "convert", "--all"]) == 0
    with Store(db_path) as store:
        layouts = [s.layout for s in store.list_projects()]
        assert layouts == ["sh2020", "sh2020", "sh2026", "sh2026"]
        copy = store.get(3)
    assert copy.name == store_name(db_path, 1)
    assert copy.sections["待归类内容"]
    assert main(["--db", str(db_path), "convert", "3"]) == 1
    assert "不能转换" in capsys.readouterr().err


def store_name(db_path: Path, project_id: int) -> str:
    with Store(db_path) as store:
        return store.get(project_id).name


def test_characters_the_print_font_lacks_are_warned_about(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.sections["七、绩效目标"] = "见申报表\U000f0001"  # a private-use character
    with Store(db_path) as store:
        store.add(project)
    assert main(["--db", str(db_path), "check"]) == 0
    assert (
        "警告：“七、绩效目标”中的字符“\U000f0001”（U+F0001）打印字体中没有"
        in capsys.readouterr().out
    )


def test_printing_a_form_with_errors_says_so_and_still_prints(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    project.fields["主管部门"] = ""
    with Store(db_path) as store:
        project_id = store.add(project)
    out = tmp_path / "form.pdf"
    assert main(["--db", str(db_path), "print", str(project_id), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    err = capsys.readouterr().err
    assert f"项目 {project_id}" in err and "表格有 1 个错误（“主管部门”未填写…）" in err
