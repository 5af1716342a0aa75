from __future__ import annotations

import json

import pytest

from perfdesk import exchange
from perfdesk.errors import InvalidValueError
from perfdesk.paths import RESOURCES
from perfdesk.sample import sample_projects


def test_seed_sample_is_the_reference_form_field_for_field() -> None:
    first, second = sample_projects()
    assert first.name == "“上海科协”官方微信、微博策划与运维及视频拍摄制作"
    assert first.unit == "上海科技报社" == second.unit
    assert first.fields["计划开始日期"] == "2020-01-01"
    assert first.sections["保证项目实施的制度、措施"] == "报社例会制度、三审制度、财务管理制度"
    assert "\n" not in first.sections["项目概况"]  # the PDF's line breaks are gone
    assert first.sections["项目概况"].endswith("并做好后期视频制作及线上信息发布。")
    assert second.sections["总目标及阶段性目标"] == ""
    assert str(first.budget["项目总预算"]) == "1000000"
    assert first.budget["同名项目上年预算额"] is None
    for project in (first, second):
        rows = project.indicator_rows()
        assert len(rows) == 15
        assert rows[0].name == "预算编制合理性"
        assert [r.level1 for r in rows[-5:]][:3] == ["产出目标"] * 3
    assert first.indicator_rows()[13].name == "提高科学传播效应，阅读量和转发率提高10%"
    assert first.indicator_rows()[13].target == "=10%"


def test_export_has_every_field_and_money_as_strings() -> None:
    document = exchange.document(sample_projects())
    project = document["projects"][0]
    assert document["format"] == "perfdesk/1"
    assert project["budget"] == {
        "项目总预算": "1000000",
        "项目当年预算": "1000000",
        "同名项目上年预算额": None,
        "同名项目上年预算执行数": None,
    }
    assert set(project) == {"layout", "year", "fields", "sections", "budget", "indicators"}


def test_round_trip_is_exact() -> None:
    text = (RESOURCES / "sample.json").read_text(encoding="utf-8")
    assert exchange.dumps(exchange.loads(text)) == text


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{", "不是有效的 JSON"),
        ('{"format": "other"}', "不是 PerfDesk 的交换文件"),
        ('{"format": "perfdesk/1", "projects": [{"layout": "x", "year": 2020}]}', "未知的表样"),
        ('{"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": "二〇"}]}', "年度"),
        (
            '{"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": 2020,'
            ' "budget": {"项目总预算": "NaN"}}]}',
            "项目总预算",
        ),
        (
            '{"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": 2020,'
            ' "budget": {"项目总预算": 100}}]}',
            "字符串",
        ),
        (
            '{"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": 2020,'
            ' "fields": {"计划开始日期": "2020-13-01"}}]}',
            "计划开始日期",
        ),
        (
            '{"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": 2020,'
            ' "fields": {"项目负责人": "张三"}}]}',
            "没有字段",
        ),
    ],
)
def test_bad_documents_are_refused_with_a_chinese_message(document: str, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        exchange.loads(document)


def test_missing_keys_mean_empty_values() -> None:
    (project,) = exchange.loads(
        json.dumps({"format": "perfdesk/1", "projects": [{"layout": "sh2020", "year": 2021}]})
    )
    assert project.year == 2021
    assert all(value == "" for value in project.fields.values())
    assert all(value is None for value in project.budget.values())
