"""How fast the store is with 10,000 realistic projects.

    uv run python bench/store.py [--projects 10000] [--db PATH]

Prints medians for: list all, one search (three characters or more: the trigram index; one or
two characters: the index of single characters), open one project, save one edit (durable:
synchronous=FULL, WAL).
Targets on a 2-core machine: list ≤ 100 ms, search ≤ 30 ms, open ≤ 10 ms, durable edit ≤ 15 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from perfdesk.model import Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store

UNITS = [
    "上海科技报社",
    "上海市科学技术协会",
    "上海科技馆",
    "上海市青少年科技教育中心",
    "上海图书馆",
]
TOPICS = [
    "科普讲座",
    "新媒体运维",
    "科技节",
    "青少年创新大赛",
    "科普基地建设",
    "学术年会",
    "设备购置",
    "信息化平台",
]
PLACES = ["浦东", "徐汇", "静安", "黄浦", "长宁", "普陀", "虹口", "杨浦", "闵行", "宝山"]


def realistic_projects(count: int, seed: int = 7) -> list[Project]:
    """Variations on the seed's two forms: the same size and shape as real ones."""
    rng = random.Random(seed)
    templates = sample_projects()
    projects = []
    for n in range(count):
        project = templates[n % 2].clone()
        project.year = 2016 + n % 10
        project.set_field("申报单位名称", rng.choice(UNITS))
        name = f"{rng.choice(PLACES)}{rng.choice(TOPICS)}项目（第{n + 1}期）"
        project.set_field("项目名称", name)
        project.set_section("项目概况", f"{name}：" + project.sections["项目概况"])
        project.set_budget("项目总预算", str(rng.randrange(10, 500) * 10_000))
        projects.append(project)
    return projects


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="keep the filled database here")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"

    store = Store(path)
    if store.count() < args.projects:
        start = time.perf_counter()
        store.add_many(realistic_projects(args.projects - store.count()))
        print(f"filled {store.count()} projects in {time.perf_counter() - start:.1f} s")
    size_mb = path.stat().st_size / 1e6
    ids = [s.id for s in store.list_projects()]
    rng = random.Random(1)
    project = store.get(rng.choice(ids))
    counter = iter(range(10**9))

    def edit() -> None:
        project.set_section("项目实施计划", f"第 {next(counter)} 次修改")
        store.save(project)

    results = {
        "list all": (median_ms(store.list_projects, 21), 100),
        "search '第1234期' (index)": (
            median_ms(lambda: store.list_projects(search="第1234期"), 21),
            30,
        ),
        "search '浦东科普讲座' (index)": (
            median_ms(lambda: store.list_projects(search="浦东科普讲座"), 21),
            30,
        ),
        "search '微信' (2 chars: characters)": (
            median_ms(lambda: store.list_projects(search="微信"), 11),
            30,
        ),
        "search '科' (1 char: characters)": (
            median_ms(lambda: store.list_projects(search="科"), 11),
            30,
        ),
        "search '宣传 2' (two short terms)": (
            median_ms(lambda: store.list_projects(search="宣传 2"), 11),
            30,
        ),
        "open one project": (median_ms(lambda: store.get(rng.choice(ids)), 201), 10),
        "save one edit (durable)": (median_ms(edit, 101), 15),
    }
    print(f"{store.count()} projects, database {size_mb:.0f} MB, medians:")
    for name, (value, target) in results.items():
        verdict = "ok" if value <= target else "OVER"
        print(f"  {name:<32} {value:8.2f} ms   target ≤ {target} ms  {verdict}")
    store.close()


if __name__ == "__main__":
    main()
