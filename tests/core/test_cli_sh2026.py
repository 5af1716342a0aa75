"""The current form end to end on the command line: import, check, print, export, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from printed_pdf import read_pdf, squash
from testdata import DATA

from perfdesk import exchange
from perfdesk.cli import main
from perfdesk.store import Store


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_import_check_print_export_and_import_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "forms.db"
    forms = [DATA / "sh2026_xinmeiti.txt", DATA / "sh2026_peixun.txt"]
    assert run(db, "import", *map(str, forms)) == 0
    wanted = [exchange.read_file(DATA / f"sh2026_{n}.json")[0] for n in ("xinmeiti", "peixun")]
    with Store(db) as store:
        stored = store.get_all()
    for got, want in zip(stored, wanted, strict=True):
        want.id = got.id
        assert got == want

    capsys.readouterr()
    assert run(db, "check") == 0
    assert "共检查 2 个项目：0 个错误，0 个警告" in capsys.readouterr().out

    assert run(db, "print", "--all", "-o", str(tmp_path / "forms.pdf")) == 0
    pdf = read_pdf((tmp_path / "forms.pdf").read_bytes(), tables=False)
    assert pdf.text.count("财政项目支出绩效目标申报表") == 2
    assert pdf.text.count("项目经费情况说明") == 2
    assert "项目总体目标(2024年-2026年)" in pdf.text
    assert squash("3,436,000.00") in pdf.text

    assert run(db, "export-json", "--all", "-o", str(tmp_path / "forms.json")) == 0
    assert run(db, "export-xlsx", "--all", "-o", str(tmp_path / "forms.xlsx")) == 0
    data = json.loads((tmp_path / "forms.json").read_text("utf-8"))
    assert [p["layout"] for p in data["projects"]] == ["sh2026", "sh2026"]
    for copy in ("forms.json", "forms.xlsx"):
        again = tmp_path / f"again-{copy}.db"
        assert run(again, "import", str(tmp_path / copy)) == 0
        with Store(again) as store:
            back = store.get_all()
        for got, want in zip(back, wanted, strict=True):
            want.id = got.id
            assert got == want, copy


def test_a_broken_current_form_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "forms.db"
    text = (DATA / "sh2026_peixun.txt").read_text("utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(
        text.replace("计划完成日期\n\n2026-12-31", "计划完成日期\n\n2025-12-31"), "utf-8"
    )
    assert run(db, "import", str(broken)) == 0
    capsys.readouterr()
    assert run(db, "check") == 1
    out = capsys.readouterr().out
    assert "错误：“计划完成日期”2025-12-31 早于“计划开始日期”2026-01-01" in out
    assert "警告：表格年度 2026 年不在项目实施期（2026年至2025年）之内" in out
