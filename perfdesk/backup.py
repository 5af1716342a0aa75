"""Backups: export, checked restore, automatic backups and their thinning.

A backup is one ``.zip`` file holding exactly two members:

- ``perfdesk.db``: a consistent snapshot of the database taken with SQLite's ``VACUUM INTO``
  while PerfDesk runs (never a copy of the live file, which may be mid-transaction);
- ``manifest.json``: the format, PerfDesk and schema versions, when it was taken, how many
  projects it holds, and the snapshot's size and SHA-256.

A zip is what any Windows computer opens without extra software, so a backup can be looked
into by hand; the manifest lets PerfDesk refuse a damaged or altered one before using it.

Restoring checks the candidate completely before the live database is touched: members are
read by their known names only (nothing is ever extracted by a name taken from the archive),
sizes and compression ratios are bounded, the snapshot is streamed into a temporary file beside
the database and must match the manifest, be PerfDesk's (``application_id``), not come from a
newer PerfDesk, pass ``integrity_check`` and ``foreign_key_check``, and hold exactly the tables
PerfDesk makes (:mod:`perfdesk.schema`: no trigger, view, extra table, index or column). Older
schemas are migrated on the temporary copy and its tables checked again; then every project is
read strictly and must be one PerfDesk could have written (:mod:`perfdesk.limits`), and the
search indexes are built anew from them. Only then is the current database backed up and
replaced, in one SQLite transaction. A database another program holds locked is in use, not
damaged: the restore waits its turn or refuses, and never renames or replaces it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from perfdesk import __version__
from perfdesk.backup_retention import RetentionLimits, obsolete_backups
from perfdesk.errors import (
    AlteredDatabaseError,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseInUseError,
    PerfDeskError,
)
from perfdesk.fileio import (
    RESTORE_PREFIX,
    SNAPSHOT_PREFIX,
    atomic_writer,
    describe_os_error,
    fsync_folder,
    make_folder,
    refuse_database_output,
    remove_leftovers,
    sha256_of,
    temporary_file,
)
from perfdesk.paths import backup_dir
from perfdesk.places import require_local, window_holding
from perfdesk.schema import APPLICATION_ID, SCHEMA_VERSION, schema_problems
from perfdesk.store import (
    BUSY_TIMEOUT_SECONDS,
    Store,
    check_database,
    database_error,
    integrity_problems,
    problems_text,
    stored_project_problems,
)
from perfdesk.values import clip

BACKUP_FORMAT = "perfdesk-backup/1"
DATABASE_MEMBER = "perfdesk.db"
MANIFEST_MEMBER = "manifest.json"
BACKUP_SUFFIX = ".zip"

# Bounds on what a restore will unpack. Years of forms take tens of megabytes.
MAX_DATABASE_BYTES = 1 << 30
MAX_MANIFEST_BYTES = 64 << 10
# Real snapshots shrink 10 times, and about 100 times when a long text was pasted over and
# over; deflate cannot do better than about 1030 times, which is where zip bombs sit.
MAX_COMPRESSION_RATIO = 1000
RATIO_CHECK_FROM_BYTES = 1 << 20
# Left free after a restore, for the database to keep working: a share of what is restored.
SPARE_DISK_FRACTION = 0.1
MIN_SPARE_DISK_BYTES = 8 << 20

DEFAULT_INTERVAL_MINUTES = 15

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20


class BadBackupError(PerfDeskError):
    """A file that cannot be restored; the message says why. Nothing was changed."""


# -- the manifest ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_version: int
    created_at: datetime
    project_count: int
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": BACKUP_FORMAT,
            "app": "PerfDesk",
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "project_count": self.project_count,
            "database": {"name": DATABASE_MEMBER, "size": self.size, "sha256": self.sha256},
        }

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        """Read a manifest, refusing anything that is not exactly what PerfDesk writes."""
        bad = BadBackupError("备份文件的清单（manifest.json）不完整或已被改动，无法使用")
        if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
            raise bad
        database = data.get("database")
        if not isinstance(database, dict) or database.get("name") != DATABASE_MEMBER:
            raise bad
        numbers = (data.get("schema_version"), data.get("project_count"), database.get("size"))
        if not all(type(n) is int and n >= 0 for n in numbers):
            raise bad
        sha = database.get("sha256")
        version = data.get("app_version")
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise bad
        if not isinstance(version, str):
            raise bad
        try:
            created_at = datetime.fromisoformat(str(data.get("created_at")))
        except ValueError:
            raise bad from None
        return cls(
            app_version=version,
            schema_version=int(data["schema_version"]),
            created_at=created_at,
            project_count=int(data["project_count"]),
            size=int(database["size"]),
            sha256=sha,
        )


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Manifest


@dataclass(frozen=True)
class RestoreResult:
    project_count: int
    manifest: Manifest | None  # None when a bare database file was restored
    safety_copy: Path | None  # where the database as it was before the restore was kept


# -- making a backup -------------------------------------------------------------------------


def local_now() -> datetime:
    return datetime.now().astimezone()


def default_backup_name(now: datetime | None = None) -> str:
    """The name an exported backup gets unless the user chooses one: ``PerfDesk备份-2026-11-28.zip``."""
    return f"PerfDesk备份-{(now or local_now()):%Y-%m-%d}{BACKUP_SUFFIX}"


def create_backup(store: Store, output: str | Path, *, now: datetime | None = None) -> BackupInfo:
    """Write a backup of ``store`` to ``output`` (replaced only once the backup is complete).

    Raises :class:`DamagedDatabaseError` rather than write a backup of a damaged database, and
    refuses an ``output`` that is the database itself or a file beside it.
    """
    target = Path(output)
    refuse_database_output(target, store.path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PerfDeskError(f"文件夹 {folder} 不存在。请先建立它，或换一个文件夹")
    with temporary_file(folder, SNAPSHOT_PREFIX) as snapshot:
        manifest = _snapshot(store, snapshot, now or local_now())
        manifest_bytes = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2).encode()
        with atomic_writer(target) as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST_MEMBER, manifest_bytes)
                archive.write(snapshot, DATABASE_MEMBER)
            # Read the archive back before it takes the target's place: a backup that
            # cannot be read must never replace anything.
            handle.flush()
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                _check_members(archive)
                _read_database_member(archive, manifest, _discard_sink)
    return BackupInfo(target, manifest)


def _snapshot(store: Store, snapshot: Path, now: datetime) -> Manifest:
    """A snapshot of the database, checked: the live file's quick check first (a damaged page
    can be copied over without a word), then the snapshot's full integrity check."""
    conn = store.conn
    if conn.in_transaction:
        raise PerfDeskError("数据库正在保存修改，请稍后再备份")
    problems = integrity_problems(conn, quick=True)
    if problems:
        raise DamagedDatabaseError(f"数据库已损坏，未生成备份（{problems_text(problems)}）")
    try:
        conn.execute("VACUUM INTO ?", [str(snapshot)])
    except sqlite3.OperationalError as exc:  # the environment: disk full, folder not writable
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code == _SQLITE_FULL or "full" in str(exc):
            raise PerfDeskError(
                f"无法生成备份：{snapshot.parent} 所在磁盘空间不足。请腾出空间，或把备份存到另一个磁盘"
            ) from None
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            raise database_error(exc, store.path) from None
        if code == _SQLITE_IOERR or "I/O" in str(exc):
            raise PerfDeskError(
                f"无法生成备份：写入 {snapshot.parent} 时出错，磁盘可能已满或已被拔出。"
                "请检查磁盘后重试"
            ) from None
        raise PerfDeskError(f"无法生成备份：{exc}") from None
    except sqlite3.DatabaseError as exc:  # the database itself cannot be read
        raise DamagedDatabaseError(f"无法生成备份：数据库无法完整读出（{exc}）") from None
    check = sqlite3.connect(snapshot)
    try:
        problems = integrity_problems(check)
        if problems:
            raise DamagedDatabaseError(f"数据库已损坏，未生成备份（{problems_text(problems)}）")
        version = int(check.execute("PRAGMA user_version").fetchone()[0])
        count = int(check.execute("SELECT count(*) FROM projects").fetchone()[0])
    finally:
        check.close()
    return Manifest(
        app_version=__version__,
        schema_version=version,
        created_at=now,
        project_count=count,
        size=snapshot.stat().st_size,
        sha256=sha256_of(snapshot),
    )


# -- reading a backup ------------------------------------------------------------------------


def _check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The two members by name, refusing archives with anything else in them."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if sorted(names) != sorted([DATABASE_MEMBER, MANIFEST_MEMBER]):
        raise BadBackupError(
            "这不是 PerfDesk 备份：压缩包里应当只有 perfdesk.db 和 manifest.json，"
            f"实际是 {', '.join(clip(n, 40) for n in names[:5]) or '空的'}"
        )
    members = {info.filename: info for info in infos}
    for info in infos:
        if info.flag_bits & 0x1:
            raise BadBackupError("备份文件被加密，PerfDesk 无法读取")
    manifest, database = members[MANIFEST_MEMBER], members[DATABASE_MEMBER]
    if manifest.file_size > MAX_MANIFEST_BYTES:
        raise BadBackupError("备份文件的清单大得不正常，已拒绝")
    if database.file_size > MAX_DATABASE_BYTES:
        raise BadBackupError(
            f"备份中的数据库解压后有 {database.file_size / 2**20:.0f} MB，超出上限，已拒绝"
        )
    ratio = database.file_size / max(database.compress_size, 1)
    if database.file_size > RATIO_CHECK_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
        raise BadBackupError("备份文件的压缩比大得不正常（可能是“压缩炸弹”），已拒绝")
    return members


def _read_manifest(archive: zipfile.ZipFile) -> Manifest:
    with archive.open(MANIFEST_MEMBER) as member:
        raw = member.read(MAX_MANIFEST_BYTES + 1)
    if len(raw) > MAX_MANIFEST_BYTES:
        raise BadBackupError("备份文件的清单大得不正常，已拒绝")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadBackupError("备份文件的清单（manifest.json）无法读取") from None
    return Manifest.from_json(data)


def _read_database_member(
    archive: zipfile.ZipFile, manifest: Manifest, sink: Callable[[bytes], object]
) -> None:
    """Stream the snapshot to ``sink``, stopping at the size the manifest promised, and check
    its SHA-256."""
    digest = hashlib.sha256()
    size = 0
    limit = min(manifest.size, MAX_DATABASE_BYTES)
    with archive.open(DATABASE_MEMBER) as member:
        while block := member.read(_CHUNK):
            size += len(block)
            if size > limit:
                raise BadBackupError("备份中的数据库比清单所记录的大，文件已被改动，已拒绝")
            digest.update(block)
            sink(block)
    if size != manifest.size or digest.hexdigest() != manifest.sha256:
        raise BadBackupError("备份中的数据库与清单记录的校验值（SHA-256）不符，文件已损坏或被改动")


def _discard_sink(_block: bytes) -> None:
    pass


def read_manifest(path: str | Path) -> Manifest:
    """The manifest of a backup file, with the archive's structure and checksums checked (the
    database inside is not opened; :func:`verify_backup` does that)."""
    source = Path(path)
    with _open_archive(source) as archive:
        _check_members(archive)
        manifest = _read_manifest(archive)
        _read_database_member(archive, manifest, _discard_sink)
    return manifest


@contextlib.contextmanager
def _open_archive(source: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(source) as archive:
            yield archive
    except zipfile.BadZipFile as exc:
        raise BadBackupError(f"备份文件已损坏，无法读取（{exc}）") from None
    except (EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise BadBackupError(f"备份文件无法读取（{exc}）") from None
    except OSError as exc:
        raise BadBackupError(f"无法读取备份文件 {source}：{describe_os_error(exc)}") from None


@dataclass(frozen=True)
class _Candidate:
    path: Path
    manifest: Manifest | None
    project_count: int


@contextlib.contextmanager
def _prepared_candidate(
    source: Path, work_folder: Path, live_size: int = 0
) -> Iterator[_Candidate]:
    """The database inside ``source``, fully checked and migrated, in a temporary file in
    ``work_folder`` that is removed afterwards. ``live_size`` is the size of the database it
    is to replace (for the free space a restore needs)."""
    kind = _identify(source)
    with temporary_file(work_folder, RESTORE_PREFIX) as temp:
        manifest: Manifest | None = None
        try:
            if kind == "zip":
                with _open_archive(source) as archive:
                    _check_members(archive)
                    manifest = _read_manifest(archive)
                    if manifest.schema_version > SCHEMA_VERSION:
                        raise BadBackupError(_too_new(manifest.schema_version))
                    _require_space(work_folder, manifest.size, live_size)
                    with temp.open("wb") as out:
                        _read_database_member(archive, manifest, out.write)
                        out.flush()
                        os.fsync(out.fileno())
            else:
                _copy_bare_database(source, temp, live_size)
        except OSError as exc:
            raise BadBackupError(
                f"无法准备恢复（在 {work_folder} 中）：{describe_os_error(exc)}"
            ) from None
        count = _inspect_candidate(temp, manifest)
        _verify_projects(temp, count)
        yield _Candidate(temp, manifest, count)


def _identify(source: Path) -> str:
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise BadBackupError(f"找不到备份文件 {source}") from None
    except OSError as exc:
        raise BadBackupError(f"无法读取备份文件 {source}：{describe_os_error(exc)}") from None
    if size == 0:
        raise BadBackupError(f"{source} 是空文件（0 字节），不是 PerfDesk 备份")
    if size > MAX_DATABASE_BYTES + (1 << 20):
        raise BadBackupError(f"{source} 有 {size / 2**20:.0f} MB，超出备份文件的上限，已拒绝")
    if head.startswith(_ZIP_MAGICS):
        return "zip"
    if head == _SQLITE_MAGIC:
        return "database"
    raise BadBackupError(f"{source} 不是 PerfDesk 备份（既不是备份压缩包，也不是数据库文件）")


def restore_space_needed(size: int, live_size: int) -> int:
    """Bytes a restore of a ``size``-byte database over a ``live_size``-byte one needs at its
    peak: the unpacked candidate, the snapshot kept of the current database, the write-ahead
    log the candidate's pages pass through, and a share left over for working on."""
    spare = max(MIN_SPARE_DISK_BYTES, int(size * SPARE_DISK_FRACTION))
    return size + live_size + size + spare


def _require_space(folder: Path, size: int, live_size: int) -> None:
    needed = restore_space_needed(size, live_size)
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise BadBackupError(f"无法查看 {folder} 所在磁盘：{describe_os_error(exc)}") from None
    if free < needed:
        raise BadBackupError(
            f"磁盘空间不足：恢复需要约 {needed / 2**20:.0f} MB，"
            f"{folder} 所在磁盘只剩 {free / 2**20:.0f} MB。请腾出空间后再恢复；未作任何改动"
        )


def _copy_bare_database(source: Path, temp: Path, live_size: int) -> None:
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise BadBackupError(
            f"{source} 旁边还有未合并的日志文件 {wal.name}：这个数据库可能正被使用或上次没有正常关闭。"
            "请用 PerfDesk 打开并关闭它后再恢复，或改用备份文件（.zip）"
        )
    _require_space(temp.parent, source.stat().st_size, live_size)
    with source.open("rb") as src, temp.open("wb") as out:
        shutil.copyfileobj(src, out, _CHUNK)
        out.flush()
        os.fsync(out.fileno())


def _inspect_candidate(temp: Path, manifest: Manifest | None) -> int:
    """Everything that must hold before a candidate may replace the live database."""
    try:
        conn = sqlite3.connect(temp.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BadBackupError(f"备份中的数据库无法打开（{exc}）") from None
    try:
        try:
            conn.execute("PRAGMA trusted_schema = OFF")  # the file is not trusted yet
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BadBackupError(f"备份中的数据库已损坏，无法读取（{exc}）") from None
        if app_id != APPLICATION_ID:
            raise BadBackupError("这不是 PerfDesk 的数据库（可能是其他程序的 SQLite 文件），已拒绝")
        if version > SCHEMA_VERSION:
            raise BadBackupError(_too_new(version))
        if conn.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
            raise BadBackupError("备份中的数据库不是 PerfDesk 写的（文字编码不同），已拒绝")
        problems = integrity_problems(conn)
        if problems:
            raise BadBackupError(f"备份中的数据库已损坏，不能用来恢复（{problems_text(problems)}）")
        # Before any migration runs on it: exactly the tables of its version, nothing else.
        problems = schema_problems(conn, version)
        if problems:
            raise BadBackupError(_not_our_schema(problems))
        count = _project_count(conn)
    finally:
        conn.close()
    if manifest is not None and (
        manifest.schema_version != version or manifest.project_count != count
    ):
        raise BadBackupError("备份的清单与其中的数据库不符，文件已被改动，已拒绝")
    return count


def _project_count(conn: sqlite3.Connection) -> int:
    has_projects = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'projects'"
    ).fetchone()
    if not has_projects:
        return 0  # written before the first migration
    return int(conn.execute("SELECT count(*) FROM projects").fetchone()[0])


def _verify_projects(temp: Path, count: int) -> None:
    """Migrate the candidate (its schema is checked again after), read every project strictly,
    and build its search indexes anew from them."""
    try:
        # Opening applies any pending migrations; the file's integrity was just checked in full.
        with Store(temp, create=False, quick_check=False) as store:
            texts: list[tuple[int, str]] = []
            found, problems = stored_project_problems(
                store.conn, each=lambda p: texts.append((p.id or 0, p.search_text()))
            )
            if problems:
                raise BadBackupError(
                    f"备份中有 PerfDesk 无法使用的项目（{problems_text(problems)}），"
                    "文件可能被其他程序改动过，已拒绝"
                )
            if found != count:  # pragma: no cover - a migration never adds or drops projects
                raise BadBackupError("备份中的项目数在升级后变了，已拒绝")
            store.reindex(texts)
    except AlteredDatabaseError as exc:
        raise BadBackupError(_not_our_schema([str(exc)])) from None
    except DatabaseError as exc:
        raise BadBackupError(f"备份中的数据库无法升级到当前格式：{exc}") from None


def _not_our_schema(problems: list[str]) -> str:
    return (
        f"备份中的数据库结构不是 PerfDesk 的（{problems_text(problems)}），"
        "可能被其他程序改动过，不能用来恢复；未作任何改动"
    )


def _too_new(version: int) -> str:
    return (
        f"这个备份由更新版本的 PerfDesk 生成（数据格式 {version}，本程序支持到 {SCHEMA_VERSION}），"
        "请先升级 PerfDesk 再恢复"
    )


def verify_backup(path: str | Path, work_folder: str | Path | None = None) -> Manifest:
    """Check a backup as thoroughly as a restore would, without restoring it."""
    source = Path(path)
    folder = Path(work_folder) if work_folder else source.parent
    with _prepared_candidate(source, folder) as candidate:
        if candidate.manifest is None:
            raise BadBackupError(f"{source} 不是备份文件（.zip）")
        return candidate.manifest


# -- restoring -------------------------------------------------------------------------------


def restore_backup(
    source: str | Path, database: str | Path, *, now: datetime | None = None
) -> RestoreResult:
    """Replace ``database`` with the one in ``source`` (a backup ``.zip`` or a bare ``.db``).

    Anything wrong with ``source`` raises :class:`BadBackupError` with the live database left
    byte for byte as it was. Before replacing, the current database is kept in the backup
    folder (``<name>-before-restore-<time>.zip``, or a byte copy if it is damaged).

    A sound database is overwritten inside one SQLite transaction, so a :class:`Store` of this
    process may stay open on it (it then sees the restored projects like any committed change;
    its owner drops its undo steps and reloads). A damaged database is replaced as a file:
    nothing may have it open. A PerfDesk window of another process holding the database
    makes the restore refuse, and so does a database another program holds locked
    (:class:`DatabaseInUseError`): in use is not damaged, and is never renamed or replaced.
    """
    source, live = Path(source), Path(database)
    require_local(live)
    if (owner := window_holding(live)) is not None and owner != os.getpid():
        raise DatabaseError(
            f"数据库 {live} 正在 PerfDesk 窗口中打开（进程 {owner}），请在窗口中用“恢复备份…”，"
            "或关闭窗口后再恢复；未作任何改动"
        )
    make_folder(live.parent)
    remove_leftovers(live)
    stamp = f"{(now or local_now()):%Y%m%d-%H%M%S}"
    live_size = live.stat().st_size if live.exists() else 0
    with _prepared_candidate(source, live.parent, live_size) as candidate:
        if not live.exists():
            _remove_sidecars(live)
            _move_into_place(candidate.path, live)
            return RestoreResult(candidate.project_count, candidate.manifest, None)
        try:
            damaged = bool(check_database(live, quick=True))
        except DatabaseInUseError:
            raise  # locked by another program: not damage, and nothing is touched
        except DamagedDatabaseError:
            damaged = True
        folder = backup_dir(live)
        make_folder(folder)
        if damaged:
            safety = _keep_damaged(live, folder, stamp)
            _remove_sidecars(live)
            _move_into_place(candidate.path, live)
        else:
            safety = folder / f"{live.stem}-before-restore-{stamp}{BACKUP_SUFFIX}"
            with Store(live, quick_check=False) as current:  # checked just above
                create_backup(current, safety)
            _copy_into(candidate.path, live)
    return RestoreResult(candidate.project_count, candidate.manifest, safety)


def _copy_into(candidate: Path, live: Path) -> None:
    """Overwrite the live database with the candidate's pages in one SQLite transaction:
    atomic even if the process dies half-way, and safe beside the live file's write-ahead log
    (replacing the file itself under a log would mix old pages into the new database)."""
    source = sqlite3.connect(candidate, isolation_level=None)
    target = sqlite3.connect(live, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        page_size = target.execute("PRAGMA page_size").fetchone()[0]
        if source.execute("PRAGMA page_size").fetchone()[0] != page_size:
            # A database in WAL mode cannot change its page size, so the copy adapts.
            source.execute("PRAGMA journal_mode = DELETE")
            source.execute(f"PRAGMA page_size = {int(page_size)}")
            source.execute("VACUUM")
        source.backup(target, progress=_give_up_when_busy_too_long(), sleep=0.05)
        problems = integrity_problems(target, quick=True)
        if problems:  # pragma: no cover - SQLite wrote what it had checked
            raise DatabaseError("恢复后的数据库未通过检查：" + "；".join(problems))
    except _StillBusy:
        raise DatabaseInUseError(
            f"数据库 {live} 正在被另一个程序使用，无法恢复。请关闭那个程序后再试；未作任何改动"
        ) from None
    except sqlite3.OperationalError as exc:
        error = database_error(exc, live)
        if isinstance(error, DatabaseInUseError):
            raise error from None
        raise DatabaseError(f"恢复失败，当前数据库未改动：{error}") from None
    finally:
        source.close()
        target.close()


class _StillBusy(Exception):
    """The live database stayed locked by another program for the whole busy timeout."""


def _give_up_when_busy_too_long() -> Callable[[int, int, int], None]:
    """A progress callback for ``Connection.backup``, which would otherwise wait for ever while
    another program holds the target locked: it gives up after the busy timeout."""
    since: float | None = None

    def progress(status: int, _remaining: int, _total: int) -> None:
        nonlocal since
        if status not in (_SQLITE_BUSY, _SQLITE_LOCKED):
            since = None
            return
        now = time.monotonic()
        since = now if since is None else since
        if now - since > BUSY_TIMEOUT_SECONDS:
            raise _StillBusy

    return progress


def _keep_damaged(live: Path, folder: Path, stamp: str) -> Path:
    """A damaged database cannot be snapshotted; its files are copied byte for byte instead,
    so that nothing is lost even if it could still be repaired by hand."""
    kept = folder / f"{live.stem}-damaged-{stamp}.db"
    for suffix in ("", "-wal"):
        part = live.with_name(live.name + suffix)
        if part.exists():
            try:
                shutil.copyfile(part, kept.with_name(kept.name + suffix))
            except OSError as exc:
                raise PerfDeskError(
                    f"无法保留已损坏的数据库副本：{describe_os_error(exc)}；未作任何改动"
                ) from None
    return kept


def _remove_sidecars(live: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        part = live.with_name(live.name + suffix)
        try:
            part.unlink(missing_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"无法移除 {part.name}：数据库可能正被其他程序使用（{describe_os_error(exc)}）"
            ) from None


def _move_into_place(candidate: Path, live: Path) -> None:
    try:
        os.replace(candidate, live)
    except OSError as exc:
        raise DatabaseError(f"无法替换数据库 {live}：{describe_os_error(exc)}") from None
    fsync_folder(live.parent)


# -- automatic backups -----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken: datetime  # local time, from the file name
    automatic: bool  # False for the copies kept before a restore: never thinned


def list_backups(database: str | Path) -> list[BackupEntry]:
    """A database's backups in its backup folder, newest first (names only, nothing opened)."""
    db = Path(database)
    pattern = re.compile(
        rf"{re.escape(db.stem)}-(before-restore-)?(\d{{8}}-\d{{6}}){re.escape(BACKUP_SUFFIX)}"
    )
    entries: list[BackupEntry] = []
    folder = backup_dir(db)
    try:
        children = list(folder.iterdir())
    except OSError:
        return []
    for child in children:
        match = pattern.fullmatch(child.name)
        if not match or not child.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        entries.append(BackupEntry(child, taken, automatic=match.group(1) is None))
    return sorted(entries, key=lambda e: e.taken, reverse=True)


def automatic_backup_path(database: str | Path, when: datetime) -> Path:
    db = Path(database)
    return backup_dir(db) / f"{db.stem}-{when:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"


def is_usable(path: Path) -> bool:
    """Whether a backup file is whole: its structure, manifest and checksum."""
    try:
        read_manifest(path)
    except PerfDeskError:
        return False
    return True


def newest_good_backup(database: str | Path) -> BackupInfo | None:
    """The newest backup that passes every check a restore makes (offered when the database
    is damaged)."""
    for entry in list_backups(database):
        try:
            manifest = verify_backup(entry.path)
        except PerfDeskError:
            continue
        return BackupInfo(entry.path, manifest)
    return None


def thin_backups(
    database: str | Path, today: date, limits: RetentionLimits | None = None
) -> list[Path]:
    """Delete the automatic backups the retention rule no longer keeps; returns them.

    Unreadable files are never deleted and never take a place, so a run of bad backups cannot
    push out the last good one.
    """
    automatic = [e for e in list_backups(database) if e.automatic]
    if not obsolete_backups(automatic, _taken, today, limits):
        return []
    usable = [e for e in automatic if is_usable(e.path)]
    doomed = obsolete_backups(usable, _taken, today, limits)
    removed: list[Path] = []
    for entry in doomed:
        with contextlib.suppress(OSError):
            entry.path.unlink()
            removed.append(entry.path)
    return removed


def _taken(entry: BackupEntry) -> datetime:
    return entry.taken


class AutoBackup:
    """Automatic backups of one open database: when something changed, at most every
    ``interval_minutes`` and at exit, followed by thinning.

    The window calls :meth:`maybe_backup` from a timer and with ``at_exit=True`` on closing.
    """

    def __init__(
        self,
        store: Store,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        limits: RetentionLimits | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.store = store
        self.interval_minutes = interval_minutes
        self.limits = limits
        self.clock = clock
        existing = list_backups(store.path)
        self.last_backup: datetime | None = existing[0].taken if existing else None
        # With no backup at all yet, the first chance makes one.
        self._saved: tuple[int, int] | None = self._signature() if existing else None

    @property
    def folder(self) -> Path:
        return backup_dir(self.store.path)

    def _signature(self) -> tuple[int, int]:
        """Changes by this connection (``total_changes``) and by any other (``data_version``)."""
        conn = self.store.conn
        data_version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        return conn.total_changes, data_version

    def changed(self) -> bool:
        return self._signature() != self._saved

    def due(self, now: datetime) -> bool:
        if self.last_backup is None:
            return True
        elapsed = (now.replace(tzinfo=None) - self.last_backup).total_seconds()
        return elapsed < 0 or elapsed >= self.interval_minutes * 60  # a clock set back: due

    def maybe_backup(self, *, at_exit: bool = False) -> BackupInfo | None:
        """Back up if something changed and the interval has passed (or at exit); then thin."""
        if self.store.read_only or not self.changed():
            return None
        now = self.clock()
        if not at_exit and not self.due(now):
            return None
        signature = self._signature()
        make_folder(self.folder)
        info = create_backup(self.store, automatic_backup_path(self.store.path, now), now=now)
        self._saved = signature
        self.last_backup = now.replace(tzinfo=None, microsecond=0)
        thin_backups(self.store.path, now.date(), self.limits)
        return info
