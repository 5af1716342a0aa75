"""A backup that passes every checksum but carries a schema or values PerfDesk never writes is
refused, and the live database stays byte for byte as it was.

Each hostile backup is made from a real backup of ours: its database is taken out, changed
with plain SQL the way another program (or an attacker) could, and packed again with a
manifest that matches it (checksum, size, project count), so only the new checks can catch it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from testdata import file_digest

from perfdesk.backup import (
    DATABASE_MEMBER,
    MANIFEST_MEMBER,
    BadBackupError,
    create_backup,
    restore_backup,
)
from perfdesk.errors import AlteredDatabaseError
from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.schema import APPLICATION_ID, STEPS
from perfdesk.store import Store, check_database

# What each hostile backup does to the database inside, and the words its refusal must use.
HOSTILE: dict[str, tuple[list[str], str]] = {
    "trigger deleting the other projects on insert": (
        [
            "CREATE TRIGGER wipe AFTER INSERT ON projects "
            "BEGIN DELETE FROM projects WHERE id != NEW.id; END"
        ],
        "多出触发器 wipe",
    ),
    "trigger silently dropping indicators": (
        [
            "CREATE TRIGGER drop_rows BEFORE INSERT ON indicator_nodes "
            "BEGIN SELECT RAISE(IGNORE); END"
        ],
        "多出触发器 drop_rows",
    ),
    "trigger multiplying amounts": (
        [
            "CREATE TRIGGER inflate AFTER INSERT ON project_budget BEGIN "
            "UPDATE project_budget SET amount = CAST(amount * 10 AS TEXT) "
            "WHERE project_id = NEW.project_id AND label = NEW.label; END"
        ],
        "多出触发器 inflate",
    ),
    "view": (["CREATE VIEW everything AS SELECT * FROM projects"], "多出视图 everything"),
    "extra table": (["CREATE TABLE notes (body TEXT)"], "多出表 notes"),
    "extra index": (["CREATE INDEX projects_by_name ON projects(name)"], "多出索引"),
    "missing column": (["ALTER TABLE projects DROP COLUMN updated_at"], "projects 的定义"),
    "extra column": (["ALTER TABLE projects ADD COLUMN secret TEXT"], "projects 的定义"),
    "table replaced by a view": (
        [
            "DROP TABLE project_budget",
            "CREATE VIEW project_budget AS SELECT project_id, label, value AS amount "
            "FROM project_fields",
        ],
        "project_budget",
    ),
    "index on the migrations record": (
        ["CREATE INDEX spy ON _sqlite_migrations(applied_at)"],
        "多出索引 spy",
    ),
    "trigger on a search table": (
        [
            "CREATE TRIGGER watch AFTER INSERT ON projects "
            "BEGIN INSERT INTO project_search (rowid, body) VALUES (NEW.id + 1000, 'x'); END"
        ],
        "多出触发器 watch",
    ),
    "unknown layout": (["UPDATE projects SET layout = 'nowhere' WHERE id = 1"], "未知的表样"),
    "year not an integer": (["UPDATE projects SET year = '二〇二〇' WHERE id = 1"], "年度不是整数"),
    "year out of range": (["UPDATE projects SET year = 99999 WHERE id = 1"], "年度"),
    "text that is not text": (
        ["UPDATE project_sections SET body = x'00ff10' WHERE project_id = 2"],
        "应是文字",
    ),
    "text that is not UTF-8": (
        ["UPDATE project_fields SET value = CAST(x'c328ff' AS TEXT) WHERE project_id = 1"],
        "UTF-8",
    ),
    "control characters": (
        ["UPDATE project_sections SET body = 'a' || char(1) || 'b' WHERE project_id = 1"],
        "控制字符",
    ),
    "huge amount": (
        [f"UPDATE project_budget SET amount = '{'9' * 40}' WHERE project_id = 1"],
        "金额",
    ),
    "amount that is not a number": (
        ["UPDATE project_budget SET amount = 'lots' WHERE project_id = 1"],
        "不是十进制数",
    ),
    "invalid date": (
        ["UPDATE project_fields SET value = '2020-02-30' WHERE label = '计划开始日期'"],
        "不存在",
    ),
    "depth outside 1 to 3": (
        [
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE indicator_nodes SET depth = 4 WHERE project_id = 1 AND position = 2",
        ],
        "层级",
    ),
    "field the layout has not": (
        ["INSERT INTO project_fields VALUES (1, '秘密', 'x')"],
        "没有字段",
    ),
    "ten-megabyte name": (
        [
            "UPDATE project_fields SET value = printf('%.*c', 10000000, 'x') "
            "WHERE project_id = 1 AND label = '项目名称'",
            "UPDATE projects SET name = printf('%.*c', 10000000, 'x') WHERE id = 1",
        ],
        "超过上限",
    ),
    "list name unlike the form's": (
        ["UPDATE projects SET name = '别的名字' WHERE id = 1"],
        "不一致",
    ),
}


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "perfdesk.db"
    with Store(path) as store:
        store.add_many(sample_projects())
        extra = Project.new()
        extra.set_field(extra.spec.name_field, "第三个项目")
        store.add(extra)
    return path


@pytest.fixture
def good_backup(live: Path, tmp_path: Path) -> Path:
    out = tmp_path / "good.zip"
    with Store(live) as store:
        create_backup(store, out)
    return out


def repacked(backup: Path, statements: list[str], out: Path) -> Path:
    """``backup`` with its database changed by ``statements`` and a manifest that matches."""
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read(MANIFEST_MEMBER))
        database = archive.read(DATABASE_MEMBER)
    work = out.with_suffix(".db")
    work.write_bytes(database)
    conn = sqlite3.connect(work, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.execute("VACUUM")
    count = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    data = work.read_bytes()
    work.unlink()
    manifest["project_count"] = count
    manifest["schema_version"] = version
    manifest["database"].update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_MEMBER, json.dumps(manifest))
        archive.writestr(DATABASE_MEMBER, data)
    return out


def _folder_state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_digest(p) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_backup_is_refused_and_the_live_database_is_untouched(
    name: str, live: Path, good_backup: Path, tmp_path: Path
) -> None:
    statements, reason = HOSTILE[name]
    hostile = repacked(good_backup, statements, tmp_path / "hostile.zip")
    before = _folder_state(live.parent)
    with pytest.raises(BadBackupError, match=reason):
        restore_backup(hostile, live)
    assert _folder_state(live.parent) == before  # byte for byte, and nothing new beside it


def test_the_unchanged_backup_is_restored(live: Path, good_backup: Path, tmp_path: Path) -> None:
    # The repacking itself is harmless: what is refused above is refused for its change.
    plain = repacked(good_backup, [], tmp_path / "plain.zip")
    assert restore_backup(plain, live).project_count == 3


def test_a_hostile_backup_of_an_older_version_is_refused_before_migrating(
    live: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for _, step in STEPS[:1]:
        step(conn, True)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON projects BEGIN DELETE FROM projects; END")
    conn.close()
    before = file_digest(live)
    with pytest.raises(BadBackupError, match="多出触发器 wipe"):
        restore_backup(old, live)
    assert file_digest(live) == before


def test_a_restored_backup_gets_its_search_indexes_built_anew(
    live: Path, good_backup: Path, tmp_path: Path
) -> None:
    # A backup whose search text lies (finds project 1 by a word it does not contain).
    lying = repacked(
        good_backup,
        ["UPDATE project_search SET body = '谎言' WHERE rowid = 1"],
        tmp_path / "lying.zip",
    )
    restore_backup(lying, live)
    with Store(live) as store:
        assert store.list_projects(search="谎言") == []
        assert store.list_projects(search="谎") == []
        assert [s.id for s in store.list_projects(search="第三个项目")] == [3]


def test_a_database_changed_by_another_program_is_reported_when_opened(live: Path) -> None:
    conn = sqlite3.connect(live)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON projects BEGIN DELETE FROM projects; END")
    conn.close()
    before = file_digest(live)
    with pytest.raises(AlteredDatabaseError, match=r"结构被其他程序改动过.*多出触发器 wipe"):
        Store(live)
    assert any("多出触发器 wipe" in p for p in check_database(live))
    assert file_digest(live) == before
