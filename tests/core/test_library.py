"""The indicator library: used indicators from the store, templates, inserting into a tree."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from testdata import SH2026_PROJECT

from perfdesk import exchange
from perfdesk.checks import check
from perfdesk.errors import PerfDeskError
from perfdesk.layouts import get_layout
from perfdesk.library import (
    TEMPLATES_DIR,
    insert_rows,
    library_entries,
    load_templates,
    rows_for,
    search,
)
from perfdesk.model import IndicatorRow, Project
from perfdesk.sample import sample_projects
from perfdesk.store import Store
from perfdesk.target_value import parse_target

KINDS = {"宣传/新媒体", "会议", "培训", "信息化", "购置", "工程"}


def test_entries_count_uses_and_keep_the_latest_target(db_path: Path) -> None:
    with Store(db_path) as store:
        first, second = sample_projects()
        store.add_many([first, second])
        entries = library_entries(store)
        by_name = {e.name: e for e in entries}
        assert by_name["预算执行率"].count == 2  # the standard block is in both seed projects
        assert by_name["发布信息1400条"].count == 1
        assert entries[0].count == 2 and entries[-1].count == 1  # most used first
        assert len(entries) == len({r.name for p in (first, second) for r in p.indicator_rows()})
        # change the first project later: its 指标值 becomes the one used last
        time.sleep(1.1)  # updated_at has one-second resolution
        first.set_rows(
            IndicatorRow(r.level1, r.level2, r.name, "=98%" if r.name == "预算执行率" else r.target)
            for r in first.rows()
        )
        store.save(first)
        entry = {e.name: e for e in library_entries(store)}["预算执行率"]
    assert (entry.last_target, entry.last_project_id, entry.count) == ("=98%", first.id, 2)
    assert (entry.layout, entry.level1, entry.level2) == ("sh2020", "投入与管理", "投入管理")


def test_search_finds_by_any_part_full_width_too(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_many([*sample_projects(), *exchange.read_file(SH2026_PROJECT)])
        entries = library_entries(store)
    assert {e.name for e in search(entries, "满意度")} == {"满意度目标", "服务对象满意度"}
    # by name or by the 指标值 last used (≥1400条)
    assert {e.name for e in search(entries, "１４００")} == {
        "发布信息1400条",
        "微信、微博全年推送条数",
    }
    assert {e.name for e in search(entries, "产出指标 条数")} == {"微信、微博全年推送条数"}
    assert search(entries, "") == entries
    assert search(entries, "不存在的指标") == []


def test_every_kind_of_project_has_a_template_for_both_layouts() -> None:
    for layout in ("sh2020", "sh2026"):
        templates = load_templates(layout)
        assert {t.name for t in templates} == KINDS
        spec = get_layout(layout)
        for template in templates:
            level1 = {r.level1 for r in template.rows}
            assert level1 <= set(spec.level1_names), template.key
            assert set(spec.level1_with_role("output")) <= level1
            assert set(spec.level1_with_role("outcome")) <= level1
            for row in template.rows:
                assert row.level2 in spec.usual_level2(row.level1), row
                assert parse_target(row.target).understood, row


def test_a_template_makes_a_clean_indicator_table() -> None:
    for template in load_templates("sh2026"):
        project = exchange.read_file(SH2026_PROJECT)[0]
        project.indicators = []
        assert insert_rows(project, template.rows) == len(template.rows)
        assert project.indicator_rows() == list(template.rows)  # already in print order
        assert [f for f in check(project) if f.location.kind == "indicator"] == []


def test_inserting_merges_under_the_right_groups_and_keeps_typed_values() -> None:
    project = exchange.read_file(SH2026_PROJECT)[0]
    before = project.indicator_rows()
    added = insert_rows(
        project,
        [
            IndicatorRow("产出指标", "数量指标", "新开栏目数", "=9个"),  # already there: kept
            IndicatorRow("产出指标", "数量指标", "视频制作数量", "≥20部"),
            IndicatorRow("效益指标", "经济效益指标", "广告收入", "≥10万元"),
            IndicatorRow("成本指标", "社会成本指标", "社会成本", "无"),
        ],
    )
    assert added == 3
    rows = project.indicator_rows()
    assert len(rows) == len(before) + 3
    assert IndicatorRow("产出指标", "数量指标", "新开栏目数", "=5个") in rows
    names = [g.name for g in project.indicators[2].groups]
    assert names == ["经济效益指标", "社会效益指标", "可持续影响指标"]  # the usual order
    assert [g.name for g in project.indicators[0].groups] == ["经济成本指标", "社会成本指标"]
    quantity = project.indicators[1].groups[0]
    assert [i.name for i in quantity.indicators][-1] == "视频制作数量"


def test_new_level1_groups_take_their_place_in_the_form_order() -> None:
    project = Project.new("sh2026", 2025)
    insert_rows(project, [IndicatorRow("满意度指标", "服务对象满意度指标", "满意度", "≥90%")])
    insert_rows(project, [IndicatorRow("产出指标", "数量指标", "场次", "≥5场")])
    insert_rows(project, [IndicatorRow("自定义", "其他", "x", "合理")])
    insert_rows(project, [IndicatorRow("成本指标", "经济成本指标", "成本", "≤5万元")])
    assert [g.name for g in project.indicators] == ["成本指标", "产出指标", "满意度指标", "自定义"]


def test_an_old_layout_entry_is_mapped_into_a_new_layout_project() -> None:
    project = Project.new("sh2026", 2025)
    rows = rows_for(
        project,
        [
            IndicatorRow("产出目标", "数量", "发布信息1400条", "=100%"),
            IndicatorRow("投入与管理", "投入管理", "预算执行率", "=100%"),
        ],
        "sh2020",
    )
    assert rows == [
        IndicatorRow("产出指标", "数量指标", "发布信息1400条", "=100%"),
        IndicatorRow("待归类（原投入与管理）", "投入管理", "预算执行率", "=100%"),
    ]
    same = [IndicatorRow("产出指标", "数量指标", "场次", "≥5场")]
    assert rows_for(project, same, "sh2026") == same


def test_a_broken_template_file_is_reported_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"name": "坏", "layouts": {"sh2026": [["a"]]}}', "utf-8")
    with pytest.raises(PerfDeskError, match=r"bad\.json"):
        load_templates("sh2026", tmp_path)
    (tmp_path / "bad.json").write_text(json.dumps({"name": "x", "layouts": {}}), "utf-8")
    assert load_templates("sh2026", tmp_path) == []


def test_templates_are_data_files_in_resources() -> None:
    assert len(list(TEMPLATES_DIR.glob("*.json"))) == len(KINDS)
