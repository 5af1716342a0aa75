"""How fast the indicator library and the checks are over many projects.

    uv run python bench/library.py [--projects 2000]

Prints medians for: gathering the library from the store, one search over it, checking one
project, converting one sh2020 project to sh2026, and inserting a template into a project.
Targets on a 2-core machine: library ≤ 500 ms for 2,000 projects, search ≤ 20 ms,
check ≤ 5 ms, convert ≤ 5 ms, insert ≤ 2 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from perfdesk.checks import check
from perfdesk.convert import to_current
from perfdesk.library import insert_rows, library_entries, load_templates, search
from perfdesk.model import IndicatorRow, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store

WORDS = ["推送", "活动", "培训", "讲座", "视频", "展览", "平台", "设备", "课程", "场馆"]


def varied(base: Project, n: int, rng: random.Random) -> Project:
    project = base.clone()
    project.id = None
    project.fields[project.spec.name_field] = f"{rng.choice(WORDS)}项目{n}"
    rows = project.indicator_rows()
    extra = [
        IndicatorRow(rows[-4].level1, rows[-4].level2, f"{rng.choice(WORDS)}数量{rng.randrange(60)}",
                     f"≥{rng.randrange(1, 2000)}次")
        for _ in range(10)
    ]  # fmt: skip
    project.set_rows([*rows, *extra])
    return project


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(2026)
    seed = sample_projects()
    projects = [varied(seed[n % 2], n, rng) for n in range(args.projects)]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        store.add_many(projects)
        entries = library_entries(store)
        print(f"{args.projects} projects, {len(entries)} library entries")
        print(f"library:  {median_ms(lambda: library_entries(store), 5):8.1f} ms")
    print(f"search:   {median_ms(lambda: search(entries, '推送 次'), 20):8.1f} ms")
    print(f"check:    {median_ms(lambda: check(projects[0]), 50):8.1f} ms")
    print(f"convert:  {median_ms(lambda: to_current(projects[0]), 50):8.1f} ms")
    template = load_templates("sh2026")[0]
    target = to_current(projects[1])
    print(f"insert:   {median_ms(lambda: insert_rows(target.clone(), template.rows), 50):8.1f} ms")


if __name__ == "__main__":
    main()
