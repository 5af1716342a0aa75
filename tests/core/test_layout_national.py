"""The central template (national): two value columns, amounts in 万元 kept in 元, conversion
from both Shanghai layouts, exports and imports back, an older database file kept."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils
from printed_pdf import read_pdf
from sqlite_utils.migrations import Migrations
from testdata import SH2026_PROJECT, as_json, needs_cjk_font, perfdesk

from perfdesk import checks, exchange
from perfdesk.checks import check
from perfdesk.convert import convert
from perfdesk.errors import InvalidValueError
from perfdesk.exporting.docx import export_docx
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.importing import read_any
from perfdesk.layouts import get_layout
from perfdesk.model import IndicatorRow, Project
from perfdesk.printing import render_pdf
from perfdesk.sample import sample_projects
from perfdesk.schema import APPLICATION_ID, SCHEMA_VERSION, STEPS
from perfdesk.store import Store


def national_project() -> Project:
    project = Project.new("national", 2025)
    project.set_field("项目名称", "某某信息系统运行维护")
    project.set_field("主管部门及代码", "某某部 123001")
    project.set_field("实施单位", "某某部信息中心")
    project.set_field("项目属性", "延续")
    project.set_field("项目期", "3年")
    project.set_section("中期目标", "保障系统三年稳定运行，完成三次升级。")
    project.set_section("年度目标", "保障系统全年稳定运行，完成一次升级。")
    project.type_budget("中期资金总额", "360")
    project.type_budget("中期财政拨款", "350.5")
    project.type_budget("中期其他资金", "9.5")
    project.type_budget("年度资金总额", "120")
    project.type_budget("年度财政拨款", "120")
    project.set_rows(
        [
            IndicatorRow("产出指标", "数量指标", "运维系统数量", "=12个", ("=12个",)),
            IndicatorRow("产出指标", "质量指标", "系统可用率", "≥99%", ("≥99.5%",)),
            IndicatorRow("产出指标", "成本指标", "运维成本", "≤120万元", ("≤360万元",)),
            IndicatorRow("效益指标", "社会效益指标", "服务用户数", "≥10万人", ("≥30万人",)),
            IndicatorRow("满意度指标", "服务对象满意度指标", "用户满意度", "≥90%", ("≥90%",)),
        ]
    )
    return project


def test_the_central_template_is_a_layout_of_its_own() -> None:
    spec = get_layout("national")
    assert spec.title == "项目支出绩效目标申报表"
    assert spec.field_labels == ("项目名称", "主管部门及代码", "实施单位", "项目属性", "项目期")
    assert spec.field_spec("项目属性").choices == ("新增", "延续")
    assert spec.table_columns == ("一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值")
    assert spec.other_value_columns == ("中期指标值",)
    assert [[spec.budget_label(m.label) for m in c] for c in spec.budget_columns] == [
        ["中期资金总额", "其中：财政拨款", "其他资金"],
        ["年度资金总额", "其中：财政拨款", "其他资金"],
    ]
    assert spec.usual_level2("产出指标") == ("数量指标", "质量指标", "时效指标", "成本指标")
    assert spec.money_unit == "万元" and spec.budget_heading == "项目资金（万元）"


def test_amounts_are_typed_in_wan_yuan_and_kept_exactly_in_yuan() -> None:
    project = Project.new("national", 2025)
    project.type_budget("中期资金总额", "12.5")
    amount = project.budget["中期资金总额"]
    assert isinstance(amount, Decimal) and amount == Decimal("125000")
    assert exchange.project_to_json(project)["budget"]["中期资金总额"] == "125000"
    spec = project.spec
    assert spec.money_shown(amount) == "12.50"
    # typed to the yuan and beyond: kept exactly, never through a float
    project.type_budget("年度资金总额", "0.000123")
    assert project.budget["年度资金总额"] == Decimal("1.23")
    project.type_budget("年度财政拨款", "１，２３４.５６７８")
    assert project.budget["年度财政拨款"] == Decimal("12345678")
    assert spec.money_shown(Decimal("12345678")) == "1,234.57"
    # printed with the layout's two decimals, rounded half up (not to even)
    assert spec.money_shown(Decimal("1250")) == "0.13"
    assert spec.money_shown(Decimal("1350")) == "0.14"
    assert spec.money_shown(Decimal("1249.99")) == "0.12"
    assert spec.money_shown(Decimal("-1250")) == "-0.13"
    assert spec.money_shown(None) == ""
    # an export read back keeps every yuan: more places where the amount needs them
    assert spec.money_shown(Decimal("1250"), exact=True) == "0.125"
    assert spec.money_shown(Decimal("125000"), exact=True) == "12.50"
    with pytest.raises(InvalidValueError):
        project.type_budget("中期资金总额", "12.5万")
    with pytest.raises(InvalidValueError):
        project.type_budget("中期资金总额", "1e11")  # no exponents; nor a float
    with pytest.raises(InvalidValueError, match="过大"):
        project.type_budget("中期资金总额", "999999999999")  # 1e16 元
    assert project.budget["中期资金总额"] == Decimal("125000")  # nothing changed


def test_a_national_project_is_stored_exchanged_and_checked(db_path: Path) -> None:
    project = national_project()
    with Store(db_path) as store:
        pid = store.add(project)
        assert store.get(pid) == project
        assert store.get(pid).rows()[1].other_values == ("≥99.5%",)
    (back,) = exchange.loads(exchange.dumps([project]))
    back.id = project.id
    assert back == project
    item = exchange.project_to_json(project)["indicators"][0]
    assert item["target"] == "=12个" and item["values"] == {"中期指标值": "=12个"}
    assert [f.code for f in check(project) if f.severity == checks.ERROR] == []
    # each value column is checked: a missing or unit-less 中期指标值 is reported by name
    rows = project.rows()
    rows[0] = IndicatorRow(rows[0].level1, rows[0].level2, rows[0].name, "=12个")
    rows[1] = IndicatorRow(rows[1].level1, rows[1].level2, rows[1].name, "≥99%", ("≥99.5",))
    project.set_rows(rows)
    messages = [f.message for f in check(project)]
    assert any("没有中期指标值" in m and "运维系统数量" in m for m in messages)
    assert any("中期指标值“≥99.5”有数字但没有计量单位" in m for m in messages)


def test_exchange_refuses_a_value_column_the_layout_does_not_have() -> None:
    data = exchange.document([national_project()])
    data["projects"][0]["indicators"][0]["values"] = {"远期指标值": "=1个"}
    with pytest.raises(InvalidValueError, match="没有指标值列“远期指标值”"):
        exchange.loads(json.dumps(data, ensure_ascii=False))


@needs_cjk_font
def test_the_printed_form_has_both_value_columns_and_amounts_in_wan_yuan() -> None:
    project = national_project()
    pdf = read_pdf(render_pdf([project]))
    assert "项目资金（万元）" in pdf.text
    for amount in ("360.00", "350.50", "9.50", "120.00"):
        assert amount in pdf.cells
    header = next(row for table in pdf.tables for row in table if row and row[0] == "一级指标")
    assert header == ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"]
    row = next(r for table in pdf.tables for r in table if "系统可用率" in (r or []))
    assert row[-2:] == ["≥99.5%", "≥99%"]
    # every font in the file is embedded
    assert pdf.font_files and all(files for files in pdf.font_files.values())


@needs_cjk_font
@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".pdf"])
def test_a_national_form_exports_and_imports_back_exactly(tmp_path: Path, suffix: str) -> None:
    project = national_project()
    if suffix != ".pdf":  # a printed amount is rounded to the form's decimals: whole 百元 here
        project.type_budget("年度其他资金", "0.1234")
    path = tmp_path / f"form{suffix}"
    if suffix == ".xlsx":
        export_xlsx([project], path)
    elif suffix == ".docx":
        export_docx([project], path)
    else:
        path.write_bytes(render_pdf([project]))
    found = read_any(path)
    assert [str(w) for w in found.all_warnings()] == []
    assert as_json(found.projects) == as_json([project])


@pytest.mark.parametrize("source", [*sample_projects(), exchange.read_file(SH2026_PROJECT)[0]])
def test_national_converts_from_both_shanghai_layouts_with_nothing_dropped(
    source: Project,
) -> None:
    result = convert(source, "national")
    assert result.layout == "national" and result.year == source.year
    assert result.fields["项目名称"] == source.name
    assert result.fields["实施单位"] == source.unit
    assert len(result.indicator_rows()) == len(source.indicator_rows())
    kept = {(r.name, r.target) for r in result.indicator_rows()}
    assert all((r.name, r.target) in kept for r in source.indicator_rows())
    text = "\n".join([*result.fields.values(), *result.sections.values()])
    for label, value in source.fields.items():
        if label not in (source.spec.start_date_field, source.spec.end_date_field):
            assert value in text, label
    start = source.fields[source.spec.start_date_field]
    assert result.fields["项目期"].startswith(f"{int(start[:4])}年{int(start[5:7])}月-")
    for label, body in source.sections.items():
        assert body in text, label
    amounts = [a for a in result.budget.values() if a is not None]
    for label, amount in source.budget.items():
        if amount is not None and amount not in amounts:
            assert source.spec.money_spec(label).printed in result.sections["待归类内容"]
            assert f"{amount:,.2f}" in result.sections["待归类内容"], label


def test_sh2026_cost_indicators_go_under_output_on_the_central_template() -> None:
    source = exchange.read_file(SH2026_PROJECT)[0]
    result = convert(source, "national")
    cost = [r for r in source.indicator_rows() if r.level1 == "成本指标"]
    assert cost
    placed = {r.name: (r.level1, r.level2) for r in result.indicator_rows()}
    assert all(placed[r.name] == ("产出指标", "成本指标") for r in cost)
    assert result.budget["中期资金总额"] == source.budget["项目资金总额"]


def test_an_older_database_file_keeps_its_indicators_when_migrated(tmp_path: Path) -> None:
    """A file written before indicators had other values (schema version 2) opens and is
    brought up to date with every row kept."""
    current = tmp_path / "current.db"
    projects = sample_projects()
    with Store(current) as store:
        for project in projects:
            store.add(project)
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    # the steps of version 2, applied and recorded as sqlite-utils' migrations do
    migrations = Migrations("perfdesk")
    for name, step in STEPS[:2]:
        migrations(name=name)(lambda db, step=step: step(db.conn, True))
    migrations.apply(sqlite_utils.Database(conn))
    conn.execute("BEGIN")
    conn.execute("ATTACH DATABASE ? AS source", [str(current)])
    for table, columns in (
        ("projects", "id, layout, year, name, unit, created_at, updated_at"),
        ("project_fields", "project_id, label, value"),
        ("project_sections", "project_id, label, body"),
        ("project_budget", "project_id, label, amount"),
        ("indicator_nodes", "project_id, position, depth, name, target"),
    ):
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM source.{table}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE source")
    conn.close()
    with Store(old) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert as_json(store.get_all()) == as_json(projects)
        # and the migrated file takes a national project with its two value columns
        pid = store.add(national_project())
        assert store.get(pid).rows()[0].other_values == ("=12个",)


def test_the_command_line_copies_projects_onto_the_central_template(db_path: Path) -> None:
    assert perfdesk("--db", db_path, "sample").returncode == 0
    done = perfdesk("--db", db_path, "convert", "--all", "--to", "national")
    assert done.returncode == 0, done.stderr
    assert "已复制 2 个项目为表样 national" in done.stderr
    with Store(db_path) as store:
        copies = [p for p in store.get_all() if p.layout == "national"]
    assert [p.name for p in copies] == [p.name for p in sample_projects()]
    wrong = perfdesk("--db", db_path, "convert", "--all", "--to", "hunan")
    assert wrong.returncode != 0 and "未知的表样：hunan" in wrong.stderr


def test_the_checks_speak_of_amounts_in_the_forms_unit() -> None:
    project = national_project()
    project.type_budget("年度资金总额", "400")
    project.type_budget("年度其他资金", "-12.5")
    messages = [f.message for f in check(project)]
    assert any("“其他资金”是负数（-12.50）" in m for m in messages)
    assert any("400.00 超过“中期资金总额”360.00" in m for m in messages)
