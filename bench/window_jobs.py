"""How long the window's thread stalls while long work runs beside it, at 10,000 projects:
an automatic backup, and exports (Word, Excel, PDF) of 300 projects.

    uv run python bench/window_jobs.py [--projects 10000] [--export 300] [--runs 3]
                                       [--database FILE]  (a database already built; copied)

Target: the longest stall of the window's thread ≤ 100 ms for each job. A timer ticks every
5 ms on the window's thread; the longest gap between two ticks, from the menu command to the
job's ending (its status-bar notice included), is the stall the officer would feel; the
same ticking with no job first says what the machine's load alone costs. Beside
it: how long the job took in its worker, which is how long the window froze when the same
work ran on the window's thread. Runs offscreen unless QT_QPA_PLATFORM is set; with
BENCH_WHERE=1 it prints when in each job the longest gap came.

What stalled the window here was not the window's own work but the garbage collector: a full
collection, set off by a job's allocations in its worker, walked every object of the process
(the window's 10,000 rows too) while holding the interpreter lock, 100–200 ms. ``ui.jobs``
freezes what exists when a job starts, so a collection walks the job's own objects only.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
TARGET_MS = 100
IDLE_S = 3.0  # the same ticking with no job: what the machine's load alone costs


def measure(
    app: object, start: Callable[[], object], finished: Callable[[], bool]
) -> tuple[float, float]:
    """The longest gap between two ticks of the window's thread (ms) while the job started by
    ``start`` ran, and the seconds it took."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    until = time.perf_counter() + 0.05
    while time.perf_counter() < until:  # the timer is running before the job starts
        app.processEvents()
        time.sleep(0.001)
    began = time.perf_counter()
    QTimer.singleShot(0, start)  # the menu command, on the window's thread like a click
    app.processEvents()
    while not finished() or time.perf_counter() - began < 0.02:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - began
    app.processEvents()
    timer.stop()
    gaps = [(b - a, a - began) for a, b in itertools.pairwise(ticks)]
    longest, at = max(gaps) if gaps else (float("nan"), 0.0)
    if os.environ.get("BENCH_WHERE"):
        print(f"    longest gap {longest * 1000:.0f} ms at {at * 1000:.0f} ms", flush=True)
    return longest * 1000, took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--export", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database", type=Path)
    args = parser.parse_args()

    from window import build_database

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        if args.database:
            shutil.copyfile(args.database, db_path)  # its backups go into the temporary folder
        else:
            started = time.perf_counter()
            build_database(db_path, args.projects)
            print(f"数据库：{args.projects} 个项目，生成用时 {time.perf_counter() - started:.1f} s")
        return run(db_path, Path(folder), args.export, args.runs)


def run(db_path: Path, folder: Path, export_count: int, runs: int) -> int:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "ini"))
    from perfdesk.store import Store
    from ui import dialogs, import_export, jobs, print_actions
    from ui.app import create_application
    from ui.backup_actions import BackupActions
    from ui.import_export import ExportScope
    from ui.main_window import MainWindow

    app = create_application(sys.argv[:1])
    store = Store(db_path)
    window = MainWindow(store)
    window.show()
    app.processEvents()
    backups = window.findChild(BackupActions, "backupActions")
    assert isinstance(backups, BackupActions)
    runner = jobs.runner(window)

    # The export's questions, answered as the officer would: the rows selected, a file name.
    def selected(dialog: ExportScope) -> bool:
        dialog.group.button(ExportScope.SELECTED).click()
        return True

    import_export.run_scope = selected
    out = folder / "out"
    out.mkdir()
    dialogs.output_file = lambda _p, _t, _f, name, suffix: out / Path(name).with_suffix(suffix)
    view, model = window.project_list.view, window.project_list.model
    chosen = QItemSelection(model.index(0, 0), model.index(export_count - 1, 0))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.selectionModel().select(chosen, flags | QItemSelectionModel.SelectionFlag.Rows)
    assert len(window.selected_project_ids()) == export_count

    def backup() -> object:
        backups.auto.last_backup = None  # due now, as after the interval
        return backups.tick()

    def idle() -> bool:
        return not runner.jobs

    idle_until = [0.0]

    def nothing() -> object:
        idle_until[0] = time.perf_counter() + IDLE_S
        return None

    jobs_to_run: list[tuple[str, Callable[[], object]]] = [
        (f"空闲 {IDLE_S:.0f} s（无工作：这台机器此刻的底噪）", nothing),
        ("自动备份", backup),
        (f"导出Word（{export_count} 个项目）", lambda: import_export.export_word(window)),
        (f"导出Excel（{export_count} 个项目）", lambda: import_export.export_excel(window)),
        (f"导出PDF（{export_count} 个项目）", lambda: print_actions.export_pdf(window)),
    ]
    results: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(runs):
        for label, start in jobs_to_run:
            # an edit since the last backup, made before the measurement
            window.commit("改名", lambda p: p.set_field("项目名称", f"改名{time.perf_counter()}"))
            app.processEvents()
            done = idle if start is not nothing else lambda: time.perf_counter() > idle_until[0]
            longest_ms, took = measure(app, start, done)
            stalls, times = results.setdefault(label, ([], []))
            stalls.append(longest_ms)
            times.append(took)
            assert not runner.bar.label.text().startswith("已取消"), label
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 3, written

    print(f"窗口线程最长停顿（每 {TICK_MS} ms 一次心跳；{runs} 次取中位；目标 ≤ {TARGET_MS} ms）")
    for label, (stalls, times) in results.items():
        worst = max(stalls)
        if label.startswith("空闲"):
            print(f"  {label}：中位 {statistics.median(stalls):.0f} ms，最长 {worst:.0f} ms")
            continue
        print(
            f"  {label}：中位 {statistics.median(stalls):.0f} ms，最长 {worst:.0f} ms"
            f"{'' if worst <= TARGET_MS else '（超过目标）'}；"
            f"工作本身 {statistics.median(times):.2f} s（在窗口线程上运行时窗口冻结这么久，"
            f"比值 {statistics.median(times) * 1000 / max(statistics.median(stalls), 1):.0f}×）"
        )
    window.close()
    jobs.wait_for_all()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
