"""How fast and how lean the window is with 10,000 projects (and searching 50,000); then
how long its thread stalls during a backup and exports (bench/window_jobs.py).

    uv run python bench/window.py [--projects 10000] [--search-projects 50000]

Targets: process start to window shown ≤ 0.5 s; no stall of the UI thread > 50 ms in the first
3 s after it is shown (the print font is read meanwhile); switching
projects ≤ 50 ms; search keystroke to list updated ≤ 50 ms, at 10,000 and at 50,000 projects;
resident memory ≤ 200 MB after a print preview and editing a 10-page narrative. Runs offscreen
unless QT_QPA_PLATFORM is set (e.g. under xvfb-run with QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from ui.project_list import ProjectList

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UNITS = [f"上海市第{n}科技服务中心" for n in range(1, 31)] + ["上海科技报社", "市档案馆"]
TOPICS = [
    "科普宣传",
    "档案数字化",
    "平台运维",
    "课题研究",
    "设备购置",
    "人才培训",
    "专项审计",
    "展馆建设",
]


def build_database(path: Path, count: int) -> None:
    from perfdesk.sample import sample_projects
    from perfdesk.store import Store

    rng = random.Random(2020)
    samples = sample_projects()
    with Store(path) as store:
        batch = []
        for n in range(count):
            project = samples[n % 2].clone()
            project.id = None
            project.year = 2015 + n % 12
            project.set_field("申报单位名称", rng.choice(UNITS))
            project.set_field("项目名称", f"{rng.choice(TOPICS)}项目（第{n + 1}号）")
            batch.append(project)
            if len(batch) == 1000:
                store.add_many(batch)
                batch.clear()
        if batch:
            store.add_many(batch)


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


STALL_SECONDS = 3.0
TICK_MS = 2
SEARCHES = ("科", "普", "宣传", "项目", "第123", "号", "预算执行率")
NARRATIVE_PAGES = 10
CHARACTERS_PER_PAGE = 1800  # a page of 仿宋 body text on the printed form, roughly


def longest_stall(seconds: float) -> tuple[float, int]:
    """Run the event loop for ``seconds`` with a timer asking to run every TICK_MS; the
    longest gap between two of its runs is the longest time the UI thread was busy."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    ticks.append(time.perf_counter())
    timer.start()
    loop.exec()
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return max(gaps), sum(1 for g in gaps if g > 50)


def search_keystrokes(app: QCoreApplication, panel: ProjectList) -> dict[str, float]:
    """Each phrase committed into the search box at once (as an input method does)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    found: dict[str, float] = {}
    panel.search.setFocus()
    for phrase in SEARCHES:
        panel.search.clear()
        app.processEvents()
        start = time.perf_counter()
        event = QInputMethodEvent()
        event.setCommitString(phrase)
        QCoreApplication.sendEvent(panel.search, event)
        app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        found[f"{phrase} → {panel.model.rowCount()} 个"] = elapsed
    panel.search.clear()
    app.processEvents()
    return found


def ten_pages() -> str:
    paragraph = (
        "本项目围绕科普资源平台建设，完成展品更新、场馆运维和公众服务，"
        "年度预算执行率不低于90%，观众满意度达到95%以上。"
    )
    lines, size = [], 0
    while size < NARRATIVE_PAGES * CHARACTERS_PER_PAGE:
        line = paragraph * 4
        lines.append(line)
        size += len(line)
    return "\n".join(lines)


def child(db_path: Path, settings_dir: Path, only_search: bool) -> int:
    """What a start of the program does, then the measurements inside the running window."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    from perfdesk.store import check_in_background

    checked = check_in_background(db_path)  # as the launcher starts the window
    from ui import jobs
    from ui.app import create_application
    from ui.backup_actions import open_while_checking
    from ui.main_window import MainWindow
    from ui.single_instance import DatabaseLock

    app = create_application(sys.argv[:1])
    lock = DatabaseLock(db_path)
    assert lock.acquire()
    opened = open_while_checking(db_path, checked, MainWindow)  # as the program does
    assert opened is not None
    store, window = opened
    window.show()
    app.processEvents()  # the first paint
    print("SHOWN", flush=True)

    panel = window.project_list
    if not only_search:
        worst, over = longest_stall(STALL_SECONDS)
        print(f"STALL {worst:.1f} {over}", flush=True)
    for label, ms in search_keystrokes(app, panel).items():
        print(f"SEARCH {ms:.1f} {label}", flush=True)
    if only_search:
        window.close()
        jobs.wait_for_all()  # as the program does before it exits
        store.close()
        lock.release()
        return 0

    ids = [s.id for s in store.list_projects()]
    rng = random.Random(1)
    switch_ms = []
    for project_id in rng.sample(ids, 60):
        start = time.perf_counter()
        window.open_project(project_id)
        app.processEvents()
        switch_ms.append((time.perf_counter() - start) * 1000)
    print(f"SWITCH {statistics.median(switch_ms):.1f} {max(switch_ms[1:]):.1f}", flush=True)

    print(f"RSS 窗口与搜索 {rss_mb():.0f}", flush=True)
    preview = open_preview(window, app)
    print(f"RSS 打开打印预览 {rss_mb():.0f}", flush=True)
    preview.close()
    app.processEvents()
    editor = next(iter(window.form.sections.editors.values()))
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for line in ten_pages().split("\n"):  # pasted a paragraph at a time
        editor.insertPlainText(line + "\n")
        app.processEvents()
    window.flush()
    app.processEvents()
    print(f"RSS 编辑十页叙述后 {rss_mb():.0f}", flush=True)
    preview = open_preview(window, app)
    print(f"RSS 十页叙述的打印预览 {rss_mb():.0f}", flush=True)
    preview.close()
    app.processEvents()
    print(f"RSS 关闭预览后 {rss_mb():.0f}", flush=True)
    window.close()
    jobs.wait_for_all()
    store.close()
    lock.release()
    return 0


def open_preview(window: Any, app: Any) -> Any:
    """打印预览 of the open project as the officer opens it: laid out in a worker, then shown."""
    from ui.print_actions import preview_open_project
    from ui.print_preview import PrintPreview

    job = preview_open_project(window)
    assert job is not None
    while not job.over:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    return window.findChildren(PrintPreview)[-1]


def run_child(db_path: Path, settings_dir: Path, only_search: bool) -> tuple[float, list[str]]:
    """One start of the program: seconds to the window shown, and what it reported."""
    # As on the officer's PC, Python keeps its compiled modules (a first start writes them).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, __file__, "--child", str(db_path), str(settings_dir)]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command + (["--only-search"] if only_search else []),
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert proc.stdout is not None
    shown = float("nan")
    lines = []
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            shown = time.perf_counter() - started
        lines.append(line.rstrip())
    if proc.wait() != 0:
        raise SystemExit(f"the window's run failed ({proc.returncode})")
    return shown, lines


def median_of(runs: list[list[str]], kind: str, field: int = 0) -> float:
    values = [
        float(line.split()[1 + field])
        for lines in runs
        for line in lines
        if line.startswith(kind + " ")
    ]
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--search-projects", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2, type=Path, metavar=("DB", "SETTINGS"))
    parser.add_argument("--only-search", action="store_true")
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], args.only_search)

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        started = time.perf_counter()
        build_database(db_path, args.projects)
        print(f"数据库：{args.projects} 个项目，生成用时 {time.perf_counter() - started:.1f} s")
        run_child(db_path, Path(folder) / "settings-warm", True)  # compiles the modules
        starts, runs = [], []
        for run in range(args.runs):
            shown, lines = run_child(db_path, Path(folder) / f"settings{run}", False)
            starts.append(shown)
            runs.append(lines)
        listed = ", ".join(f"{s:.2f}" for s in starts)
        print(
            f"启动到窗口显示：中位 {statistics.median(starts):.2f} s，最快 {min(starts):.2f} s"
            f"（{len(starts)} 次：{listed}；目标 ≤ 0.5 s）"
        )
        stalls = [
            float(line.split()[1]) for lines in runs for line in lines if line.startswith("STALL")
        ]
        print(
            f"显示后 {STALL_SECONDS:.0f} s 内界面线程最长停顿：中位 {statistics.median(stalls):.0f} ms，"
            f"最长 {max(stalls):.0f} ms（{len(stalls)} 次：{', '.join(f'{x:.0f}' for x in stalls)}；目标 ≤ 50 ms）"
        )
        print(
            f"切换项目：中位 {median_of(runs, 'SWITCH'):.1f} ms，"
            f"最慢（各次中位）{median_of(runs, 'SWITCH', 1):.1f} ms（目标 ≤ 50 ms）"
        )
        report_searches(runs, args.projects)
        for label in dict.fromkeys(line.split()[1] for line in runs[0] if line.startswith("RSS")):
            values = [
                float(line.split()[2])
                for lines in runs
                for line in lines
                if line.startswith(f"RSS {label} ")
            ]
            print(f"常驻内存，{label}：中位 {statistics.median(values):.0f} MB（目标 ≤ 200 MB）")

        if args.search_projects:
            big = Path(folder) / "search.db"
            started = time.perf_counter()
            build_database(big, args.search_projects)
            print(
                f"数据库：{args.search_projects} 个项目，生成用时 {time.perf_counter() - started:.1f} s"
            )
            big_runs = [run_child(big, Path(folder) / f"search{run}", True)[1] for run in range(3)]
            report_searches(big_runs, args.search_projects)
        # Long work beside the window, on the same database: bench/window_jobs.py.
        jobs = [sys.executable, str(REPO / "bench" / "window_jobs.py"), "--database", str(db_path)]
        subprocess.run(jobs, check=True)
    return 0


def report_searches(runs: list[list[str]], projects: int) -> None:
    """Each phrase's median over the runs."""
    timings: dict[str, list[float]] = {}
    for lines in runs:
        for line in lines:
            if line.startswith("SEARCH "):
                ms, label = line.split(" ", 2)[1:]
                timings.setdefault(label, []).append(float(ms))
    for label, values in timings.items():
        print(
            f"{projects} 个项目，搜索一次输入到列表更新：中位 {statistics.median(values):.1f} ms，"
            f"最慢 {max(values):.1f} ms（{label}；目标 ≤ 50 ms）"
        )


if __name__ == "__main__":
    sys.exit(main())
