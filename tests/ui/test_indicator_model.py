"""The indicator tree model: checked by qtmodeltester, edited, moved and dragged."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from perfdesk.layouts import get_layout
from perfdesk.model import Indicator, Level1Group, Level2Group
from perfdesk.sample import sample_projects
from ui.indicator_model import NAME, TARGET, IndicatorModel


def _model_with_sample() -> IndicatorModel:
    model = IndicatorModel()
    model.load(sample_projects()[0].indicators)
    return model


def _names(model: IndicatorModel, parent: QModelIndex) -> list[str]:
    return [
        model.index(r, NAME, parent).data(Qt.ItemDataRole.EditRole)
        for r in range(model.rowCount(parent))
    ]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = _model_with_sample()
    qtmodeltester.check(model, force_py=True)
    # and keeps passing through every kind of change
    model.insert_node(QModelIndex(), 0, 1, "新一级")
    model.insert_node(model.index(0, NAME), 0, 2, "新二级")
    model.insert_node(model.index(0, NAME, model.index(0, NAME)), 0, 3, "新指标", "≥1")
    model.setData(model.index_at([0, 0, 0]).siblingAtColumn(TARGET), "=100%")
    model.move(model.index_at([1, 0, 2]), -1)
    model.remove(model.index_at([2]))
    model.load([])
    qtmodeltester.check(model, force_py=True)


def test_tree_round_trips_the_project() -> None:
    project = sample_projects()[0]
    model = IndicatorModel()
    model.load(project.indicators)
    assert model.tree() == project.indicators
    assert model.rowCount() == 4
    assert model.index_at([0, 0, 1]).data() == "预算执行率"
    assert model.index_at([0, 0, 1]).siblingAtColumn(TARGET).data() == "=100%"
    assert model.index_at([0]).siblingAtColumn(TARGET).data() is None


def test_only_indicators_have_a_value_to_edit() -> None:
    model = _model_with_sample()
    level1 = model.index_at([0])
    assert not model.flags(level1.siblingAtColumn(TARGET)) & Qt.ItemFlag.ItemIsEditable
    assert (
        model.flags(model.index_at([0, 0, 0]).siblingAtColumn(TARGET)) & Qt.ItemFlag.ItemIsEditable
    )
    assert not model.setData(level1.siblingAtColumn(TARGET), "x")


def test_every_change_is_announced_once() -> None:
    model = _model_with_sample()
    seen: list[str] = []
    model.edited.connect(lambda description, _key: seen.append(description))
    index = model.index_at([1, 0, 0])
    assert model.setData(index, "每日发布内容")
    assert not model.setData(index, "每日发布内容")  # no change, no step
    model.remove(index)
    assert seen == ["修改三级目标名称", "删除“每日发布内容”"]


def test_moves_stay_among_siblings() -> None:
    model = _model_with_sample()
    block = model.index_at([0])
    assert not model.move(block, -1)
    assert model.move(block, 1)
    assert _names(model, QModelIndex())[:2] == ["产出目标", "投入与管理"]


def _drag(model: IndicatorModel, source: list[int], row: int, parent: QModelIndex) -> bool:
    data = model.mimeData([model.index_at(source)])
    if not model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent):
        return False
    model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
    return True


def test_drag_an_indicator_into_another_group() -> None:
    model = _model_with_sample()
    quality = model.index_at([1, 1])  # 产出目标 / 质量
    assert _drag(model, [1, 0, 0], -1, quality)  # dropped onto the group: appended
    assert _names(model, model.index_at([1, 1])) == [
        "新开辟栏目质量阅读转发500次以上",
        "每日发布3--5条内容",
    ]
    assert _names(model, model.index_at([1, 0])) == []


def test_drag_within_a_group_between_rows() -> None:
    model = IndicatorModel()
    model.load(
        [
            Level1Group(
                "产出目标",
                [Level2Group("数量", [Indicator("甲"), Indicator("乙"), Indicator("丙")])],
            )
        ]
    )
    group = model.index_at([0, 0])
    assert _drag(model, [0, 0, 0], 3, group)  # to the end
    assert _names(model, group) == ["乙", "丙", "甲"]
    assert _drag(model, [0, 0, 2], 0, group)  # back to the top
    assert _names(model, group) == ["甲", "乙", "丙"]
    assert _drag(model, [0, 0, 0], -1, model.index_at([0, 0, 2]))  # onto 丙: in front of it
    assert _names(model, group) == ["乙", "甲", "丙"]


def test_drops_that_would_break_the_levels_are_refused() -> None:
    model = _model_with_sample()
    before = model.tree()
    assert not _drag(model, [1, 0, 0], -1, QModelIndex())  # an indicator at the top level
    assert not _drag(model, [1], -1, model.index_at([0, 0]))  # a 一级 under a 二级
    assert not _drag(model, [1, 0], 0, model.index_at([1, 0]))  # a group into itself
    assert model.tree() == before


def test_level_names_follow_the_layout() -> None:
    model = IndicatorModel()
    layout = get_layout("sh2020")
    model.level_names = layout.indicator_columns[:3]
    model.load([Level1Group("")])
    assert model.index_at([0]).data() == "（未填写一级目标）"


def test_a_layout_with_two_value_columns_shows_and_edits_both(
    qtmodeltester: ModelTester,
) -> None:
    spec = get_layout("national")
    model = IndicatorModel()
    model.set_layout(spec)
    tree = [
        Level1Group(
            "产出指标",
            [Level2Group("数量指标", [Indicator("运维系统数量", "=12个", ("=36个",))])],
        )
    ]
    model.load(tree)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers[1:] == ["中期指标值", "年度指标值"]
    row = model.index_at([0, 0, 0])
    assert row.siblingAtColumn(TARGET).data() == "=36个"  # 中期, printed first
    assert row.siblingAtColumn(TARGET + 1).data() == "=12个"
    edits: list[str] = []
    model.edited.connect(lambda description, _key: edits.append(description))
    assert model.setData(row.siblingAtColumn(TARGET), "=30个")
    assert edits == ["修改中期指标值"]
    assert model.tree()[0].groups[0].indicators[0] == Indicator("运维系统数量", "=12个", ("=30个",))
    # Tab goes name → 中期 → 年度, as on the form
    assert [c.column() for c in model.editable_cells()][-3:] == [NAME, TARGET, TARGET + 1]
    # back to a layout with one value column: the columns follow
    model.set_layout(get_layout("sh2026"))
    assert model.columnCount() == 2
    qtmodeltester.check(model, force_py=True)
