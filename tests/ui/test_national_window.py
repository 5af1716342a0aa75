"""The central template (national) through the real window: 万元 amounts, two value columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_input import type_text
from window_harness import WindowFactory, stored

from ui.indicator_model import TARGET


def test_a_national_project_takes_wan_yuan_and_two_value_columns(
    open_window: WindowFactory, db_path: Path, qtbot: QtBot
) -> None:
    window = open_window(db_path)
    window.findChild(type(window.project_actions.new), "newProject_national").trigger()
    assert window.project is not None and window.project.layout == "national"
    assert window.form.budget_box.title() == "项目资金（万元）"

    # amounts are typed in 万元, said so by the tooltip, and kept in 元
    field = window.form.budget_form.editors["中期资金总额"]
    assert "以万元为单位" in field.toolTip() and "125,000 元" in field.toolTip()
    type_text(field, "12.5")
    field.editingFinished.emit()
    assert field.text() == "12.50"
    window.flush()
    assert stored(window).budget["中期资金总额"] == Decimal("125000")

    # the indicator tree has a column per value column, as the form has
    window.form.indicators.standard_block.trigger()
    model = window.form.indicator_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1:] == ["中期指标值", "年度指标值"]
    row = model.index_at([0, 0, 0])
    assert row.siblingAtColumn(TARGET + 1).data() == "≥90%"  # 年度: the standard value
    assert model.setData(row.siblingAtColumn(TARGET), "≥95%")
    window.flush()
    (indicator,) = stored(window).indicator_rows()
    assert (indicator.target, indicator.other_values) == ("≥90%", ("≥95%",))
    window.act_undo.trigger()  # one step: the 中期指标值 only
    (indicator,) = stored(window).indicator_rows()
    assert (indicator.target, indicator.other_values) == ("≥90%", ())
    assert model.index_at([0, 0, 0]).siblingAtColumn(TARGET).data() == ""
