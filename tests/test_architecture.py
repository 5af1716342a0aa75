"""ARCHITECTURE.md's drawing of the parts is the imports: every file belongs to one part, and
the parts import exactly the parts the drawing names."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from testdata import REPO

DRAWING = re.compile(r"## The parts\n.*?```text\n(.*?)```", re.S)
MODULE_NAME = re.compile(r"(perfdesk|ui)(\.\w+)+")
LINE = re.compile(r"^(?P<part>\w+)\s+(?P<places>.+?)\s+→(?P<imports>.*)$")


@dataclass(frozen=True)
class Part:
    name: str
    places: tuple[str, ...]  # files, folders ending in "/", or "folder/*.py"
    imports: frozenset[str]


def drawn_parts() -> list[Part]:
    match = DRAWING.search((REPO / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert match, "ARCHITECTURE.md has no drawing under '## The parts'"
    parts = []
    for line in match[1].splitlines():
        found = LINE.match(line.strip())
        assert found, f"not a line of the drawing: {line!r}"
        imports = frozenset(name.strip() for name in found["imports"].split(",") if name.strip())
        places = tuple(place.strip() for place in found["places"].split(","))
        parts.append(Part(found["part"], places, imports))
    return parts


def python_files() -> list[PurePosixPath]:
    found = [REPO / "launcher.py", REPO / "main.py"]
    for package in ("perfdesk", "ui"):
        found += (REPO / package).rglob("*.py")
    return sorted(PurePosixPath(path.relative_to(REPO).as_posix()) for path in found)


def part_of(path: PurePosixPath, parts: list[Part]) -> str:
    """The part a file belongs to; a file named outright beats a folder, a folder a pattern."""
    ranked = []
    for part in parts:
        for place in part.places:
            if place == str(path):
                ranked.append((0, part.name))
            elif place.endswith("/") and str(path).startswith(place):
                ranked.append((1, part.name))
            elif "*" in place and path.match(place):
                ranked.append((2, part.name))
    assert ranked, f"{path} belongs to no part of ARCHITECTURE.md's drawing"
    return min(ranked)[1]


def module_file(module: str) -> PurePosixPath | None:
    """The file of a first-party module (``perfdesk.x``, ``ui.y``, ``launcher``), if it is one."""
    if module.split(".")[0] not in ("perfdesk", "ui", "launcher", "main"):
        return None
    base = REPO.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return PurePosixPath(candidate.relative_to(REPO).as_posix())
    return None


def imported_files(path: PurePosixPath) -> set[PurePosixPath]:
    """Every first-party file ``path`` imports, also inside functions and TYPE_CHECKING, and
    modules named by string to ``importlib.import_module``."""
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    modules: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from perfdesk import exchange`` imports the module perfdesk/exchange.py
            modules += [f"{node.module}.{alias.name}" for alias in node.names]
            modules.append(node.module)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and MODULE_NAME.fullmatch(node.value)
        ):
            modules.append(node.value)  # named by string, e.g. ui/extensions.py's INSTALLED
    files = {module_file(module) for module in modules}
    return {file for file in files if file is not None and file != path}


def test_every_file_belongs_to_one_drawn_part() -> None:
    parts = drawn_parts()
    names = [part.name for part in parts]
    assert len(names) == len(set(names))
    for part in parts:
        assert part.imports <= set(names) - {part.name}, part
    for path in python_files():
        part_of(path, parts)


def test_the_parts_import_what_the_drawing_shows() -> None:
    parts = drawn_parts()
    actual: dict[str, set[str]] = {part.name: set() for part in parts}
    evidence: dict[tuple[str, str], str] = {}
    for path in python_files():
        source = part_of(path, parts)
        for target_file in imported_files(path):
            target = part_of(target_file, parts)
            if target != source:
                actual[source].add(target)
                evidence.setdefault((source, target), f"{path} imports {target_file}")
    for part in parts:
        missing = part.imports - actual[part.name]
        extra = actual[part.name] - part.imports
        assert not extra, [evidence[(part.name, name)] for name in sorted(extra)]
        assert not missing, f"the drawing says {part.name} → {sorted(missing)}; no file does"


def test_the_drawing_points_down_only() -> None:
    """No circle between parts: each part can be read knowing only the parts below it."""
    parts = {part.name: part.imports for part in drawn_parts()}
    settled: set[str] = set()
    while len(settled) < len(parts):
        ready = {name for name, imports in parts.items() if imports <= settled} - settled
        assert ready, f"the parts {sorted(set(parts) - settled)} import each other"
        settled |= ready


def test_the_drawing_is_checked_against_real_files() -> None:
    # A drawing whose places matched nothing would pass the tests above vacuously.
    parts = drawn_parts()
    files = python_files()
    counts = {part.name: 0 for part in parts}
    for path in files:
        counts[part_of(path, parts)] += 1
    assert all(counts.values()), counts
    assert Path(REPO / "ui" / "extensions.py").is_file()


def test_plug_ins_see_the_typed_surface_not_the_main_window() -> None:
    """The plug-ins import ``ui.surface.Window`` (and the job runner they share takes any main
    window); the window class stays free to change behind them."""
    from ui.extensions import INSTALLED

    window_file = PurePosixPath("ui/main_window.py")
    plug_ins = [module_file(name) for name in INSTALLED]
    assert all(plug_ins) and len(plug_ins) >= 7
    for path in plug_ins:
        assert path is not None
        imported = imported_files(path)
        assert window_file not in imported, f"{path} imports the main window"
        assert PurePosixPath("ui/surface.py") in imported, f"{path} does not use the surface"
    assert window_file not in imported_files(PurePosixPath("ui/jobs.py"))
