"""``perfdesk print`` as a user runs it: a real process, a real database, a real PDF."""

from __future__ import annotations

from pathlib import Path

from printed_pdf import read_pdf, squash
from testdata import perfdesk

from perfdesk.model import IndicatorRow
from perfdesk.sample import sample_projects
from perfdesk.store import Store


def test_print_selected_and_all(db_path: Path, tmp_path: Path) -> None:
    assert perfdesk("--db", db_path, "sample").returncode == 0
    one, both = tmp_path / "one.pdf", tmp_path / "both.pdf"

    result = perfdesk("--db", db_path, "print", "2", "-o", one)
    assert result.returncode == 0, result.stderr
    assert "科普资源平台建设" in read_pdf(one.read_bytes(), tables=False).text

    result = perfdesk("--db", db_path, "print", "--all", "-o", both)
    assert result.returncode == 0, result.stderr
    text = read_pdf(both.read_bytes(), tables=False).text
    for project in sample_projects():
        assert squash(project.sections["项目概况"]) in text


def test_missing_characters_are_warned_and_the_pdf_still_written(
    db_path: Path, tmp_path: Path
) -> None:
    project = sample_projects()[1]
    project.set_rows([*project.rows(), IndicatorRow("影响力目标", "其它", "罕用字𠀀", "良好")])
    with Store(db_path) as store:
        project_id = store.add(project)
    out = tmp_path / "out.pdf"

    result = perfdesk("--db", db_path, "print", str(project_id), "-o", out)

    assert result.returncode == 0
    assert "U+20000" in result.stderr and "警告" in result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_unknown_project_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    assert perfdesk("--db", db_path, "sample").returncode == 0
    out = tmp_path / "out.pdf"
    result = perfdesk("--db", db_path, "print", "99", "-o", out)
    assert result.returncode == 1 and "错误" in result.stderr
    assert not out.exists()
