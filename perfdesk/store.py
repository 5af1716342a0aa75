"""The store: every project in one SQLite file, through sqlite-utils.

One transaction per user-level change; the schema is built by migrations; the file carries
PerfDesk's ``application_id`` and its schema version so that a foreign file or one written by
a newer PerfDesk is refused before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

from perfdesk.errors import DamagedDatabaseError, DatabaseError, NotFoundError
from perfdesk.layouts import get_layout
from perfdesk.model import Project, TreeNode, nodes_from_tree, tree_from_nodes
from perfdesk.places import require_local
from perfdesk.values import money_to_str

APPLICATION_ID = 0x50664473  # "PfDs"
SCHEMA_VERSION = 1

migrations = Migrations("perfdesk")


_INITIAL_SCHEMA = """
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    layout TEXT NOT NULL,
    year INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX projects_year ON projects(year);
CREATE INDEX projects_unit ON projects(unit);
CREATE TABLE project_fields (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (project_id, label)
) WITHOUT ROWID;
CREATE TABLE project_sections (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (project_id, label)
) WITHOUT ROWID;
CREATE TABLE project_budget (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    amount TEXT,  -- a decimal string in 元, NULL when blank (blank is not 0)
    PRIMARY KEY (project_id, label)
) WITHOUT ROWID;
CREATE TABLE indicator_nodes (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    depth INTEGER NOT NULL CHECK (depth IN (1, 2, 3)),
    name TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, position)
) WITHOUT ROWID
"""


@migrations(name="0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    # Statement by statement: executescript() would commit the migration's transaction.
    for statement in _INITIAL_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    try:
        # Trigram tokens make substring search work for Chinese, which has no spaces.
        db.execute("CREATE VIRTUAL TABLE project_search USING fts5(body, tokenize='trigram')")
    except sqlite3.OperationalError:
        # An SQLite without FTS5 trigram (older than 3.34): the same LIKE queries, scanned.
        db.execute("CREATE TABLE project_search (rowid INTEGER PRIMARY KEY, body TEXT)")


@dataclass(frozen=True)
class ProjectSummary:
    id: int
    layout: str
    year: int
    unit: str
    name: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "layout": self.layout,
            "year": self.year,
            "unit": self.unit,
            "name": self.name,
        }


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    try:
        if read_only:
            # mode=ro: SQLite itself guarantees that nothing is written to the file.
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=5, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法打开数据库 {path}：{exc}") from exc


def _check_ours(conn: sqlite3.Connection, path: Path) -> bool:
    """Refuse files that are not ours or from a newer PerfDesk; True if the file is empty."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            f"{path} 不是 PerfDesk 数据库，或文件已损坏（{exc}）；未作任何改动"
        ) from exc
    if app_id == 0 and tables == 0:
        return True
    if app_id != APPLICATION_ID:
        raise DatabaseError(f"{path} 不是 PerfDesk 数据库，未作任何改动")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} 由更新版本的 PerfDesk 写入（数据格式 {version}，本程序支持到 {SCHEMA_VERSION}），"
            "请升级 PerfDesk 后再打开；文件未作任何改动"
        )
    return False


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What SQLite's own checks find wrong with the open database, in Chinese; empty if sound.

    ``quick`` runs ``quick_check`` (fast enough for every start-up) instead of the full
    ``integrity_check``; both are followed by ``foreign_key_check``.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        problems = [
            f"完整性：{row[0]}" for row in conn.execute(f"PRAGMA {pragma}") if row[0] != "ok"
        ]
        problems += [
            f"外键：表 {row[0]} 第 {row[1]} 行指向不存在的 {row[2]}"
            for row in conn.execute("PRAGMA foreign_key_check")
        ]
    except sqlite3.DatabaseError as exc:
        problems = [f"完整性：无法读取数据库（{exc}）"]
    return problems


def check_database(path: str | Path, *, quick: bool = False) -> list[str]:
    """Check a database file without writing to it; the problems found, empty if it is sound.

    Raises :class:`DatabaseError` for a file that is missing, not ours or too new.
    """
    db_path = Path(path)
    if not db_path.is_file():
        raise DatabaseError(f"数据库 {db_path} 不存在")
    conn = _connect(db_path, read_only=True)
    try:
        _check_ours(conn, db_path)
        return integrity_problems(conn, quick=quick)
    finally:
        conn.close()


def check_in_background(path: str | Path) -> Future[list[str]]:
    """:func:`check_database` (the quick check) in a thread of its own.

    The quick check reads the whole file; SQLite does that without holding Python's GIL, so a
    program can load its code meanwhile and wait for the answer only before it opens the file
    with ``Store(path, quick_check=False)``.
    """
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quick-check")
    try:
        return worker.submit(check_database, path, quick=True)
    finally:
        worker.shutdown(wait=False)


def problems_text(problems: list[str], shown: int = 3) -> str:
    """The first few problems an integrity check found, for a message."""
    return "；".join(problems[:shown]) + ("……" if len(problems) > shown else "")


def damaged_message(path: Path, problems: list[str]) -> str:
    return (
        f"数据库 {path} 已损坏（{problems_text(problems)}）。PerfDesk 不会再写入它，以免损坏扩大；"
        "请从备份恢复（perfdesk restore 备份文件，或在窗口中选“恢复备份…”）"
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _shift_year(iso: str) -> str:
    if not iso:
        return iso
    day = date.fromisoformat(iso)
    try:
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28).isoformat()


class Store:
    """All projects of one database file."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        read_only: bool = False,
        quick_check: bool = True,
    ) -> None:
        """Open (and, unless ``create`` is false, create) a database.

        A damaged file raises :class:`DamagedDatabaseError` before anything is written to it
        (``quick_check=False`` only when the caller has just checked the file itself);
        ``read_only`` opens it so that nothing can be written at all (to look at and export a
        damaged database, or one on a network share).
        """
        self.path = Path(path)
        self.read_only = read_only
        if (read_only or not create) and not self.path.exists():
            raise DatabaseError(f"数据库 {self.path} 不存在")
        if not read_only:
            require_local(self.path)
        if create and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(self.path, read_only=read_only)
        try:
            empty = _check_ours(conn, self.path)
            if not empty and quick_check:
                problems = integrity_problems(conn, quick=True)
                if problems and not read_only:
                    raise DamagedDatabaseError(damaged_message(self.path, problems))
            # No sqlite-utils plugins: nothing installed elsewhere may change how our file is used.
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            if read_only:
                if empty or migrations.pending(self.db):
                    raise DatabaseError(
                        f"数据库 {self.path} 需要先升级数据格式，只读打开时无法升级"
                    )
                self._indexed = self._has_trigram_index()
                return
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if empty:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._migrate()
            self._indexed = self._has_trigram_index()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise DatabaseError(f"数据库 {self.path} 无法使用：{exc}") from exc
        except BaseException:
            conn.close()
            raise

    def _migrate(self) -> None:
        if migrations.pending(self.db):
            migrations.apply(self.db)
        conn = self.db.conn
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _has_trigram_index(self) -> bool:
        row = self.db.execute(
            "SELECT sql FROM sqlite_schema WHERE name = 'project_search'"
        ).fetchone()
        return bool(row) and "fts5" in row[0].lower()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user-level change: all of it is stored, or none of it."""
        if self.read_only:
            raise DatabaseError(f"数据库 {self.path} 以只读方式打开，不能修改")
        with self.db.atomic():
            yield

    # -- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM projects").fetchone()[0])

    def list_projects(
        self, *, year: int | None = None, unit: str | None = None, search: str | None = None
    ) -> list[ProjectSummary]:
        """Projects in id order, filtered by year, unit and a search over their text."""
        where: list[str] = []
        params: list[Any] = []
        if year is not None:
            where.append("year = ?")
            params.append(year)
        if unit is not None:
            where.append("unit = ?")
            params.append(unit)
        terms = (search or "").split()
        if terms:
            matches = [_search_condition(term, self._indexed) for term in terms]
            conditions = " AND ".join(condition for condition, _ in matches)
            where.append(f"id IN (SELECT rowid FROM project_search WHERE {conditions})")
            params.extend(value for _, value in matches)
        sql = "SELECT id, layout, year, unit, name FROM projects"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        return [ProjectSummary(*row) for row in self.db.execute(sql, params).fetchall()]

    def years(self) -> list[int]:
        rows = self.db.execute("SELECT DISTINCT year FROM projects ORDER BY year DESC")
        return [row[0] for row in rows]

    def units(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT unit FROM projects WHERE unit != '' ORDER BY unit")
        return [row[0] for row in rows]

    def exists(self, project_id: int) -> bool:
        row = self.db.execute("SELECT 1 FROM projects WHERE id = ?", [project_id]).fetchone()
        return row is not None

    def get(self, project_id: int) -> Project:
        conn = self.db.conn
        head = conn.execute(
            "SELECT layout, year FROM projects WHERE id = ?", [project_id]
        ).fetchone()
        if head is None:
            raise NotFoundError(f"没有编号为 {project_id} 的项目")
        project = Project.new(head[0], head[1])
        project.id = project_id
        for label, value in conn.execute(
            "SELECT label, value FROM project_fields WHERE project_id = ?", [project_id]
        ):
            project.fields[label] = value
        for label, body in conn.execute(
            "SELECT label, body FROM project_sections WHERE project_id = ?", [project_id]
        ):
            project.sections[label] = body
        for label, amount in conn.execute(
            "SELECT label, amount FROM project_budget WHERE project_id = ?", [project_id]
        ):
            project.budget[label] = None if amount is None else Decimal(amount)
        nodes = conn.execute(
            "SELECT depth, name, target FROM indicator_nodes WHERE project_id = ? ORDER BY position",
            [project_id],
        )
        project.indicators = tree_from_nodes(TreeNode(*row) for row in nodes)
        return project

    def get_all(self) -> list[Project]:
        return [self.get(summary.id) for summary in self.list_projects()]

    # -- writing: each public method is one transaction ------------------------------------

    def add(self, project: Project) -> int:
        """Store a new project; returns (and sets) its id."""
        with self.transaction():
            return self._insert(project, keep_id=False)

    def add_many(self, projects: list[Project]) -> list[int]:
        with self.transaction():
            return [self._insert(project, keep_id=False) for project in projects]

    def put_back(self, project: Project) -> None:
        """Store a deleted project again under its old id (undo of a deletion)."""
        with self.transaction():
            self._insert(project, keep_id=True)

    def save(self, project: Project) -> None:
        """Replace the stored project with this one."""
        if project.id is None:
            raise ValueError("save() needs a stored project; use add()")
        with self.transaction():
            self._require(project.id)
            self._delete_children(project.id)
            self.db.conn.execute(
                "UPDATE projects SET layout = ?, year = ?, name = ?, unit = ?, updated_at = ? "
                "WHERE id = ?",
                [project.layout, project.year, project.name, project.unit, _now(), project.id],
            )
            self._write_children(project)

    def delete(self, project_id: int) -> Project:
        """Delete a project; returns it as it was, for undo."""
        with self.transaction():
            project = self.get(project_id)
            self.db.conn.execute("DELETE FROM projects WHERE id = ?", [project_id])
            self.db.conn.execute("DELETE FROM project_search WHERE rowid = ?", [project_id])
            return project

    def duplicate(self, project_id: int) -> int:
        with self.transaction():
            project = self.get(project_id)
            name_field = project.spec.name_field
            project.fields[name_field] = project.fields[name_field] + "（副本）"
            return self._insert(project, keep_id=False)

    def copy_to_next_year(self, project_id: int) -> int:
        """Next year's form from this year's: year + 1, dates a year later, and this year's
        当年预算 becomes 同名项目上年预算额. Indicators are kept."""
        with self.transaction():
            project = next_year_copy(self.get(project_id))
            return self._insert(project, keep_id=False)

    # -- internals ------------------------------------------------------------------------

    def _require(self, project_id: int) -> None:
        if not self.exists(project_id):
            raise NotFoundError(f"没有编号为 {project_id} 的项目")

    def _insert(self, project: Project, *, keep_id: bool) -> int:
        get_layout(project.layout)  # an unknown layout never reaches the file
        now = _now()
        row: dict[str, Any] = {
            "layout": project.layout,
            "year": project.year,
            "name": project.name,
            "unit": project.unit,
            "created_at": now,
            "updated_at": now,
        }
        if keep_id and project.id is not None:
            row["id"] = project.id
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.conn.execute(
            f"INSERT INTO projects ({columns}) VALUES ({marks})", list(row.values())
        )
        project_id = int(row["id"]) if "id" in row else int(cursor.lastrowid or 0)
        project.id = project_id
        self._write_children(project)
        return project_id

    def _delete_children(self, project_id: int) -> None:
        conn = self.db.conn
        for table in ("project_fields", "project_sections", "project_budget", "indicator_nodes"):
            conn.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])
        conn.execute("DELETE FROM project_search WHERE rowid = ?", [project_id])

    def _write_children(self, project: Project) -> None:
        conn = self.db.conn
        pid = project.id
        conn.executemany(
            "INSERT INTO project_fields (project_id, label, value) VALUES (?, ?, ?)",
            [(pid, label, value) for label, value in project.fields.items()],
        )
        conn.executemany(
            "INSERT INTO project_sections (project_id, label, body) VALUES (?, ?, ?)",
            [(pid, label, body) for label, body in project.sections.items()],
        )
        conn.executemany(
            "INSERT INTO project_budget (project_id, label, amount) VALUES (?, ?, ?)",
            [(pid, label, money_to_str(amount)) for label, amount in project.budget.items()],
        )
        conn.executemany(
            "INSERT INTO indicator_nodes (project_id, position, depth, name, target) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (pid, position, node.depth, node.name, node.target)
                for position, node in enumerate(nodes_from_tree(project.indicators))
            ],
        )
        conn.execute(
            "INSERT INTO project_search (rowid, body) VALUES (?, ?)", [pid, project.search_text()]
        )


def next_year_copy(project: Project) -> Project:
    """The project as next year's form starts: see :meth:`Store.copy_to_next_year`."""
    spec = project.spec
    copy = project.clone()
    copy.id = None
    copy.year = project.year + 1
    start = project.fields.get(spec.start_date_field, "")
    end = project.fields.get(spec.end_date_field, "")
    if not (
        start[:4].isdigit() and end[:4].isdigit() and int(start[:4]) <= copy.year <= int(end[:4])
    ):
        # A project within one year moves to the next; one spanning it keeps its dates.
        for field_spec in spec.fields:
            if field_spec.kind == "date":
                copy.fields[field_spec.label] = _shift_year(copy.fields[field_spec.label])
    if spec.budget_previous_field:
        copy.budget[spec.budget_previous_field] = project.budget.get(spec.budget_current_field)
    executed = spec.extra.get("budget_previous_executed_field")
    if executed:
        copy.budget[executed] = None  # next year's officer fills in what was really spent
    return copy


def _search_condition(term: str, indexed: bool) -> tuple[str, str]:
    """A term of three characters or more uses the trigram index (a phrase query matches any
    substring); a shorter one cannot, and is looked for by scanning the text."""
    if indexed and len(term) >= 3:
        return "project_search MATCH ?", '"' + term.replace('"', '""') + '"'
    return "instr(body, ?) > 0", term
