"""The store: every project in one SQLite file.

One transaction per user-level change, started with ``BEGIN IMMEDIATE`` so that a writer
waits its turn (the busy timeout) instead of failing when another program writes; the schema
is built by migrations (:mod:`perfdesk.schema`); the file carries PerfDesk's
``application_id`` and its schema version so that a foreign file or one written by a newer
PerfDesk is refused before anything is written, and its tables must be exactly ours.

Opening an up-to-date file reads a few rows and loads nothing heavy: sqlite-utils (its
migrations) is imported only when a file needs migrating. What SQLite reports is told apart:
a file another program holds locked is *in use* (:class:`DatabaseInUseError`), one that cannot
be written is *read-only*, and only what SQLite finds corrupt is *damaged*.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfdesk.errors import (
    AlteredDatabaseError,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseInUseError,
    InvalidValueError,
    NotFoundError,
    PerfDeskError,
    ReadOnlyDatabaseError,
)
from perfdesk.fileio import make_folder
from perfdesk.layouts import UnknownLayoutError
from perfdesk.limits import project_problem
from perfdesk.model import Project, TreeNode, nodes_from_tree, tree_from_nodes
from perfdesk.places import require_local
from perfdesk.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    rebuild_search_tables,
    schema_problems,
    spaced_characters,
)
from perfdesk.values import clip, money_to_str

if TYPE_CHECKING:
    from concurrent.futures import Future

    from perfdesk.progress import Steps

BUSY_TIMEOUT_SECONDS = 5.0  # how long a write waits for another program's transaction

# SQLite's primary result codes (the low byte of an extended one).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


class OnDuplicate(StrEnum):
    """What an import does with a form the database already holds (same layout, year, unit
    and name)."""

    SKIP = "skip"
    REPLACE = "replace"
    NEW = "new"


@dataclass
class ImportOutcome:
    """What storing imported forms did: ids added, (id, the project as it was) replaced, and
    the stored ids a skipped form duplicates."""

    added: list[int] = field(default_factory=list)
    replaced: list[tuple[int, Project]] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ProjectSummary:
    """What the project list shows of a project."""

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


def database_error(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """What SQLite reported about the database at ``path``, as the user should hear it: in use,
    read-only, disk full, a disk error, damaged, or (anything else) unusable."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc)
    if code in (_BUSY, _LOCKED) or "locked" in text:
        return DatabaseInUseError(
            f"数据库 {path} 正在被另一个程序使用（另一个 PerfDesk 正在写入，或其他程序锁住了它）。"
            "请稍后再试，或先关闭那个程序；文件没有被改动"
        )
    if code == _READONLY:
        return ReadOnlyDatabaseError(read_only_message(path))
    if code == _FULL:
        return DatabaseError(
            f"磁盘空间不足，无法写入数据库 {path}。请腾出磁盘空间后重试；已保存的内容不受影响"
        )
    if code == _IOERR:
        return DatabaseError(
            f"读写数据库 {path} 时出错（{text}）：磁盘可能已满、已被拔出或有故障。请检查磁盘后重试"
        )
    if code in (_CORRUPT, _NOTADB):
        return DamagedDatabaseError(
            f"{path} 不是 PerfDesk 数据库，或文件已损坏（{text}）；未作任何改动"
        )
    if code == _CANTOPEN:
        return DatabaseError(
            f"无法打开数据库 {path}：文件夹不存在、路径太长或没有权限。请换一个位置，或检查文件夹的权限"
        )
    return DatabaseError(f"数据库 {path} 无法使用：{text}")


def read_only_message(path: Path) -> str:
    return (
        f"数据库 {path} 是只读的（文件或它所在的文件夹不能写入）：可以查看、打印和导出，但不能修改。"
        "要修改，请取消文件的只读属性，或把它复制到可以写入的文件夹"
    )


def is_writable(path: Path) -> bool:
    """Whether the database file and its folder (for SQLite's -wal and -shm files) can be
    written; a file that does not exist yet needs only the folder."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    try:
        if read_only:
            # mode=ro: SQLite itself guarantees that nothing is written to the file.
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = _open(uri)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (_READONLY, _CANTOPEN):
                    raise
                # A read-only folder holding a database in WAL mode: SQLite cannot make the
                # -shm file readers need. Nobody can write there either, so the file is read
                # as it stands.
                conn.close()
                conn = _open(path.resolve().as_uri() + "?immutable=1")
        else:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
            )
        # The file's own schema is not trusted to run functions with side effects.
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.Error as exc:
        raise database_error(exc, path) from exc


def _open(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_SECONDS,
        check_same_thread=False,
    )


def _file_version(conn: sqlite3.Connection, path: Path) -> int | None:
    """The file's schema version, refusing files that are not ours or from a newer PerfDesk;
    None for an empty file (a new database)."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, path) from exc
    if app_id == 0 and objects == 0:
        return None
    if app_id != APPLICATION_ID:
        raise DatabaseError(f"{path} 不是 PerfDesk 数据库，未作任何改动")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} 由更新版本的 PerfDesk 写入（数据格式 {version}，本程序支持到 {SCHEMA_VERSION}），"
            "请升级 PerfDesk 后再打开；文件未作任何改动"
        )
    return version


def _require_our_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file whose tables are not exactly what PerfDesk makes (see :mod:`schema`)."""
    try:
        problems = schema_problems(conn, version)
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, path) from exc
    if problems:
        raise AlteredDatabaseError(altered_message(path, problems))


def altered_message(path: Path, problems: list[str]) -> str:
    return (
        f"数据库 {path} 的结构被其他程序改动过（{problems_text(problems)}），PerfDesk 不信任它，"
        "不会读写它。请从备份恢复（perfdesk restore 备份文件，或在窗口中选“恢复备份…”）；"
        "文件本身未作任何改动"
    )


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What SQLite's own checks find wrong with the open database, in Chinese; empty if sound.

    ``quick`` runs ``quick_check`` instead of the full ``integrity_check``; both are followed
    by ``foreign_key_check``. A file that cannot be read because another program holds it, or
    because of a disk error, raises (:func:`database_error`): that is not damage.
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
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code not in (_CORRUPT, _NOTADB):
            raise database_error(exc, Path(_file_name(conn))) from exc
        problems = [f"完整性：无法读取数据库（{exc}）"]
    return problems


def _file_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else "?"


def check_database(path: str | Path, *, quick: bool = False) -> list[str]:
    """Check a database file without writing to it; the problems found, empty if it is sound:
    tables not exactly PerfDesk's, then SQLite's integrity and foreign-key checks.

    Raises :class:`DatabaseError` for a file that is missing, not ours or too new, and
    :class:`DatabaseInUseError` for one another program holds locked.
    """
    db_path = Path(path)
    if not db_path.is_file():
        raise DatabaseError(f"数据库 {db_path} 不存在")
    conn = _connect(db_path, read_only=True)
    try:
        version = _file_version(conn, db_path)
        if version is None:
            return []
        try:
            problems = [f"结构：{p}" for p in schema_problems(conn, version)]
        except sqlite3.DatabaseError as exc:
            error = database_error(exc, db_path)
            if not isinstance(error, DamagedDatabaseError):
                raise error from exc
            problems = [f"完整性：无法读取数据库（{exc}）"]
        return problems + integrity_problems(conn, quick=quick)
    finally:
        conn.close()


def closed_cleanly(path: Path) -> bool:
    """Whether the last program to use the database closed it: SQLite removes the write-ahead
    log when its last connection closes, so one left beside the file means a program was
    killed or the power went (or another program has the file open now)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def check_in_background(path: str | Path) -> Future[list[str]]:
    """:func:`check_database` (the quick check) in a thread of its own.

    The quick check reads the whole file; SQLite does that without holding Python's GIL, so a
    program can load its code meanwhile and wait for the answer only before it opens the file
    with ``Store(path, quick_check=False)``.
    """
    from concurrent.futures import ThreadPoolExecutor  # (and logging): only the window's start

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


_MONEY_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def stored_project_problems(
    conn: sqlite3.Connection,
    shown: int = 10,
    each: Callable[[Project], object] | None = None,
) -> tuple[int, list[str]]:
    """Every project of a file read as PerfDesk would read it, but strictly: each value of the
    type PerfDesk writes (texts are valid UTF-8 text, the year an integer, amounts decimal
    strings, depths 1 to 3), then the whole project through :func:`limits.project_problem`.

    For a file from elsewhere (a backup to restore): what would make ``check``, ``print`` or
    ``export-json`` fail later is found before it replaces anything. Returns the number of
    projects and the first ``shown`` problems; ``each`` is given every sound project.
    """
    conn.text_factory = bytes  # invalid UTF-8 is a finding here, not an exception
    try:
        return _stored_project_problems(conn, shown, each)
    finally:
        conn.text_factory = str


_Value = tuple[Any, bytes]  # a stored value and SQLite's name of its type


def _typed(columns: str) -> str:
    return ", ".join(f"{c}, typeof({c})" for c in columns.split(", "))


def _stored_project_problems(
    conn: sqlite3.Connection, shown: int, each: Callable[[Project], object] | None
) -> tuple[int, list[str]]:
    problems: list[str] = []
    count = 0
    children = {
        table: conn.execute(
            f"SELECT project_id, {_typed(columns)} FROM {table} ORDER BY project_id{order}"
        )
        for table, columns, order in (
            ("project_fields", "label, value", ""),
            ("project_sections", "label, body", ""),
            ("project_budget", "label, amount", ""),
            ("indicator_nodes", "depth, name, target, other_values", ", position"),
        )
    }
    pending = {table: next(rows, None) for table, rows in children.items()}

    def rows_of(table: str, project_id: int) -> Iterator[list[_Value]]:
        while (row := pending[table]) is not None and row[0] == project_id:
            yield list(zip(row[1::2], row[2::2], strict=True))
            pending[table] = next(children[table], None)

    heads = conn.execute(
        "SELECT id, "
        + _typed("layout, year, name, unit, created_at, updated_at")
        + " FROM projects ORDER BY id"
    )
    for project_id, *head in heads:
        count += 1
        try:
            project = _strict_project(
                project_id, list(zip(head[::2], head[1::2], strict=True)), rows_of
            )
            problem = project_problem(project)
            if problem is None and each is not None:
                each(project)
        except _Unreadable as exc:
            problem = str(exc)
        # Drain what belongs to this project whatever happened, to stay in step.
        for table in children:
            for _ in rows_of(table, project_id):
                pass
        if problem and len(problems) < shown:
            problems.append(f"项目 {project_id}：{problem}")
    return count, problems


class _Unreadable(Exception):
    """A stored value PerfDesk would not have written."""


def _text(value: _Value, what: str) -> str:
    data, kind = value
    if kind != b"text":
        raise _Unreadable(f"{what}应是文字")
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise _Unreadable(f"{what}不是有效的 UTF-8 文字") from None


def _strict_project(
    project_id: int,
    head: list[_Value],
    rows_of: Callable[[str, int], Iterator[list[_Value]]],
) -> Project:
    layout, year, name, unit, created, updated = head
    if year[1] != b"integer":
        raise _Unreadable("年度不是整数")
    try:
        project = Project.new(_text(layout, "表样"), year[0])
    except (UnknownLayoutError, InvalidValueError) as exc:
        raise _Unreadable(str(exc)) from None
    project.id = project_id
    _text(created, "建立时间")
    _text(updated, "修改时间")
    for label, value in rows_of("project_fields", project_id):
        project.fields[_text(label, "字段名")] = _text(value, "字段内容")
    for label, body in rows_of("project_sections", project_id):
        project.sections[_text(label, "栏目名")] = _text(body, "栏目内容")
    for label, amount in rows_of("project_budget", project_id):
        key = _text(label, "金额名")
        if amount[1] == b"null":
            project.budget[key] = None
            continue
        text = _text(amount, f"{key}的金额")
        if len(text) > 64 or not _MONEY_TEXT.fullmatch(text):
            raise _Unreadable(f"{key}的金额“{clip(text)}”不是十进制数")
        project.budget[key] = Decimal(text)
    nodes = []
    for depth, node_name, target, others in rows_of("indicator_nodes", project_id):
        if depth[1] != b"integer" or depth[0] not in (1, 2, 3):
            raise _Unreadable("绩效指标的层级不是 1、2 或 3")
        try:
            other_values = values_from_text(_text(others, "其他指标值"))
        except ValueError:
            raise _Unreadable("其他指标值不是文字的列表") from None
        nodes.append(
            TreeNode(depth[0], _text(node_name, "指标名称"), _text(target, "指标值"), other_values)
        )
    project.indicators = tree_from_nodes(nodes)
    if _text(name, "项目名称") != project.name or _text(unit, "单位") != project.unit:
        raise _Unreadable("项目列表中的名称或单位与表中的不一致")
    return project


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
        quick_check: bool | None = True,
    ) -> None:
        """Open (and, unless ``create`` is false, create) a database.

        Every open refuses a file that is not PerfDesk's, comes from a newer PerfDesk or whose
        tables are not exactly ours. ``quick_check`` also runs SQLite's quick check first, and a
        damaged file raises :class:`DamagedDatabaseError` before anything is written to it:
        every opening for writing does it, unless the caller has just checked the file itself
        (``False``); ``None`` checks only if opening itself must write (a migration), for
        commands that only read (:meth:`open_for_reading`). ``read_only`` opens it so
        that nothing can be written at all (to look at and export a damaged database, one on a
        network share or one that cannot be written).
        """
        self.path = Path(path)
        self.read_only = read_only
        self._refusal: PerfDeskError | None = None  # set by stop_writing
        if (read_only or not create) and not self.path.exists():
            raise DatabaseError(f"数据库 {self.path} 不存在")
        if not read_only:
            require_local(self.path)
            if create:
                make_folder(self.path.parent)
            if not is_writable(self.path):
                raise ReadOnlyDatabaseError(read_only_message(self.path))
        conn = _connect(self.path, read_only=read_only)
        self.conn = conn
        try:
            version = _file_version(conn, self.path)
            if version is not None:
                _require_our_schema(conn, self.path, version)
                migrating = not read_only and version != SCHEMA_VERSION
                if quick_check or (quick_check is None and migrating):
                    problems = integrity_problems(conn, quick=True)
                    if problems and not read_only:
                        raise DamagedDatabaseError(damaged_message(self.path, problems))
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                if version != SCHEMA_VERSION:
                    self._migrate(new=version is None)
            elif version is None:
                raise DatabaseError(f"数据库 {self.path} 是空的，只读打开时无法建立")
            self._indexed = self._has_virtual_table("project_search")
            self._short_terms_indexed = self._has_virtual_table("project_chars")
        except sqlite3.Error as exc:
            conn.close()
            raise database_error(exc, self.path) from exc
        except BaseException:
            conn.close()
            raise

    @classmethod
    def open_for_reading(cls, path: str | Path) -> Store:
        """The store for a command that only reads (list, print, exports): no quick check
        (SQLite still refuses a damaged page it meets, and ``perfdesk check``, every backup and
        every opening for writing check the whole file), and read-only when the file or its
        folder cannot be written. A database that does not exist yet is created, empty."""
        db_path = Path(path)
        if db_path.exists() and not is_writable(db_path):
            return cls(db_path, read_only=True, quick_check=False)
        return cls(db_path, quick_check=None)

    def _migrate(self, *, new: bool) -> None:
        from perfdesk.migrations import migrate  # sqlite-utils: loaded only when needed

        with self.transaction():
            if new:
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrate(self.conn)
        _require_our_schema(self.conn, self.path, SCHEMA_VERSION)

    def _has_virtual_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
        return bool(row) and "virtual table" in str(row[0]).lower()

    @cached_property
    def db(self) -> Any:
        """The connection as a sqlite-utils ``Database``, for code that wants its helpers
        (imports sqlite-utils on first use; the store itself uses :attr:`conn`)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    @property
    def busy_timeout(self) -> float:
        """Seconds a write waits for another program's transaction before giving up."""
        return int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000

    @busy_timeout.setter
    def busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one read-only query on the store's connection."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise database_error(exc, self.path) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stop_writing(self, refusal: PerfDeskError) -> None:
        """From now on every change is refused with ``refusal`` (the file was found damaged
        while open: writing could spread the damage)."""
        self._refusal = refusal

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user-level change: all of it is stored, or none of it.

        ``BEGIN IMMEDIATE`` takes the write lock at once, waiting up to the busy timeout for
        another program's transaction to end; a deferred ``BEGIN`` would fail outright when
        another writer got in between its first read and its first write. Nested, it is a
        savepoint of the outer transaction.
        """
        if self._refusal is not None:
            raise self._refusal
        if self.read_only:
            raise ReadOnlyDatabaseError(f"数据库 {self.path} 以只读方式打开，不能修改")
        conn = self.conn
        if conn.in_transaction:
            conn.execute("SAVEPOINT nested")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO nested")
                    conn.execute("RELEASE nested")
                raise
            conn.execute("RELEASE nested")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise database_error(exc, self.path) from exc
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise database_error(exc, self.path) from exc
            raise

    # -- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM projects").fetchone()[0])

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
        for term in (search or "").split():
            holding, value = self._holding(term)
            where.append(f"id IN ({holding})")
            params.append(value)
        sql = "SELECT id, layout, year, unit, name FROM projects"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        return [ProjectSummary(*row) for row in self.conn.execute(sql, params).fetchall()]

    def years(self) -> list[int]:
        rows = self.conn.execute("SELECT DISTINCT year FROM projects ORDER BY year DESC")
        return [row[0] for row in rows]

    def units(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT unit FROM projects WHERE unit != '' ORDER BY unit"
        )
        return [row[0] for row in rows]

    def revisions(self) -> dict[int, str]:
        """Each project's last change time: what was worked out from a project (its review
        grade) is stale when this has moved."""
        rows = self.conn.execute("SELECT id, updated_at FROM projects")
        return {row[0]: row[1] for row in rows}

    def exists(self, project_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM projects WHERE id = ?", [project_id]).fetchone()
        return row is not None

    def get(self, project_id: int) -> Project:
        conn = self.conn
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
            "SELECT depth, name, target, other_values FROM indicator_nodes "
            "WHERE project_id = ? ORDER BY position",
            [project_id],
        )
        project.indicators = tree_from_nodes(
            TreeNode(depth, name, target, values_from_text(others))
            for depth, name, target, others in nodes
        )
        return project

    def get_all(self) -> list[Project]:
        return [self.get(summary.id) for summary in self.list_projects()]

    def reindex(self, texts: Iterable[tuple[int, str]] | None = None) -> None:
        """Make both search indexes anew, in one transaction, from ``texts`` (project id and
        :meth:`Project.search_text`) or else from the stored projects: they are derived data,
        and a file from elsewhere is not trusted to carry them right."""
        if texts is None:
            texts = [(s.id, self.get(s.id).search_text()) for s in self.list_projects()]
        with self.transaction():
            rebuild_search_tables(self.conn)
            self._indexed = self._has_virtual_table("project_search")
            self._short_terms_indexed = self._has_virtual_table("project_chars")
            for project_id, text in texts:
                self._write_search_text(project_id, text)

    # -- writing: each public method is one transaction ------------------------------------

    def add(self, project: Project) -> int:
        """Store a new project; returns (and sets) its id."""
        with self.transaction():
            return self._insert(project, keep_id=False)

    def add_many(self, projects: list[Project]) -> list[int]:
        with self.transaction():
            return [self._insert(project, keep_id=False) for project in projects]

    def same_form(self, project: Project) -> int | None:
        """The stored project that is the same form as ``project`` (same layout, year, unit and
        name), the oldest if several; None when there is none."""
        row = self.conn.execute(
            "SELECT id FROM projects WHERE layout = ? AND year = ? AND unit = ? AND name = ? "
            "ORDER BY id LIMIT 1",
            [project.layout, project.year, project.unit, project.name],
        ).fetchone()
        return None if row is None else int(row[0])

    def store_imported(self, projects: list[Project], choices: list[OnDuplicate]) -> ImportOutcome:
        """Store imported forms in one transaction, each new one added and each already stored
        one skipped, put in place of the stored one (keeping its id) or added beside it, as
        its choice says."""
        if len(choices) != len(projects):
            raise ValueError("one choice per project")
        outcome = ImportOutcome()
        with self.transaction():
            for project, choice in zip(projects, choices, strict=True):
                same = self.same_form(project)
                if same is None or choice is OnDuplicate.NEW:
                    outcome.added.append(self._insert(project, keep_id=False))
                elif choice is OnDuplicate.SKIP:
                    outcome.skipped.append(same)
                else:
                    before = self.get(same)
                    replacement = project.clone()
                    replacement.id = same
                    self.save(replacement)
                    outcome.replaced.append((same, before))
        return outcome

    def put_back(self, project: Project) -> None:
        """Store a deleted project again under its old id (undo of a deletion)."""
        with self.transaction():
            self._insert(project, keep_id=True)

    def save(self, project: Project) -> None:
        """Replace the stored project with this one."""
        if project.id is None:
            raise ValueError("save() needs a stored project; use add()")
        self._require_valid(project)
        with self.transaction():
            self._require(project.id)
            self._delete_children(project.id)
            self.conn.execute(
                "UPDATE projects SET layout = ?, year = ?, name = ?, unit = ?, updated_at = ? "
                "WHERE id = ?",
                [project.layout, project.year, project.name, project.unit, _now(), project.id],
            )
            self._write_children(project)
            self._replace_search_text(project.id, project.search_text())

    def delete(self, project_id: int) -> Project:
        """Delete a project; returns it as it was, for undo."""
        with self.transaction():
            project = self.get(project_id)
            self.conn.execute("DELETE FROM projects WHERE id = ?", [project_id])
            self._delete_search_text(project_id)
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

    def _require_valid(self, project: Project) -> None:
        """Nothing that :mod:`perfdesk.limits` refuses ever reaches the file, however it came."""
        problem = project_problem(project)
        if problem:
            try:
                name = project.name
            except UnknownLayoutError:
                name = ""
            where = f"项目“{clip(name)}”" if isinstance(name, str) and name else "项目"
            raise InvalidValueError(f"{where}无法保存：{problem}")

    def _insert(self, project: Project, *, keep_id: bool) -> int:
        self._require_valid(project)
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
        cursor = self.conn.execute(
            f"INSERT INTO projects ({columns}) VALUES ({marks})", list(row.values())
        )
        project_id = int(row["id"]) if "id" in row else int(cursor.lastrowid or 0)
        project.id = project_id
        self._write_children(project)
        self._write_search_text(project_id, project.search_text())
        return project_id

    def _delete_children(self, project_id: int) -> None:
        conn = self.conn
        for table in ("project_fields", "project_sections", "project_budget", "indicator_nodes"):
            conn.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])

    def _indexed_text(self, project_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT body FROM project_search WHERE rowid = ?", [project_id]
        ).fetchone()
        return None if row is None else str(row[0] or "")

    def _replace_search_text(self, project_id: int, text: str) -> None:
        """Index ``text`` for the project, unless it is what is indexed already (an amount or
        the year changed): indexing a long text anew takes a while."""
        indexed = self._indexed_text(project_id)
        if indexed == text:
            return
        if indexed is not None:
            self._forget_search_text(project_id, indexed)
        self._write_search_text(project_id, text)

    def _delete_search_text(self, project_id: int) -> None:
        indexed = self._indexed_text(project_id)
        if indexed is not None:
            self._forget_search_text(project_id, indexed)

    def _forget_search_text(self, project_id: int, indexed: str) -> None:
        if self._short_terms_indexed:
            # A contentless index forgets a row by being told the text it indexed.
            self.conn.execute(
                "INSERT INTO project_chars (project_chars, rowid, body) VALUES ('delete', ?, ?)",
                [project_id, spaced_characters(indexed)],
            )
        self.conn.execute("DELETE FROM project_search WHERE rowid = ?", [project_id])

    def _write_search_text(self, project_id: int, text: str) -> None:
        conn = self.conn
        conn.execute("INSERT INTO project_search (rowid, body) VALUES (?, ?)", [project_id, text])
        if self._short_terms_indexed:
            conn.execute(
                "INSERT INTO project_chars (rowid, body) VALUES (?, ?)",
                [project_id, spaced_characters(text)],
            )

    def matching_ids(self, search: str) -> set[int]:
        """The ids of the projects whose text holds every term of ``search``, as
        :meth:`list_projects` searches (the window filters its list by them)."""
        found: set[int] | None = None
        for term in search.split():
            holding, value = self._holding(term)
            # One row, not one per project: Python's sqlite3 lets go of the interpreter at
            # every row, and with a worker busy beside the window each row waits to get it back.
            (joined,) = self.conn.execute(
                f"SELECT group_concat(rowid) FROM ({holding})", [value]
            ).fetchone()
            ids = set(map(int, joined.split(","))) if joined else set()
            found = ids if found is None else found & ids
            if not found:
                break
        return set() if found is None else found

    def _holding(self, term: str) -> tuple[str, str]:
        """The query of the ids of the projects holding ``term``, and its parameter. A term of
        three characters or more uses the trigram index (a phrase query matches any
        substring), a shorter one the index of single characters (a phrase of one or two of
        them); without these indexes the text is scanned."""
        if self._indexed and len(term) >= 3:
            phrase = '"' + term.replace('"', '""') + '"'
            return "SELECT rowid FROM project_search WHERE project_search MATCH ?", phrase
        if self._short_terms_indexed and len(term) <= 2:
            phrase = '"' + spaced_characters(term).replace('"', '""') + '"'
            return "SELECT rowid FROM project_chars WHERE project_chars MATCH ?", phrase
        return "SELECT rowid FROM project_search WHERE instr(body, ?) > 0", term

    def _write_children(self, project: Project) -> None:
        conn = self.conn
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
            "INSERT INTO indicator_nodes "
            "(project_id, position, depth, name, target, other_values) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    pid,
                    position,
                    node.depth,
                    node.name,
                    node.target,
                    values_to_text(node.other_values),
                )
                for position, node in enumerate(nodes_from_tree(project.indicators))
            ],
        )


def read_projects(path: Path, ids: Sequence[int], steps: Steps) -> list[Project]:
    """The projects ``ids`` of the database at ``path``, through a read-only connection of
    their own (a worker's: in WAL mode it reads one snapshot while the window writes)."""
    projects: list[Project] = []
    store = Store(path, read_only=True, quick_check=False)
    try:
        for done, project_id in enumerate(ids):
            steps(done, len(ids))
            projects.append(store.get(project_id))
    finally:
        store.close()
    steps(len(ids), len(ids))
    return projects


def values_to_text(values: tuple[str, ...]) -> str:
    """An indicator's other values as stored: a JSON array of strings, '' for none."""
    return json.dumps(list(values), ensure_ascii=False) if values else ""


def values_from_text(text: str) -> tuple[str, ...]:
    """The inverse of :func:`values_to_text`; ValueError for anything it would not write."""
    if not text:
        return ()
    found = json.loads(text)
    if not isinstance(found, list) or not all(isinstance(v, str) for v in found):
        raise ValueError(text)
    return tuple(found)


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
    executed = spec.budget_previous_executed_field
    if executed:
        copy.budget[executed] = None  # next year's officer fills in what was really spent
    return copy
