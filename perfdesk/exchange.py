"""The JSON exchange format ``perfdesk/1``.

Keys are the form's own labels; every field of the layout is present (``""`` for empty text,
``null`` for a blank amount); money is a decimal string in 元; indicators are flat rows in
print order. Export then import gives back the same projects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from perfdesk.errors import InvalidValueError, PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.layouts import Layout, UnknownLayoutError, get_layout
from perfdesk.limits import MAX_JSON_NUMBER_DIGITS
from perfdesk.model import IndicatorRow, Project
from perfdesk.values import clip, money_to_str, parse_year

FORMAT = "perfdesk/1"


def project_to_json(project: Project) -> dict[str, Any]:
    spec = project.spec
    return {
        "layout": project.layout,
        "year": project.year,
        "fields": {label: project.fields.get(label, "") for label in spec.field_labels},
        "sections": {label: project.sections.get(label, "") for label in spec.sections},
        "budget": {label: money_to_str(project.budget.get(label)) for label in spec.budget_labels},
        "indicators": [_indicator_to_json(spec, r) for r in project.rows()],
    }


def _indicator_to_json(spec: Layout, row: IndicatorRow) -> dict[str, Any]:
    item: dict[str, Any] = {
        "level1": row.level1,
        "level2": row.level2,
        "name": row.name,
        "target": row.target,
    }
    # A layout with more value columns: every one of them, by its heading
    others = spec.other_value_columns
    if others:
        padded = (*row.other_values, *[""] * len(others))
        item["values"] = dict(zip(others, padded, strict=False))
    return item


def document(projects: list[Project]) -> dict[str, Any]:
    return {"format": FORMAT, "projects": [project_to_json(p) for p in projects]}


def dumps(projects: list[Project]) -> str:
    return json.dumps(document(projects), ensure_ascii=False, indent=2) + "\n"


def project_from_json(data: Any, where: str = "") -> Project:
    """Build a project from its exchange form, checking every value's type."""
    if not isinstance(data, dict):
        raise InvalidValueError(f"{where}项目应是一个对象")
    try:
        layout = get_layout(str(data.get("layout", "")))
    except UnknownLayoutError as exc:
        raise InvalidValueError(f"{where}{exc}") from None
    project = Project.new(layout.key, parse_year(data.get("year", "")))
    fields = _mapping(data, "fields", where)
    for label, value in fields.items():
        if label not in layout.field_labels:
            raise InvalidValueError(f"{where}表样 {layout.key} 没有字段“{label}”")
        try:
            project.set_field(label, _text(value, label, where))
        except InvalidValueError as exc:
            raise InvalidValueError(f"{where}{label}：{exc}") from None
    for label, value in _mapping(data, "sections", where).items():
        if label not in layout.sections:
            raise InvalidValueError(f"{where}表样 {layout.key} 没有栏目“{label}”")
        project.set_section(label, _text(value, label, where))
    for label, value in _mapping(data, "budget", where).items():
        if label not in layout.budget_labels:
            raise InvalidValueError(f"{where}表样 {layout.key} 没有金额“{label}”")
        if value is not None and not isinstance(value, str):
            raise InvalidValueError(f'{where}{label}：金额应写成字符串，例如 "1000000"')
        try:
            project.set_budget(label, value)
        except InvalidValueError as exc:
            raise InvalidValueError(f"{where}{label}：{exc}") from None
    indicators = data.get("indicators", [])
    if not isinstance(indicators, list):
        raise InvalidValueError(f"{where}indicators 应是一个列表")
    rows = []
    for number, item in enumerate(indicators, start=1):
        if not isinstance(item, dict):
            raise InvalidValueError(f"{where}第 {number} 个指标应是一个对象")
        level1, level2, name, target = (
            _text(item.get(key, ""), key, where) for key in ("level1", "level2", "name", "target")
        )
        values = _mapping(item, "values", where)
        for heading in values:
            if heading not in layout.other_value_columns:
                raise InvalidValueError(f"{where}表样 {layout.key} 没有指标值列“{heading}”")
        others = tuple(
            _text(values.get(heading, ""), heading, where) for heading in layout.other_value_columns
        )
        rows.append(IndicatorRow(level1, level2, name, target, others))
    project.set_rows(rows)
    return project


def _number(text: str) -> int | float:
    """A JSON number, refused when longer than any number of ours (a year, a count)."""
    if len(text) > MAX_JSON_NUMBER_DIGITS:
        raise InvalidValueError(f"JSON 中的数字“{clip(text)}”位数太多")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _constant(name: str) -> float:
    raise InvalidValueError(f"JSON 中不能有 {name}")


def loads(text: str) -> list[Project]:
    try:
        data = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InvalidValueError(
            f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}"
        ) from None
    except RecursionError:
        raise InvalidValueError("JSON 的结构嵌套过深，不是 PerfDesk 的交换文件") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidValueError(f'不是 PerfDesk 的交换文件（应有 "format": "{FORMAT}"）')
    items = data.get("projects")
    if not isinstance(items, list):
        raise InvalidValueError("交换文件缺少 projects 列表")
    return [project_from_json(item, f"第 {n} 个项目：") for n, item in enumerate(items, start=1)]


def read_file(path: Path) -> list[Project]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidValueError(f"{path} 不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    try:
        return loads(text)
    except InvalidValueError as exc:
        raise InvalidValueError(f"{path}：{exc}，未导入") from None


def _mapping(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InvalidValueError(f"{where}{key} 应是一个对象")
    return value


def _text(value: Any, label: str, where: str) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"{where}{label} 应是文字")
    return value
