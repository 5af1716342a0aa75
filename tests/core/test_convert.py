"""复制为新版表样: a sh2020 project copied onto sh2026 loses nothing."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk import checks, exchange
from perfdesk.checks import check
from perfdesk.convert import can_convert, to_current
from perfdesk.errors import PerfDeskError
from perfdesk.layouts import get_layout
from perfdesk.model import IndicatorRow, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from perfdesk.values import format_money

SEED = sample_projects()


def everything_in(project: Project) -> str:
    return "\n".join(
        [
            *project.fields.values(),
            *project.sections.values(),
            *(f"{r.level1}|{r.level2}|{r.name}|{r.target}" for r in project.rows()),
        ]
    )


@pytest.mark.parametrize("source", SEED, ids=["weixin", "kepu"])
def test_converting_a_seed_project_loses_nothing(source: Project) -> None:
    result = to_current(source)
    assert result.layout == "sh2026" and result.year == source.year
    kept = {(r.name, r.target) for r in result.indicator_rows()}
    for row in source.indicator_rows():
        assert (row.name, row.target) in kept, row
    assert len(result.indicator_rows()) == len(source.indicator_rows())
    text = everything_in(result)
    for label, body in source.sections.items():
        assert body in text, label
    for label, value in source.fields.items():
        assert value in text, label
    amounts = [a for a in result.budget.values() if a is not None]
    for label, amount in source.budget.items():
        assert amount is None or amount in amounts, label


def test_fields_sections_and_amounts_go_to_their_counterparts() -> None:
    source = SEED[0]
    result = to_current(source)
    assert result.fields["项目名称"] == source.fields["项目名称"]
    assert result.fields["实施单位"] == "上海科技报社"
    assert result.fields["项目性质"] == "一次性项目"  # from 其他一次性项目
    assert result.fields["主管部门"] == ""  # no counterpart: the officer fills it in
    assert (result.fields["计划开始日期"], result.fields["计划完成日期"]) == (
        "2020-01-01",
        "2020-12-31",
    )
    assert result.sections["一、项目概述"] == source.sections["项目概况"]
    assert result.sections["二、立项依据"].startswith(source.sections["立项依据"])
    assert (
        "项目设立的必要性：\n" + source.sections["项目设立的必要性"]
        in result.sections["二、立项依据"]
    )
    assert "项目实施计划：\n" + source.sections["项目实施计划"] in result.sections["四、实施方案"]
    assert result.sections["项目总体目标"] == source.sections["总目标及阶段性目标"]
    assert (
        result.sections["年度总体目标"] == source.sections["总目标及阶段性目标"]
    )  # one-year project
    assert result.sections["五、实施周期"] == "2020年1月1日至2020年12月31日"
    assert result.budget["项目资金总额"] == result.budget["财政资金"] == Decimal("1000000")
    assert result.budget["年度资金申请总额"] == result.budget["当年财政拨款"] == Decimal("1000000")
    assert result.budget["上年结转资金"] is None


def test_indicators_are_regrouped_under_the_new_hierarchy() -> None:
    result = to_current(SEED[1])
    groups = [(g.name, [l2.name for l2 in g.groups]) for g in result.indicators]
    assert groups == [
        ("产出指标", ["数量指标", "质量指标", "时效指标"]),
        ("效益指标", ["社会效益指标"]),
        ("满意度指标", ["服务对象满意度指标"]),  # the seed's 影响力目标 / 其它 / 满意度目标
        ("待归类（原投入与管理）", ["投入管理", "财务管理", "实施管理"]),
    ]
    result = to_current(SEED[0])
    assert result.indicators[-1].name == "待归类（原影响力目标）"
    assert result.indicators[-1].groups[0].indicators[0].name == "健全后续管理制度"


def test_cost_rows_lead_and_unknown_groups_are_kept() -> None:
    source = SEED[0].clone()
    source.set_rows(
        [
            *source.rows(),
            IndicatorRow("产出目标", "成本", "单条推送成本", "≤700元"),
            IndicatorRow("产出目标", "覆盖面", "覆盖区数", "=16个"),
            IndicatorRow("", "", "无分组指标", "合理"),
        ]
    )
    result = to_current(source)
    assert result.rows()[0] == IndicatorRow("成本指标", "经济成本指标", "单条推送成本", "≤700元")
    assert IndicatorRow("产出指标", "覆盖面", "覆盖区数", "=16个") in result.rows()
    assert IndicatorRow("待归类（原无一级）", "", "无分组指标", "合理") in result.rows()


def test_values_without_a_counterpart_wait_in_the_holding_section() -> None:
    source = SEED[0].clone()
    source.set_budget("同名项目上年预算额", "980000")
    source.fields["项目类别"] = "结转项目"
    result = to_current(source)
    holding = result.sections["待归类内容"]
    assert "原同名项目上年预算额（元）：980,000.00" in holding
    assert "原项目类别：结转项目" in holding
    assert "原绩效类型：事业/专业类" in holding and "原是否含有政府购买服务：否" in holding
    assert result.fields["项目性质"] == ""  # 结转项目 says nothing about 一次性/经常性
    found = {f.code for f in check(result)}
    assert {checks.UNPLACED_CONTENT, checks.UNKNOWN_LEVEL1, checks.REQUIRED_FIELD} <= found


def test_the_converted_project_is_stored_and_exchanged_whole(db_path: Path) -> None:
    result = to_current(SEED[0])
    (back,) = exchange.loads(exchange.dumps([result]))
    assert back == result
    with Store(db_path) as store:
        assert store.get(store.add(result)) == result


def test_only_known_layouts_convert() -> None:
    converted = to_current(SEED[0])
    assert can_convert(SEED[0]) and not can_convert(converted)
    with pytest.raises(PerfDeskError, match="不能转换"):
        to_current(converted)


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
_sh2020 = get_layout("sh2020")
_level1 = st.sampled_from([*_sh2020.level1_names, "", "其他目标"])
_level2 = st.sampled_from([*(n for s in _sh2020.level1 for n in s.level2), "", "覆盖面"])


@given(
    rows=st.lists(st.tuples(_level1, _level2, _text, _text), max_size=25),
    sections=st.lists(_text, min_size=6, max_size=6),
    fields=st.lists(_text, min_size=7, max_size=7),
    amounts=st.lists(st.none() | st.decimals(0, 10**9, places=2), min_size=4, max_size=4),
)
@settings(max_examples=150, deadline=None)
def test_any_sh2020_project_converts_without_loss(
    rows: list[tuple[str, str, str, str]],
    sections: list[str],
    fields: list[str],
    amounts: list[Decimal | None],
) -> None:
    source = Project.new("sh2020", 2024)
    source.fields = dict(zip(_sh2020.field_labels, fields, strict=True))
    source.sections = dict(zip(_sh2020.sections, sections, strict=True))
    source.budget = dict(zip(_sh2020.budget_labels, amounts, strict=True))
    source.set_rows(IndicatorRow(*row) for row in rows)
    result = to_current(source)
    kept = Counter((r.name, r.target) for r in result.indicator_rows())
    assert kept == Counter((r.name, r.target) for r in source.indicator_rows())
    text = everything_in(result)
    for value in [*fields, *sections]:
        assert value in text
    for amount in amounts:
        if amount is not None:
            assert amount in result.budget.values() or format_money(amount, 2) in text
