"""`perfdesk import` (text, PDF, Excel) and `perfdesk export-xlsx|export-docx` end to end."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from testdata import SEED_TEXT, sample_json

from perfdesk.cli import main
from perfdesk.exchange import project_to_json
from perfdesk.store import Store


def stored(db_path: Path) -> list[dict[str, object]]:
    with Store(db_path) as store:
        return [project_to_json(p) for p in store.get_all()]


def test_import_of_the_seed_text(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "import", str(SEED_TEXT)]) == 0
    assert stored(db_path) == sample_json()
    err = capsys.readouterr().err
    assert "识别：2020  上海科技报社  科普资源平台建设（指标 15 条）" in err
    assert "已导入 2 个项目" in err
    assert "注意" not in err


def test_warnings_go_to_stderr_and_what_was_read_is_imported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.txt"
    text = SEED_TEXT.read_text(encoding="utf-8")
    damaged.write_text(text.replace("健全后续管理制度 健全", "健全后续管理制度"), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(damaged)]) == 0
    assert len(stored(db_path)) == 2
    err = capsys.readouterr().err
    assert "注意：damaged.txt 第 1 张表：三级目标没有指标值：“健全后续管理制度”" in err


def test_a_file_with_no_form_imports_nothing_at_all(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "notes.txt"
    garbage.write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(garbage)]) == 1
    assert "没有识别出任何项目" in capsys.readouterr().err
    assert stored(db_path) == []


def test_an_unreadable_file_among_good_ones_imports_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"garbage")
    assert main(["--db", str(db_path), "import", str(SEED_TEXT), str(broken)]) == 1
    assert "不是有效的 Excel 工作簿" in capsys.readouterr().err
    assert stored(db_path) == []
    odd = tmp_path / "forms.doc"
    odd.write_bytes(b"")
    assert main(["--db", str(db_path), "import", str(odd)]) == 1
    assert "不支持的文件类型" in capsys.readouterr().err


def test_export_xlsx_then_import_gives_the_same_projects(db_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db_path), "sample"]) == 0
    out = tmp_path / "forms.xlsx"
    assert main(["--db", str(db_path), "export-xlsx", "--all", "-o", str(out)]) == 0
    again = tmp_path / "again.db"
    assert main(["--db", str(again), "import", str(out)]) == 0
    assert stored(again) == sample_json()


def test_export_docx_of_chosen_projects(db_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db_path), "sample"]) == 0
    out = tmp_path / "second.docx"
    assert main(["--db", str(db_path), "export-docx", "2", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    assert len(document.tables) == 2
    assert "科普资源平台建设" in document.tables[0].rows[1].cells[1].text


def test_export_to_a_folder_that_does_not_exist_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "sample"]) == 0
    out = tmp_path / "missing" / "forms.xlsx"
    assert main(["--db", str(db_path), "export-xlsx", "--all", "-o", str(out)]) == 1
    assert "无法在" in capsys.readouterr().err
