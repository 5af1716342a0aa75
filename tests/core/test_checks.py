"""The checks before printing: every rule with a project that breaks it and one that passes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from testdata import SH2026_PROJECT

from perfdesk import checks, exchange
from perfdesk.checks import Finding, check, has_errors, tree_path
from perfdesk.location import Location
from perfdesk.model import Indicator, IndicatorRow, Level1Group, Level2Group, Project
from perfdesk.paper import FontRole
from perfdesk.sample import sample_projects


def sh2020() -> Project:
    return sample_projects()[0]


def sh2026() -> Project:
    return exchange.read_file(SH2026_PROJECT)[0]


def set_target(project: Project, name: str, target: str) -> None:
    project.set_rows(
        IndicatorRow(r.level1, r.level2, r.name, target if r.name == name else r.target)
        for r in project.rows()
    )


def add_row(project: Project, row: IndicatorRow) -> None:
    project.set_rows([*project.rows(), row])


def drop_level1(project: Project, level1: str) -> None:
    project.indicators = [g for g in project.indicators if g.name != level1]


def row_index(project: Project, name: str) -> int:
    return next(i for i, r in enumerate(project.rows()) if r.name == name)


@dataclass
class Rule:
    code: str
    severity: str
    base: Callable[[], Project]
    breaks: Callable[[Project], None]
    passes: Callable[[Project], None]  # a near miss that is still right
    where: Callable[[Project], Location]


def _blank(label: str) -> Callable[[Project], None]:
    return lambda p: p.fields.__setitem__(label, "  ")


def _field(label: str, value: str) -> Callable[[Project], None]:
    return lambda p: p.fields.__setitem__(label, value)


def _both(*changes: Callable[[Project], None]) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        for change in changes:
            change(project)

    return apply


def _money(label: str, value: str | None) -> Callable[[Project], None]:
    return lambda p: p.budget.__setitem__(label, None if value is None else Decimal(value))


def _target(name: str, value: str) -> Callable[[Project], None]:
    return lambda p: set_target(p, name, value)


def _at_row(name: str) -> Callable[[Project], Location]:
    def where(p: Project) -> Location:
        i = row_index(p, name)
        r = p.rows()[i]
        return Location("indicator", (r.level1, r.level2, r.name), i)

    return where


def _nothing(project: Project) -> None:
    pass


def _fixed(location: Location) -> Callable[[Project], Location]:
    return lambda p: location


def _duplicate_in_other_group(p: Project) -> None:
    add_row(p, IndicatorRow("产出指标", "质量指标", "新开栏目数", "=5个"))


def _duplicate(p: Project) -> None:
    rows = p.rows()
    i = row_index(p, "新开栏目数")
    p.set_rows([*rows[: i + 1], rows[i], *rows[i + 1 :]])


def _without_level2(p: Project) -> None:
    p.indicators.append(
        Level1Group("满意度指标", [Level2Group("", [Indicator("回访满意度", "≥85%")])])
    )


def _without_name(p: Project) -> None:
    p.indicators[1].groups[0].indicators.append(Indicator("", "≥3场"))


RULES: dict[str, Rule] = {
    "required field (sh2026 主管部门)": Rule(
        checks.REQUIRED_FIELD, "error", sh2026, _blank("主管部门"), _field("主管部门", "市科协"),
        _fixed(Location("field", "主管部门")),
    ),
    "required field (sh2020 绩效类型)": Rule(
        checks.REQUIRED_FIELD, "error", sh2020, _blank("绩效类型"), _field("绩效类型", "自填类型"),
        _fixed(Location("field", "绩效类型")),
    ),
    "unreadable date": Rule(
        checks.BAD_DATE, "error", sh2026, _field("计划开始日期", "2025-02-30"),
        _field("计划开始日期", "2025/1/1"), _fixed(Location("field", "计划开始日期")),
    ),
    "end before start": Rule(
        checks.END_BEFORE_START, "error", sh2020, _field("计划完成日期", "2019-12-31"),
        _field("计划完成日期", "2020-01-01"), _fixed(Location("field", "计划完成日期")),
    ),
    "indicator without 指标值": Rule(
        checks.MISSING_TARGET, "error", sh2026, _target("新开栏目数", " "),
        _target("新开栏目数", "5个"), _at_row("新开栏目数"),
    ),
    "indicator without 二级": Rule(
        checks.MISSING_LEVEL, "error", sh2026, _without_level2,
        lambda p: add_row(p, IndicatorRow("满意度指标", "服务对象满意度指标", "回访满意度", "≥85%")),
        _at_row("回访满意度"),
    ),
    "indicator without 一级": Rule(
        checks.MISSING_LEVEL, "error", sh2020,
        lambda p: p.indicators.insert(0, Level1Group("", [Level2Group("数量", [Indicator("发布条数", "≥1400条")])])),
        lambda p: p.indicators.insert(0, Level1Group("产出目标", [Level2Group("数量", [Indicator("发布条数", "≥1400条")])])),
        _at_row("发布条数"),
    ),
    "indicator without 三级 name": Rule(
        checks.MISSING_NAME, "error", sh2026, _without_name, _nothing,
        lambda p: Location("indicator", ("产出指标", "数量指标", ""), 4),
    ),
    "negative money": Rule(
        checks.BAD_MONEY, "error", sh2026, _money("年度其他资金", "-1"), _money("年度其他资金", "0"),
        _fixed(Location("budget", "年度其他资金")),
    ),
    "money not a number": Rule(
        checks.BAD_MONEY, "error", sh2020, _money("项目总预算", "NaN"), _money("项目总预算", None),
        _fixed(Location("budget", "项目总预算")),
    ),
    "当年 above the total (sh2020)": Rule(
        checks.CURRENT_ABOVE_TOTAL, "error", sh2020, _money("项目当年预算", "1000000.01"),
        _money("项目当年预算", "1000000"), _fixed(Location("budget", "项目当年预算")),
    ),
    "当年 above the total (sh2026)": Rule(
        checks.CURRENT_ABOVE_TOTAL, "error", sh2026,
        _both(_money("年度资金申请总额", "10308000.50"), _money("当年财政拨款", "10072000.50")),
        _both(_money("年度资金申请总额", "10308000"), _money("当年财政拨款", "10072000")),
        _fixed(Location("budget", "年度资金申请总额")),
    ),
    "date outside the form year (sh2020)": Rule(
        checks.DATE_OUTSIDE_YEAR, "warning", sh2020, _field("计划开始日期", "2019-12-01"),
        _field("计划开始日期", "2020-12-01"), _fixed(Location("field", "计划开始日期")),
    ),
    "form year outside a multi-year project (sh2026)": Rule(
        checks.DATE_OUTSIDE_YEAR, "warning", sh2026, _field("计划完成日期", "2024-12-31"),
        _field("计划开始日期", "2025-06-01"), _fixed(Location("year")),
    ),
    "no 产出 indicator": Rule(
        checks.NO_OUTPUT, "warning", sh2026, lambda p: drop_level1(p, "产出指标"),
        lambda p: drop_level1(p, "成本指标"), _fixed(Location("indicator", ("产出指标", "", ""))),
    ),
    "no 效果 indicator": Rule(
        checks.NO_OUTCOME, "warning", sh2020, lambda p: drop_level1(p, "效果目标"),
        lambda p: drop_level1(p, "影响力目标"), _fixed(Location("indicator", ("效果目标", "", ""))),
    ),
    "no 效益 indicator": Rule(
        checks.NO_OUTCOME, "warning", sh2026, lambda p: drop_level1(p, "效益指标"),
        lambda p: drop_level1(p, "满意度指标"), _fixed(Location("indicator", ("效益指标", "", ""))),
    ),
    "number without unit": Rule(
        checks.NO_UNIT, "warning", sh2026, _target("线下科普活动场次", "≥25"),
        _target("线下科普活动场次", "≥25(场)"), _at_row("线下科普活动场次"),
    ),
    "operator without number": Rule(
        checks.OPERATOR_WITHOUT_NUMBER, "warning", sh2020, _target("预算执行率", "="),
        _target("预算执行率", "=100.00(%)"), _at_row("预算执行率"),
    ),
    "worded operator without number": Rule(
        checks.OPERATOR_WITHOUT_NUMBER, "warning", sh2020, _target("预算执行率", "不低于"),
        _target("预算执行率", "不低于95%"), _at_row("预算执行率"),
    ),
    "worded operator after nothing": Rule(
        checks.OPERATOR_WITHOUT_NUMBER, "warning", sh2026, _target("线下科普活动场次", "以上"),
        _target("线下科普活动场次", "25场以上"), _at_row("线下科普活动场次"),
    ),
    "unreadable 指标值": Rule(
        checks.UNREADABLE_TARGET, "warning", sh2026, _target("热点信息发布及时性", "???"),
        _target("热点信息发布及时性", "及时"), _at_row("热点信息发布及时性"),
    ),
    "duplicate 三级 in one group": Rule(
        checks.DUPLICATE_NAME, "warning", sh2026, _duplicate, _duplicate_in_other_group,
        lambda p: Location("indicator", ("产出指标", "数量指标", "新开栏目数"), row_index(p, "新开栏目数") + 1),
    ),
    "一级 not of the layout": Rule(
        checks.UNKNOWN_LEVEL1, "warning", sh2026,
        lambda p: add_row(p, IndicatorRow("待归类（原投入与管理）", "投入管理", "预算执行率", "=100%")),
        lambda p: add_row(p, IndicatorRow("成本指标", "社会成本指标", "预算执行率", "=100%")),
        _at_row("预算执行率"),
    ),
    "其中 parts above the total": Rule(
        checks.PARTS_ABOVE_TOTAL, "warning", sh2026,
        _both(_money("其他资金", None), _money("财政资金", "10308000.01")),
        _both(_money("其他资金", None), _money("财政资金", "10000000")),
        _fixed(Location("budget", "项目资金总额")),
    ),
    "其中 parts differ from the total": Rule(
        checks.PARTS_DIFFER, "warning", sh2026, _money("上年结转资金", "200000"),
        _money("上年结转资金", None), _fixed(Location("budget", "年度资金申请总额")),
    ),
    "content waiting to be placed": Rule(
        checks.UNPLACED_CONTENT, "warning", sh2026,
        lambda p: p.sections.__setitem__("待归类内容", "原绩效类型：事业/专业类"),
        lambda p: p.sections.__setitem__("待归类内容", " \n "),
        _fixed(Location("section", "待归类内容")),
    ),
}  # fmt: skip


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


@pytest.mark.parametrize("base", [sh2020, sh2026], ids=["sh2020", "sh2026"])
def test_the_reference_projects_pass_every_check(base: Callable[[], Project]) -> None:
    assert check(base(), font_can_draw=lambda role, ch: True) == []


@pytest.mark.parametrize("name", list(RULES))
def test_a_project_breaking_the_rule_is_reported_at_its_place(name: str) -> None:
    rule = RULES[name]
    project = rule.base()
    rule.breaks(project)
    found = [f for f in check(project) if f.code == rule.code]
    assert len(found) == 1, check(project)
    assert found[0].severity == rule.severity
    assert found[0].location == rule.where(project)
    assert found[0].message  # a sentence for the officer
    assert has_errors(check(project)) == (rule.severity == "error")


@pytest.mark.parametrize("name", list(RULES))
def test_a_project_close_to_breaking_the_rule_passes(name: str) -> None:
    rule = RULES[name]
    project = rule.base()
    rule.passes(project)
    assert check(project) == []


def test_characters_the_print_font_lacks_are_reported_per_place() -> None:
    project = sh2026()
    project.fields["实施单位"] = "上海科技报社𠀾"
    set_target(project, "新开栏目数", "=5个㊣")
    project.sections["待归类内容"] = "𠀾"  # never printed: not reported

    def can_draw(role: FontRole, ch: str) -> bool:
        return ch not in "𠀾㊣"

    found = [f for f in check(project, font_can_draw=can_draw) if f.code == checks.UNDRAWABLE]
    assert [f.location for f in found] == [
        Location("field", "实施单位"),
        Location(
            "indicator", ("产出指标", "数量指标", "新开栏目数"), row_index(project, "新开栏目数")
        ),
    ]
    assert "𠀾" in found[0].message and "㊣" in found[1].message
    project.fields["实施单位"] = "上海科技报社"
    set_target(project, "新开栏目数", "=5个")
    assert [
        f for f in check(project, font_can_draw=can_draw) if f.code != checks.UNPLACED_CONTENT
    ] == []


def test_errors_come_before_warnings() -> None:
    project = sh2026()
    set_target(project, "新开栏目数", "5")  # warning, early in the form
    project.fields["主管部门"] = ""  # error
    found = check(project)
    assert [f.severity for f in found] == ["error", "warning"]
    assert found[0].severity_text == "错误"


def test_an_indicator_finding_leads_to_its_place_in_the_tree() -> None:
    project = sh2026()
    project.indicators[1].groups.append(
        Level2Group("其他指标")
    )  # an empty group: a placeholder row
    set_target(project, "内容三审合格率", "")
    drop_level1(project, "效益指标")
    found = {f.code: f.location for f in check(project)}
    assert tree_path(project, found[checks.MISSING_TARGET]) == [1, 1, 1]
    assert tree_path(project, found[checks.NO_OUTCOME]) == []  # not there: nothing to select
    assert tree_path(project, Location("indicator", ("满意度指标", "", ""))) == [2]
    placeholder = next(i for i, r in enumerate(project.rows()) if r.level2 == "其他指标")
    assert tree_path(project, Location("indicator", ("产出指标", "其他指标", ""), placeholder)) == [
        1,
        3,
    ]
    assert tree_path(project, Location("field", "项目名称")) == []


def test_a_nameless_empty_group_does_not_shift_the_findings_after_it() -> None:
    project = sh2026()
    set_target(project, "内容三审合格率", "")
    project.indicators.insert(0, Level1Group(""))  # just added in the window, not named yet
    project.indicators[2].groups.insert(0, Level2Group(""))
    found = {f.code: f.location for f in check(project)}
    l1, l2, l3 = tree_path(project, found[checks.MISSING_TARGET])
    assert project.indicators[l1].groups[l2].indicators[l3].name == "内容三审合格率"
