"""Copy a project onto a newer layout (复制为新版表样).

The target layout's :attr:`~perfdesk.layouts.Layout.converts_from` says where each field, section, amount and
indicator group of the older layout goes. Whatever has no counterpart is never dropped: texts
and values land in the target's holding section (never printed; the checks remind the officer
until it is emptied), indicators under a visible 一级 such as ``待归类（原投入与管理）``.
"""

from __future__ import annotations

from datetime import date

from perfdesk.errors import InvalidValueError, PerfDeskError
from perfdesk.layouts import Conversion, Layout, UnknownLayoutError, current_layout, get_layout
from perfdesk.model import IndicatorRow, Project
from perfdesk.values import format_money, parse_date


def conversion_target() -> str:
    """The layout older projects are copied onto: the one the bureau asks for now."""
    return current_layout().key


def target_layout(key: str) -> str:
    """The layout named ``key`` to copy projects onto (PerfDeskError when there is none)."""
    try:
        return get_layout(key).key
    except UnknownLayoutError as exc:
        raise PerfDeskError(str(exc)) from None


def can_convert(project: Project, target: str | None = None) -> bool:
    return project.layout in get_layout(target or conversion_target()).converts_from


def to_current(project: Project) -> Project:
    return convert(project, conversion_target())


def convert(project: Project, target: str) -> Project:
    """A new (unsaved) project on ``target`` with everything of ``project`` in it."""
    spec = get_layout(target)
    rules = spec.converts_from.get(project.layout)
    if rules is None:
        raise PerfDeskError(f"表样 {project.layout} 的项目不能转换为 {spec.name}")
    source = project.spec
    result = Project.new(spec.key, project.year)
    unplaced: list[str] = []

    _fields(project, source, result, rules, unplaced)
    _period_field(project, source, result, rules, unplaced)
    _sections(project, source, spec, result, rules)
    _budget(project, source, spec, result, rules, unplaced)
    result.set_rows(_rows(project, spec, rules))
    if unplaced:
        note = (
            "以下内容来自原表样（"
            + source.name
            + "），新表样没有对应栏目，请移到合适的位置后删去：\n"
        )
        # after the sections that have no counterpart either (each under its own heading)
        waiting = result.sections[spec.holding_section]
        text = note + "\n".join(unplaced)
        result.sections[spec.holding_section] = f"{waiting}\n\n{text}" if waiting else text
    return result


def _fields(
    project: Project, source: Layout, result: Project, rules: Conversion, unplaced: list[str]
) -> None:
    fields = rules.fields
    values = rules.field_values
    # dates copied into a period field are handled there
    dates = (source.start_date_field, source.end_date_field) if rules.period_field else ()
    for label in source.field_labels:
        value = project.fields.get(label, "")
        if label in dates:
            continue
        if label in fields:
            result.fields[fields[label]] = value
            continue
        if not value:
            continue
        if label in values:
            mapped = values[label].values.get(value)
            if mapped:
                result.fields[values[label].to] = mapped
        unplaced.append(f"原{label}：{value}")  # kept even when mapped: the wording differs


def _period_field(
    project: Project, source: Layout, result: Project, rules: Conversion, unplaced: list[str]
) -> None:
    """The older project's dates as the text of a period field (项目期), when the layout
    has one instead of dates; dates it cannot read stay in the holding section as typed."""
    if not rules.period_field:
        return
    labels = (source.start_date_field, source.end_date_field)
    start, end = (_date(project.fields.get(label, "")) for label in labels)
    if start and end:
        result.fields[rules.period_field] = (
            f"{start.year}年{start.month}月-{end.year}年{end.month}月"
        )
        return
    unplaced.extend(
        f"原{label}：{project.fields[label]}" for label in labels if project.fields.get(label)
    )


def _bare(label: str) -> str:
    """A section label without its numbering: 二、立项依据 → 立项依据."""
    return (
        label.split("、", 1)[1] if label[:1] in "一二三四五六七八九十" and "、" in label else label
    )


def _sections(
    project: Project, source: Layout, spec: Layout, result: Project, rules: Conversion
) -> None:
    mapping = rules.sections
    incoming: dict[str, list[str]] = {}
    for label in source.sections:
        if project.sections.get(label, ""):
            incoming.setdefault(mapping.get(label, spec.holding_section), []).append(label)
    for target, labels in incoming.items():
        texts = []
        for label in labels:
            text = project.sections[label]
            # Several texts in one section: each keeps its own heading, except the namesake.
            if len(labels) > 1 and _bare(target) != label:
                text = f"{label}：\n{text}"
            texts.append(text)
        result.sections[target] = "\n\n".join(texts)
    start = _date(project.fields.get(source.start_date_field, ""))
    end = _date(project.fields.get(source.end_date_field, ""))
    single_year = start is not None and end is not None and start.year == end.year
    if single_year:  # the whole project is this year's: the year's goal is the project's
        for whole, year in rules.single_year_copies.items():
            if not result.sections[year]:
                result.sections[year] = result.sections[whole]
    period = rules.period_section
    if period and start and end and not result.sections[period]:
        result.sections[period] = (
            f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
        )


def _date(text: str) -> date | None:
    """A stored date, or None when it is blank or unreadable (the checks report that)."""
    try:
        return parse_date(text)
    except InvalidValueError:
        return None


def _budget(
    project: Project,
    source: Layout,
    spec: Layout,
    result: Project,
    rules: Conversion,
    unplaced: list[str],
) -> None:
    mapping = rules.budget
    for label in source.budget_labels:
        amount = project.budget.get(label)
        if label in mapping:
            for target in mapping[label]:
                result.budget[target] = amount
        elif amount is not None:
            printed = source.money_spec(label).printed
            # in the older layout's unit (its label says which), with the newer one's decimals
            shown = format_money(amount / source.money_scale, spec.money_decimals)
            unplaced.append(f"原{printed}：{shown}{'' if '（' in printed else source.money_unit}")


def _rows(project: Project, spec: Layout, rules: Conversion) -> list[IndicatorRow]:
    """The indicators regrouped: mapped groups by the target's order, then the unplaced ones."""
    placed = [_map_row(row, spec, rules) for row in project.rows()]
    order = {name: n for n, name in enumerate(spec.level1_names)}
    # Stable: rows keep their order within a group; known 一级 first, in the form's order.
    placed.sort(key=lambda r: order.get(r.level1, len(order)))
    return _grouped(placed)


def map_row(row: IndicatorRow, source: str, target: str) -> IndicatorRow:
    """One indicator of a ``source`` project as it belongs in a ``target`` project.

    Rows already under one of the target's 一级, and rows without a known mapping, are
    returned unchanged.
    """
    spec = get_layout(target)
    rules = spec.converts_from.get(source)
    if source == target or rules is None or row.level1 in spec.level1_names:
        return row
    return _map_row(row, spec, rules)


def _map_row(row: IndicatorRow, spec: Layout, rules: Conversion) -> IndicatorRow:
    level1, level2, by_name = rules.level1, rules.level2, rules.by_name
    unplaced_level1 = rules.unplaced_level1
    # A name saying what it measures (满意度) wins: the new form has a 一级 for it.
    target = next((to for word, to in by_name.items() if word in row.name), None)
    if target is None:
        target = level2.get(f"{row.level1}/{row.level2}")
    if target is not None:
        new1, new2 = target.split("/", 1)
    elif row.level1 in level1:
        new1 = level1[row.level1]
        usual = spec.usual_level2(new1)
        new2 = row.level2 + "指标" if row.level2 + "指标" in usual else row.level2
    else:
        new1, new2 = unplaced_level1.format(level1=row.level1 or "无一级"), row.level2
    return IndicatorRow(new1, new2, row.name, row.target, row.other_values)


def _grouped(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """Rows of one 一级/二级 made consecutive (first appearance decides the order)."""
    groups: dict[tuple[str, str], list[IndicatorRow]] = {}
    for row in rows:
        groups.setdefault((row.level1, row.level2), []).append(row)
    by_level1: dict[str, list[IndicatorRow]] = {}
    for (l1, _), members in groups.items():
        by_level1.setdefault(l1, []).extend(members)
    return [row for members in by_level1.values() for row in members]
