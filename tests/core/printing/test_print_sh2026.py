"""The current form (sh2026) printed and read back: its own title, headings and blocks."""

from __future__ import annotations

from pathlib import Path

from printed_pdf import read_pdf, squash
from test_print_render import expected_rows, table_rows

from perfdesk import exchange
from perfdesk.model import Project
from perfdesk.printing import FontSet, find_missing_characters, render_pdf
from perfdesk.printing.indicators import CONTINUED

DATA = Path(__file__).resolve().parents[2] / "data"


def project(name: str) -> Project:
    return exchange.read_file(DATA / f"sh2026_{name}.json")[0]


def after(cells: list[str], label: str) -> str:
    return cells[cells.index(label) + 1]


def test_every_value_is_printed_in_the_current_form(fonts: FontSet) -> None:
    multi_year = project("xinmeiti")
    multi_year.sections["待归类内容"] = "原绩效类型：事业/专业类"  # waiting: never printed
    pdf = read_pdf(render_pdf([multi_year], fonts))
    spec = multi_year.spec
    form = "".join(squash(page) for page in pdf.pages[:-1])
    explanation = squash(pdf.pages[-1])

    assert form.startswith("财政项目支出绩效目标申报表（2025年度）")
    cells = pdf.cells
    for label, value in multi_year.fields.items():
        assert after(cells, label + "：") == squash(value), label
    # 项目资金: two columns, two decimals, 其中：
    assert "项目资金（元）" in cells
    assert after(cells, "项目资金总额：") == "10,308,000.00"
    assert after(cells, "其中：财政资金：") == "10,308,000.00"
    assert after(cells, "其他资金：") == "0.00"
    assert after(cells, "年度资金申请总额：") == "3,436,000.00"
    assert after(cells, "其中：当年财政拨款：") == "3,200,000.00"
    assert after(cells, "上年结转资金：") == "236,000.00"
    row = cells.index("项目资金总额：")
    assert cells[row : row + 4] == [
        "项目资金总额：",
        "10,308,000.00",
        "年度资金申请总额：",
        "3,436,000.00",
    ]
    # 项目绩效目标, the period of the multi-year project after 项目总体目标
    assert "项目绩效目标项目总体目标(2024年-2026年)：" in form
    for label in ("项目总体目标", "年度总体目标"):
        assert squash(multi_year.sections[label]) in form
    assert form.index("项目资金（元）") < form.index("项目绩效目标") < form.index("绩效指标")
    rows = table_rows(pdf.tables, spec.indicator_columns)
    assert [[c.removesuffix(CONTINUED) for c in r] for r in rows] == expected_rows(multi_year)
    # 项目经费情况说明 on a page of its own, the seven parts in order
    assert explanation.startswith("项目经费情况说明项目名称：" + squash(multi_year.name))
    positions = [explanation.index(squash(label)) for label in spec.parts[1].sections]
    assert positions == sorted(positions) and len(positions) == 7
    for label in spec.parts[1].sections:
        assert squash(multi_year.sections[label]) in explanation
    assert "待归类" not in pdf.text and "原绩效类型" not in pdf.text


def test_a_one_year_project_prints_no_period_and_blank_amounts_blank(fonts: FontSet) -> None:
    one_year = project("peixun")
    pdf = read_pdf(render_pdf([one_year], fonts))
    assert "项目总体目标：" in pdf.text and "2026年-" not in pdf.text
    assert after(pdf.cells, "上年结转资金：") == ""
    assert after(pdf.cells, "项目资金总额：") == "1,250,000.00"


def test_missing_characters_are_looked_for_where_the_form_prints_them(fonts: FontSet) -> None:
    multi_year = project("xinmeiti")
    multi_year.sections["七、绩效目标"] = "见申报表\U000f0001"  # a private-use character
    multi_year.sections["待归类内容"] = "\U000f0002"
    where = {m.where for m in find_missing_characters(multi_year, fonts)}
    assert "七、绩效目标" in where
    assert "待归类内容" not in where
