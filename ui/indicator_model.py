"""The indicator tree (一级 → 二级 → 三级, 指标值 in the second column, or in the layout's
value columns from the second on: the central template's 中期指标值 | 年度指标值) as a Qt item
model.

The model keeps its own copy of the project's tree. Every change made through it (typing in
place, adding, deleting, moving, dragging) is announced with ``edited(description,
merge_key)``; the window then stores :meth:`IndicatorModel.tree` as one undoable step. A
change from elsewhere (undo, another project) comes back in through :meth:`load`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from perfdesk.layouts import Layout
from perfdesk.model import Indicator, Level1Group, Level2Group

AnyIndex = QModelIndex | QPersistentModelIndex

NAME, TARGET = 0, 1
MIME_TYPE = "application/x-perfdesk-indicator-path"


class Node:
    """One row of the tree: depth 1 (一级), 2 (二级) or 3 (三级 with its 指标值, one per value
    column in print order); depth 0 is the root."""

    __slots__ = ("children", "depth", "name", "parent", "values")

    def __init__(
        self,
        depth: int,
        name: str = "",
        values: Sequence[str] = (),
        parent: Node | None = None,
    ):
        self.depth = depth
        self.name = name
        self.values = list(values)
        self.parent = parent
        self.children: list[Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def path(self) -> list[int]:
        rows: list[int] = []
        node: Node | None = self
        while node is not None and node.parent is not None:
            rows.append(node.row())
            node = node.parent
        return rows[::-1]

    def adopt(self, child: Node, position: int | None = None) -> Node:
        child.parent = self
        if position is None:
            self.children.append(child)
        else:
            self.children.insert(position, child)
        return child


def _root_from_tree(tree: Sequence[Level1Group], spec: Layout | None) -> Node:
    root = Node(0)
    for l1 in tree:
        n1 = root.adopt(Node(1, l1.name))
        for l2 in l1.groups:
            n2 = n1.adopt(Node(2, l2.name))
            for ind in l2.indicators:
                values = spec.row_values(ind.target, ind.other_values) if spec else (ind.target,)
                n2.adopt(Node(3, ind.name, values))
    return root


class IndicatorModel(QAbstractItemModel):
    edited = Signal(str, object)  # description, merge key (str or None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node(0)
        self._spec: Layout | None = None
        self.level_names = (self.tr("一级目标"), self.tr("二级目标"), self.tr("三级目标"))
        self.headers: tuple[str, ...] = (
            self.tr("目标（一级 / 二级 / 三级）"),
            self.tr("指标目标值"),
        )

    def set_layout(self, spec: Layout) -> None:
        """Name the levels and columns as the layout's form does (一级目标 or 一级指标 …), one
        column per value column of the layout."""
        self.level_names = (spec.level_name(1), spec.level_name(2), spec.level_name(3))
        headers = (
            self.tr("%1（一级 / 二级 / 三级）").replace("%1", spec.level_word),
            *spec.value_headings,
        )
        if len(headers) != len(self.headers):
            self.beginResetModel()
            self._spec, self.headers = spec, headers
            self.endResetModel()
            return
        self._spec, self.headers = spec, headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, NAME, len(headers) - 1)

    @property
    def value_count(self) -> int:
        return len(self.headers) - 1

    # -- the data ------------------------------------------------------------------------

    def load(self, tree: Sequence[Level1Group]) -> None:
        self.beginResetModel()
        self._root = _root_from_tree(tree, self._spec)
        self.endResetModel()

    def tree(self) -> list[Level1Group]:
        return [
            Level1Group(
                n1.name,
                [
                    Level2Group(n2.name, [self._indicator(n3) for n3 in n2.children])
                    for n2 in n1.children
                ],
            )
            for n1 in self._root.children
        ]

    def _indicator(self, node: Node) -> Indicator:
        if self._spec is None:
            return Indicator(node.name, node.values[0] if node.values else "")
        target, others = self._spec.split_values(tuple(node.values))
        return Indicator(node.name, target, others)

    def value(self, node: Node, column: int) -> str:
        """A 三级 node's value in a value column (TARGET and after)."""
        position = column - TARGET
        return node.values[position] if 0 <= position < len(node.values) else ""

    def node(self, index: AnyIndex) -> Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, Node)
            return node
        return self._root

    def index_of(self, node: Node, column: int = NAME) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def index_at(self, path: Sequence[int]) -> QModelIndex:
        """The index at a path of rows (as :meth:`Node.path` gives), or the nearest that exists."""
        index = QModelIndex()
        for row in path:
            count = self.rowCount(index)
            if count == 0:
                break
            index = self.index(min(row, count - 1), NAME, index)
        return index

    def level_name(self, depth: int) -> str:
        return self.level_names[depth - 1] if 1 <= depth <= 3 else ""

    def editable_cells(self) -> list[QModelIndex]:
        """Every cell that can be typed into, in reading order: each row's name, and a 三级
        row's 指标值 after it (where Tab goes next, as in a spreadsheet)."""
        cells: list[QModelIndex] = []

        def walk(node: Node) -> None:
            for child in node.children:
                cells.append(self.index_of(child, NAME))
                if child.depth == 3:
                    cells.extend(self.index_of(child, TARGET + n) for n in range(self.value_count))
                walk(child)

        walk(self._root)
        return cells

    def indicator_count(self, index: AnyIndex) -> int:
        """How many 三级 indicators ``index`` is or holds."""

        def count(node: Node) -> int:
            return 1 if node.depth == 3 else sum(count(child) for child in node.children)

        return count(self.node(index))

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), NAME, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        node = self.node(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
            if node.depth < 3:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
        elif node.depth == 3:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return node.name or self.tr("（未填写%1）").replace(
                    "%1", self.level_name(node.depth)
                )
            return self.value(node, column) if node.depth == 3 else None
        if role == Qt.ItemDataRole.EditRole:
            if column == NAME:
                return node.name
            return self.value(node, column) if node.depth == 3 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return self.level_name(node.depth)
        if role == Qt.ItemDataRole.ToolTipRole and node.depth == 3 and self.value_count > 1:
            return self.headers[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == NAME and not node.name:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.FontRole and node.depth == 1 and column == NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        node = self.node(index)
        text = str(value or "").strip()
        if index.column() == NAME:
            if node.name == text:
                return False
            node.name = text
            description = self.tr("修改%1名称").replace("%1", self.level_name(node.depth))
        elif node.depth == 3:
            if self.value(node, index.column()) == text:
                return False
            position = index.column() - TARGET
            node.values += [""] * (position + 1 - len(node.values))
            node.values[position] = text
            description = self.tr("修改%1").replace("%1", self.headers[index.column()])
        else:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit(description, None)
        return True

    # -- structural edits ------------------------------------------------------------------

    def insert_node(
        self, parent: QModelIndex, position: int, depth: int, name: str = "", target: str = ""
    ) -> QModelIndex:
        """Insert a new node under ``parent`` (which must be one level up) at ``position``."""
        parent_node = self.node(parent)
        if parent_node.depth != depth - 1:
            raise ValueError("a node goes directly under the level above it")
        position = max(0, min(position, len(parent_node.children)))
        self.beginInsertRows(parent, position, position)
        values = self._spec.row_values(target, ()) if self._spec else (target,)
        node = parent_node.adopt(Node(depth, name, values if depth == 3 else ()), position)
        self.endInsertRows()
        self.edited.emit(self.tr("添加%1").replace("%1", self.level_name(depth)), None)
        return self.index_of(node)

    def remove(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        node = self.node(index)
        parent = node.parent
        assert parent is not None
        row = node.row()
        self.beginRemoveRows(self.parent(index), row, row)
        del parent.children[row]
        self.endRemoveRows()
        label = node.name or self.level_name(node.depth)
        self.edited.emit(self.tr("删除“%1”").replace("%1", label), None)

    def move(self, index: QModelIndex, delta: int) -> bool:
        """Move a node up (-1) or down (+1) among its siblings."""
        if not index.isValid():
            return False
        node = self.node(index)
        parent = node.parent
        assert parent is not None
        row = node.row()
        target = row + delta
        if not 0 <= target < len(parent.children):
            return False
        description = self.tr("上移") if delta < 0 else self.tr("下移")
        return self.move_node(node, parent, target, description)

    def move_node(self, node: Node, new_parent: Node, position: int, description: str) -> bool:
        """Move ``node`` to ``position`` among ``new_parent``'s children (as they are after)."""
        old_parent = node.parent
        assert old_parent is not None
        if new_parent.depth != node.depth - 1:
            return False
        row = node.row()
        position = max(0, min(position, len(new_parent.children) - (old_parent is new_parent)))
        if old_parent is new_parent and position == row:
            return False
        # Qt counts the destination before the node is taken out of its old place.
        destination = position + 1 if old_parent is new_parent and position > row else position
        if not self.beginMoveRows(
            self.index_of(old_parent), row, row, self.index_of(new_parent), destination
        ):
            return False
        del old_parent.children[row]
        new_parent.adopt(node, position)
        self.endMoveRows()
        self.edited.emit(description, None)
        return True

    # -- drag and drop within the tree -------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            path = ",".join(str(row) for row in self.node(valid[0]).path())
            data.setData(MIME_TYPE, QByteArray(path.encode("ascii")))
        return data

    def _drop_target(
        self, data: QMimeData, row: int, parent: AnyIndex
    ) -> tuple[Node, Node, int] | None:
        """Where a drop would put the dragged node: (node, new parent, position), or None."""
        if not data.hasFormat(MIME_TYPE):
            return None
        raw = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        if not raw:
            return None
        node = self.node(self.index_at([int(r) for r in raw.split(",")]))
        if node.parent is None:
            return None
        target = self.node(parent)
        if target.depth == node.depth and target.parent is not None and row < 0:
            # Dropped onto a sibling-level node: go in front of it.
            return (
                node,
                target.parent,
                target.row() - (target.parent is node.parent and node.row() < target.row()),
            )
        if target.depth != node.depth - 1:
            return None
        if row < 0:
            row = len(target.children)
        if target is node.parent and row > node.row():
            row -= 1  # Qt's row counts the dragged node, which leaves its place first
        return node, target, row

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        found = self._drop_target(data, row, parent) if action == Qt.DropAction.MoveAction else None
        if found is not None:
            node, new_parent, position = found
            self.move_node(
                node,
                new_parent,
                position,
                self.tr("移动“%1”").replace("%1", node.name or self.level_name(node.depth)),
            )
        # Always False: the move is done, and the view must not remove the source row itself.
        return False
