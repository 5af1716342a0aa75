"""A third layout given only as data: a made-up county form, registered while a test runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from testdata import REPO

from perfdesk.layouts import Layout, register_layout, unregister_layout


def county_layout_data() -> dict[str, object]:
    """sh2026 with other labels, three budget columns, no holding section and no print
    registration of its own."""
    data = json.loads((REPO / "perfdesk" / "layouts" / "sh2026.json").read_text("utf-8"))
    data.update(
        key="xx2030",
        name="某县 2030 版",
        title="项目支出绩效目标表",
        unit_field="预算单位",
        fields=[
            {"label": "项目名称", "kind": "text"},
            {"label": "预算单位", "kind": "text"},
            {"label": "计划开始日期", "kind": "date"},
            {"label": "计划完成日期", "kind": "date"},
            {"label": "联系人", "kind": "text", "required": False},
        ],
        sections=["绩效目标", "备注"],
        section_parts=[{"heading": "", "sections": ["绩效目标", "备注"]}],
        period_section="绩效目标",
        holding_section="",
        budget=[
            {"label": "总额", "printed": "资金总额", "column": 0},
            {"label": "本级", "printed": "本级资金", "column": 1},
            {"label": "上级", "printed": "上级补助", "column": 2},
        ],
        budget_total_field="总额",
        budget_current_field="本级",
        multi_year=False,
        converts_from={},
        current=False,
        print_order=["title", "header", "narratives", "budget", "targets"],
    )
    return data


@contextmanager
def county_layout() -> Iterator[Layout]:
    """The county layout, known to ``get_layout`` until the block ends."""
    layout = register_layout(county_layout_data())
    try:
        yield layout
    finally:
        unregister_layout(layout.key)
