"""What a PerfDesk database file looks like: its tables, version by version, and the check
that a file is exactly that.

The schema is built by the steps in :data:`STEPS`, in order; ``PRAGMA user_version`` says how
many of them a file has had (:data:`SCHEMA_VERSION` for an up-to-date one). The steps are plain
SQL over :mod:`sqlite3`: :mod:`perfdesk.migrations` applies them to files through
sqlite-utils' migrations, and :func:`schema_problems` runs them on an empty in-memory database
to know what a file of a given version must contain. A file is trusted only if its
``sqlite_master`` holds exactly that: a trigger, a view, another table or index, a column more
or less, or a table replaced by a view is reported, never used. Opening a file and restoring a
backup both check this, so a file changed by another program is refused before PerfDesk reads
or writes through it.

Two things may legitimately differ between two sound files, and are allowed for:

- the search tables are FTS5 virtual tables where SQLite has FTS5 (and trigram, for
  ``project_search``), plain tables or absent where it has not; FTS5's own shadow tables
  (``project_search_data`` …) are SQLite's business and checked by name and kind only;
- sqlite-utils' record of the migrations applied (``_sqlite_migrations``) is checked by its
  columns and its one unique index, not by how sqlite-utils happened to spell the statement.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

APPLICATION_ID = 0x50664473  # "PfDs"

_TABLES = """
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

# Trigram tokens make substring search work for Chinese, which has no spaces (terms of three
# characters or more). Without FTS5 trigram (SQLite older than 3.34): a plain table, scanned.
_SEARCH_FTS = "CREATE VIRTUAL TABLE project_search USING fts5(body, tokenize='trigram')"
_SEARCH_PLAIN = "CREATE TABLE project_search (rowid INTEGER PRIMARY KEY, body TEXT)"

# Terms of one or two characters: every character of the search text is a token of its own
# (see :func:`spaced_characters`), so a two-character term is a two-token phrase. Contentless:
# the text itself is in project_search already.
_CHARS_FTS = (
    "CREATE VIRTUAL TABLE project_chars USING fts5(body, tokenize='ascii', content='', "
    "columnsize=0)"
)

# FTS5's ascii tokenizer keeps every non-ASCII character as part of a token and splits on ASCII
# punctuation and spaces. Each character becomes a token of its own by the spaces put between
# them; ASCII punctuation and whitespace are moved to private-use characters first, so that
# they are tokens too and a phrase never jumps over them (``1%2`` must not match ``12``).
# A translation table rather than a regular expression: compiling that character class took
# 6 ms of every start.
_ASCII_PUNCTUATION = {code: 0xE100 + code for code in range(0x80) if not chr(code).isalnum()}


def spaced_characters(text: str) -> str:
    """``text`` as ``project_chars`` indexes it (and as a term is looked up there): each
    character followed by a space, the last one excepted (a megabyte takes milliseconds)."""
    if not text:
        return ""
    wide = text.translate(_ASCII_PUNCTUATION).encode("utf-32-le")
    spaced = bytearray(len(wide) * 2)
    for byte in range(4):
        spaced[byte::8] = wide[byte::4]
    spaced[4::8] = b" " * (len(wide) // 4)
    return spaced[:-4].decode("utf-32-le")


def _create(conn: sqlite3.Connection, fts: bool, virtual: str, fallback: str | None) -> None:
    if fts:
        try:
            conn.execute(virtual)
            return
        except sqlite3.OperationalError:
            pass  # this SQLite lacks FTS5 or the tokenizer: the fallback below
    if fallback:
        conn.execute(fallback)


def _initial(conn: sqlite3.Connection, fts: bool) -> None:
    # Statement by statement: executescript() would commit the migration's transaction.
    for statement in _TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    _create(conn, fts, _SEARCH_FTS, _SEARCH_PLAIN)


def _short_search(conn: sqlite3.Connection, fts: bool) -> None:
    _create(conn, fts, _CHARS_FTS, None)
    if has_table(conn, "project_chars"):
        rows = conn.execute("SELECT rowid, body FROM project_search").fetchall()
        conn.executemany(
            "INSERT INTO project_chars (rowid, body) VALUES (?, ?)",
            [(rowid, spaced_characters(body or "")) for rowid, body in rows],
        )


def rebuild_search_tables(conn: sqlite3.Connection) -> None:
    """Drop the search tables and make them again, empty, as the current schema has them (to
    be filled from the projects: they are derived data)."""
    for name in ("project_chars", "project_search"):
        if has_table(conn, name):
            conn.execute(f"DROP TABLE {name}")
    _create(conn, True, _SEARCH_FTS, _SEARCH_PLAIN)
    _create(conn, True, _CHARS_FTS, None)


def _other_values(conn: sqlite3.Connection, fts: bool) -> None:
    # An indicator's values in its layout's further value columns (中期指标值 …): a JSON array
    # of strings, '' for none. Existing rows keep their data and get ''.
    conn.execute("ALTER TABLE indicator_nodes ADD COLUMN other_values TEXT NOT NULL DEFAULT ''")


Step = Callable[[sqlite3.Connection, bool], None]

# Never change a step once released: add one. A step's name is what sqlite-utils records.
STEPS: tuple[tuple[str, Step], ...] = (
    ("0001_initial", _initial),
    ("0002_short_search", _short_search),
    ("0003_other_values", _other_values),
)
SCHEMA_VERSION = len(STEPS)

MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the steps applied
_MIGRATIONS_COLUMNS = ["id", "migration_set", "name", "applied_at"]


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone()
    return row is not None


# -- comparing a file's schema with ours ------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<line_comment>--[^\n]*)|(?P<block_comment>/\*.*?(\*/|$))"""
    r"""|(?P<string>'(?:[^']|'')*')|(?P<quoted>"(?:[^"]|"")*"|\[[^\]]*\]|`(?:[^`]|``)*`)"""
    r"""|(?P<word>[^\s'"`\[\]()/,;=-]+|[/-])|(?P<punct>.)""",
    re.DOTALL,
)


def normalize_sql(sql: str) -> str:
    """A ``CREATE`` statement in one canonical spelling: comments and layout dropped, keywords
    and identifiers unquoted and in lower case, string literals exactly as they were."""
    out: list[str] = []
    previous_is_word = False
    for match in _TOKEN.finditer(sql):
        kind, text = match.lastgroup, match[0]
        if kind in ("space", "line_comment", "block_comment"):
            continue
        is_word = kind != "punct"
        if kind == "quoted":
            text = text[1:-1].lower()
        elif kind != "string":
            text = text.lower()
        if is_word and previous_is_word:
            out.append(" ")
        out.append(text)
        previous_is_word = is_word
    return "".join(out)


@dataclass(frozen=True)
class _Object:
    """A table, index, trigger or view as sqlite_schema lists it."""

    type: str
    table: str
    sql: str  # normalized; "" for an object SQLite made itself


@dataclass(frozen=True)
class _Expected:
    """What a sound database file of the current schema version holds."""

    allowed: dict[str, frozenset[_Object]]  # every definition a sound file may have per name
    required: frozenset[str]  # names every sound file of this version has
    shadows: dict[str, frozenset[str]]  # virtual table -> its FTS5 shadow tables


def _objects(conn: sqlite3.Connection) -> dict[str, _Object]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        str(name): _Object(str(kind), str(table), normalize_sql(sql) if sql else "")
        for kind, name, table, sql in rows
        if not str(name).startswith("sqlite_")  # SQLite's own (autoindexes, statistics)
    }


@cache
def _expected(version: int) -> _Expected:
    """What files of ``version`` contain: the steps run on empty in-memory databases, once
    trying FTS5 and once with the plain fallbacks."""
    builds = []
    for fts in (True, False):
        conn = sqlite3.connect(":memory:")
        try:
            for _, step in STEPS[:version]:
                step(conn, fts)
            builds.append(_objects(conn))
        finally:
            conn.close()
    virtual = {
        name: obj
        for build in builds
        for name, obj in build.items()
        if obj.sql.startswith("create virtual table")
    }
    shadows = {
        name: frozenset(
            other
            for build in builds
            for other in build
            if other.startswith(name + "_") and build[other].type == "table"
        )
        for name in virtual
    }
    shadow_names = {name for names in shadows.values() for name in names}
    allowed: dict[str, set[_Object]] = {}
    for build in builds:
        for name, obj in build.items():
            if name not in shadow_names:
                allowed.setdefault(name, set()).add(obj)
    required = frozenset(builds[0]).intersection(builds[1]) - shadow_names
    return _Expected({k: frozenset(v) for k, v in allowed.items()}, required, shadows)


_KIND_NAMES = {"table": "表", "index": "索引", "view": "视图", "trigger": "触发器"}


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """How the file's schema differs from what PerfDesk makes for ``version``, in Chinese;
    empty when it is exactly ours."""
    expected = _expected(version)
    found = _objects(conn)
    problems: list[str] = []
    for name in sorted(expected.required - set(found)):
        problems.append(
            f"缺少{_KIND_NAMES.get(next(iter(expected.allowed[name])).type, '')} {name}"
        )
    shadow_owner = {
        shadow: table for table, shadows in expected.shadows.items() for shadow in shadows
    }
    for name, obj in sorted(found.items()):
        kind = _KIND_NAMES.get(obj.type, obj.type)
        if name in shadow_owner:
            owner = found.get(shadow_owner[name])
            if (
                obj.type != "table"
                or owner is None
                or not owner.sql.startswith("create virtual table")
            ):
                problems.append(f"多出{kind} {name}")
        elif name == MIGRATIONS_TABLE or obj.table == MIGRATIONS_TABLE:
            problems.extend(_migrations_record_problems(conn, name, obj))
        elif name not in expected.allowed:
            problems.append(f"多出{kind} {name}")
        elif obj not in expected.allowed[name]:
            problems.append(f"{kind} {name} 的定义与 PerfDesk 的不同")
    for table, shadows in expected.shadows.items():
        owner = found.get(table)
        if owner is not None and owner.sql.startswith("create virtual table"):
            problems.extend(f"缺少表 {name}" for name in sorted(shadows - set(found)))
    return problems


def _migrations_record_problems(conn: sqlite3.Connection, name: str, obj: _Object) -> list[str]:
    """sqlite-utils' table of applied migrations: its columns, and one unique index on
    (migration_set, name)."""
    if name == MIGRATIONS_TABLE:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({MIGRATIONS_TABLE})")]
        if obj.type != "table" or columns != _MIGRATIONS_COLUMNS:
            return [f"表 {name} 的定义与 PerfDesk 的不同"]
        return []
    if obj.type == "index":
        info = {row[1]: row for row in conn.execute(f"PRAGMA index_list({MIGRATIONS_TABLE})")}
        columns = [row[2] for row in conn.execute("SELECT * FROM pragma_index_info(?)", [name])]
        if name in info and info[name][2] == 1 and columns == ["migration_set", "name"]:
            return []
    kind = _KIND_NAMES.get(obj.type, obj.type)
    return [f"多出{kind} {name}"]
