"""Long work in a child process (perfdesk.apart): what the window's exports and batch printing
run there. Real child processes, a real database, real files read back."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from testdata import as_json

from perfdesk.apart import run_apart
from perfdesk.errors import PerfDeskError
from perfdesk.exporting.stored import ExportKind, export_stored
from perfdesk.importing import read_any
from perfdesk.printing.rendering import render_stored
from perfdesk.progress import Cancelled, Steps
from perfdesk.sample import sample_projects
from perfdesk.store import Store


class Refusal(Exception):
    """An exception whose constructor does not take its message: it cannot be unpickled."""

    def __init__(self, count: int, what: str) -> None:
        super().__init__(f"{count} {what}")


def fails_in_words(steps: Steps) -> None:
    raise PerfDeskError("写不进去：磁盘已满")


def fails_oddly(steps: Steps) -> None:
    raise Refusal(3, "times")


def dies(steps: Steps) -> None:
    os._exit(3)


def counts_until_cancelled(steps: Steps) -> int:
    done = 0
    while True:  # stops only when cancelled
        steps(done, done + 1)
        done += 1


@pytest.fixture
def stored_ids(db_path: Path) -> list[int]:
    with Store(db_path) as store:
        return [store.add(project) for project in sample_projects()]


def test_an_export_written_apart_reads_back_exactly_with_its_progress_heard(
    db_path: Path, stored_ids: list[int], tmp_path: Path
) -> None:
    heard: list[tuple[int, int]] = []
    path = tmp_path / "forms.xlsx"
    steps = Steps(lambda done, total: heard.append((done, total)))
    written = run_apart(export_stored, ExportKind.XLSX, db_path, stored_ids, path, steps=steps)
    assert written == path
    assert as_json(read_any(path).projects) == as_json(sample_projects())
    assert heard and heard[-1][0] == heard[-1][1]  # the last news is "all done"
    assert [done / total for done, total in heard] == sorted(d / t for d, t in heard)


def test_a_word_export_and_a_printed_batch_apart(
    db_path: Path, stored_ids: list[int], tmp_path: Path
) -> None:
    docx_path = tmp_path / "forms.docx"
    run_apart(export_stored, ExportKind.DOCX, db_path, stored_ids, docx_path, steps=Steps())
    assert as_json(read_any(docx_path).projects) == as_json(sample_projects())
    pdf_path = tmp_path / "forms.pdf"
    rendered = run_apart(render_stored, db_path, stored_ids, None, pdf_path, steps=Steps())
    assert pdf_path.read_bytes() == rendered.pdf
    assert [p.name for p in rendered.projects] == [p.name for p in sample_projects()]
    assert as_json(read_any(pdf_path).projects) == as_json(sample_projects())


def test_cancelling_stops_the_child_and_leaves_no_file(
    db_path: Path, stored_ids: list[int], tmp_path: Path
) -> None:
    stop = threading.Event()
    with pytest.raises(Cancelled):
        run_apart(counts_until_cancelled, steps=Steps(lambda _d, _t: stop.set(), stop.is_set))
    out = tmp_path / "out"
    out.mkdir()
    writing = threading.Event()  # cancelled once the writing has begun

    def heard(done: int, total: int) -> None:
        if 2 * done > total:
            writing.set()

    with pytest.raises(Cancelled):
        run_apart(
            export_stored,
            ExportKind.DOCX,
            db_path,
            stored_ids * 20,
            out / "never.docx",
            steps=Steps(heard, writing.is_set),
        )
    assert writing.is_set()
    assert list(out.iterdir()) == []


def test_errors_come_back_in_their_words(db_path: Path) -> None:
    with pytest.raises(PerfDeskError, match="写不进去：磁盘已满"):
        run_apart(fails_in_words, steps=Steps())
    with pytest.raises(RuntimeError, match="Refusal: 3 times"):
        run_apart(fails_oddly, steps=Steps())
    with pytest.raises(PerfDeskError, match="后台处理进程意外退出"):
        run_apart(dies, steps=Steps())
    with pytest.raises(PerfDeskError):  # a project that is not there: the store's own words
        run_apart(render_stored, db_path, [12345], None, None, steps=Steps())
