"""Seeded mutation fuzzing of ``perfdesk import`` over every kind of file it takes.

Each case is one of our own files (an Excel and a Word export, a printed PDF, an exchange file,
the reference form's text) with random damage: bytes flipped, cut short, slices dropped,
doubled or replaced with tokens that parsers trip over; inside .xlsx/.docx packages a part is
damaged and the package packed again, so that the damage gets past the zip layer. Whatever
happens, the command must end in exit status 0 or 1 with no traceback, import all of a file or
none of it, and leave the database byte for byte as it was when it refuses.

The seed is fixed, so a failure reproduces; the number of cases keeps the whole run within
about a minute on a busy two-core machine.
"""

from __future__ import annotations

import json
import random
import re
import signal
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hostile_files import our_docx, our_xlsx
from testdata import SEED_TEXT, file_digest, needs_zenhei

from perfdesk import exchange
from perfdesk.cli import main
from perfdesk.printing import render_pdf, resolve_fonts
from perfdesk.sample import sample_projects
from perfdesk.store import Store

SEED = 20260513
CASES = {".json": 300, ".txt": 150, ".xlsx": 300, ".docx": 80, ".pdf": 120}
CASE_SECONDS = 10

TOKENS = [
    b"\x00",
    b"\xff\xfe",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>',
    b"&a;",
    b"]]>",
    b'<row r="1048576">',
    b"99999999999999999999999999999999999",
    b"-1e999",
    b"NaN",
    b"\\ud800",
    b"[[[[[[[[[[[[[[[[",
    b'{"',
    b" 0 R ",
    b" 0 obj ",
    b"endstream",
    b"/MediaBox [0 0 0 0]",
    "项目名称".encode(),
    "财政项目支出绩效目标表".encode(),
    "\u0001\u000b".encode(),
]


def _our_pdf(folder: Path) -> Path:
    path = folder / "ours.pdf"
    path.write_bytes(render_pdf(sample_projects(), resolve_fonts()))
    return path


def _our_json(folder: Path) -> Path:
    path = folder / "ours.json"
    path.write_text(exchange.dumps(sample_projects()), encoding="utf-8")
    return path


def _our_txt(folder: Path) -> Path:
    path = folder / "ours.txt"
    path.write_bytes(SEED_TEXT.read_bytes())
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    ".json": _our_json,
    ".txt": _our_txt,
    ".xlsx": our_xlsx,
    ".docx": our_docx,
    ".pdf": _our_pdf,
}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """``data`` with one to three random kinds of damage."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not out:
            out += rng.choice(TOKENS)
            continue
        at = rng.randrange(len(out))
        kind = rng.randrange(6)
        if kind == 0:  # flip a few bytes
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # cut short
            del out[at:]
        elif kind == 2:  # drop a slice
            del out[at : at + rng.randint(1, 4096)]
        elif kind == 3:  # double a slice, many times
            piece = out[at : at + rng.randint(1, 256)]
            out[at:at] = piece * rng.randint(2, 200)
        elif kind == 4:  # a token parsers trip over
            out[at:at] = rng.choice(TOKENS)
        else:  # random bytes
            out[at : at + rng.randint(0, 64)] = rng.randbytes(rng.randint(1, 64))
    return bytes(out)


ODD_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    1e308,
    2020.5,
    10**25,
    "",
    "2020-02-30",
    "\ud800",
    "\u0000\u001f",
    "长" * 5000,
    [],
    {},
    [[[[[]]]]],
    {"level1": 1},
    "sh2099",
]


def _mutated_json(data: object, rng: random.Random) -> object:
    """The exchange document with one value somewhere replaced by an odd one."""
    path: list[object] = []
    node = data
    while isinstance(node, dict | list) and node and rng.random() < 0.8:
        key = rng.choice(list(node) if isinstance(node, dict) else range(len(node)))
        path.append(key)
        node = node[key]  # type: ignore[index]
    if not path:
        return rng.choice(ODD_VALUES)
    parent = data
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    parent[path[-1]] = rng.choice(ODD_VALUES)  # type: ignore[index]
    return data


def mutated_file(source: Path, out: Path, rng: random.Random) -> Path:
    if source.suffix == ".json" and rng.random() < 0.5:
        data = _mutated_json(json.loads(source.read_text(encoding="utf-8")), rng)
        out.write_text(json.dumps(data), encoding="utf-8")  # \\u escapes keep surrogates
        return out
    if source.suffix in (".xlsx", ".docx") and rng.random() < 0.8:
        # Damage one part and pack again, so the damage reaches the XML readers.
        with zipfile.ZipFile(source) as package:
            infos = package.infolist()
            victim = rng.choice([i for i in infos if i.filename.endswith(".xml")])
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
                for info in infos:
                    data = package.read(info)
                    if info is victim:
                        data = mutate(data, rng)
                    new.writestr(info.filename, data)
        return out
    out.write_bytes(mutate(source.read_bytes(), rng))
    return out


@contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    def expired(_signum: int, _frame: object) -> None:
        raise AssertionError(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _count(db: Path) -> int:
    with Store(db, quick_check=False) as store:
        return store.count()


@needs_zenhei
@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM bounds each case (POSIX)")
@pytest.mark.parametrize("suffix", CASES)
def test_mutated_files_never_end_in_a_traceback_or_a_partial_import(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(f"{SEED}{suffix}")
    source = MAKERS[suffix](tmp_path)
    db = tmp_path / "perfdesk.db"
    with Store(db) as store:
        store.add_many(sample_projects())
    outcomes = {"imported": 0, "refused": 0}
    started = time.perf_counter()
    for case in range(CASES[suffix]):
        bad = mutated_file(source, tmp_path / f"case{case}{suffix}", rng)
        before, count = file_digest(db), _count(db)
        with time_limit(CASE_SECONDS, f"case {case} ({bad.name})"):
            code = main(["--db", str(db), "import", str(bad)])  # any exception fails here
        err = capsys.readouterr().err
        assert "Traceback" not in err
        if code == 0:
            outcomes["imported"] += 1
            reported = re.search(r"已导入 (\d+) 个项目", err)
            assert reported is not None, err
            assert _count(db) == count + int(reported[1])  # all of the file, in one go
        else:
            assert code == 1 and "错误：" in err, (case, code, err)
            outcomes["refused"] += 1
            assert file_digest(db) == before, (case, err)
        bad.unlink()
    took = time.perf_counter() - started
    print(f"{suffix}: {CASES[suffix]} mutated files in {took:.1f} s: {outcomes}")
