"""Safe saving: the target is either the old file or all of the new one, never a temp left."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import atomic_write, atomic_writer, describe_os_error


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_error_while_writing_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("the program failed half-way")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_target_that_cannot_be_replaced_gets_a_message_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_bytes(b"keep")
    with pytest.raises(PerfDeskError, match="无法写入"):
        atomic_write(target, b"data")
    assert (target / "inside").read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_missing_folder_gets_a_message(tmp_path: Path) -> None:
    with pytest.raises(PerfDeskError, match="无法在"):
        atomic_write(tmp_path / "no" / "such" / "out.json", b"data")


_FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from perfdesk.errors import PerfDeskError
from perfdesk.fileio import atomic_write
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
target = Path(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))
try:
    atomic_write(target, b"x" * 50_000)
except PerfDeskError as exc:
    print(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_running_out_of_space_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(target)], capture_output=True, text=True, check=True
    )
    assert "无法写入" in result.stdout
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


class _WindowsSharingViolation(PermissionError):
    winerror = 32


class _WindowsPathTooLong(FileNotFoundError):
    winerror = 206


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "只读"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "太长"),
        (_WindowsPathTooLong(2, "The filename or extension is too long"), "太长"),
        # as Windows (and Wine) report a name too long at times: the path is "not found"
        (FileNotFoundError(errno.ENOENT, "not found", "C:\\报表\\" + "名" * 256), "太长"),
        (FileNotFoundError(errno.ENOENT, "not found", "C:\\报表\\名.pdf"), "不存在"),
        (_WindowsSharingViolation(13, "The process cannot access the file"), "正被其他程序使用"),
        (PermissionError(errno.EACCES, "Permission denied"), "权限"),
    ],
)
def test_each_failure_has_its_own_words_and_says_what_to_do(error: OSError, words: str) -> None:
    said = describe_os_error(error)
    assert words in said and "。" in said  # the reason, then what to do


def test_a_file_name_too_long_is_said_so(tmp_path: Path) -> None:
    with pytest.raises(PerfDeskError, match=r"写入 很长的名字.*文件名或路径太长"):
        atomic_write(tmp_path / ("很长的名字" * 60 + ".pdf"), b"data")
