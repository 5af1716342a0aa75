"""The indicator tree on screen: edit in place with suggestions, add, delete, move, drag."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from perfdesk.layouts import Layout
from ui import dialogs
from ui.indicator_model import NAME, IndicatorModel

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# (depth, column) -> the words offered while typing there
Suggestions = Callable[[int, int], list[str]]


class SuggestingDelegate(QStyledItemDelegate):
    """A line editor with a completer over names (or 指标值) already used in the database.

    Enter stores the cell and asks the view to go down a row (``enterPressed``), as in a
    spreadsheet; Tab and Shift+Tab store it and go on to the next or previous cell (Qt's own
    ``EditNextItem``/``EditPreviousItem``, through :meth:`IndicatorTreeView.moveCursor`).
    """

    enterPressed = Signal()

    def __init__(self, model: IndicatorModel, suggestions: Suggestions, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.suggestions = suggestions

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)  # room to breathe, and for the editor

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        depth = self.model.node(index).depth
        words = self.suggestions(depth, index.column())
        if words:
            completer = QCompleter(words, editor)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in ENTER_KEYS
        ):
            # (Enter on a suggestion reaches here after the completer has put it in the line.)
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enterPressed.emit()
            return True
        return super().eventFilter(watched, event)


class IndicatorTreeView(QTreeView):
    """A tree that is typed into like a spreadsheet.

    Tab / Shift+Tab go from cell to cell in reading order (a 三级 name, its 指标值, the next
    row), also while editing; Enter goes down to the same column of the next row that has it;
    typing (letters or Chinese) starts editing the current cell and replaces its text.

    Qt opens the editor on the first input-method event but drops the event itself, losing
    what the input method had composed; here the event is handed on to the new editor.
    """

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        Move = QAbstractItemView.CursorAction
        if cursorAction in (Move.MoveNext, Move.MovePrevious):
            model = self.model()
            assert isinstance(model, IndicatorModel)
            cells = model.editable_cells()
            current = self.currentIndex()
            position = next((i for i, c in enumerate(cells) if c == current), -1)
            step = 1 if cursorAction == Move.MoveNext else -1
            target = position + step if position >= 0 else 0
            if 0 <= target < len(cells):
                return cells[target]
            return current  # the first or last cell: stay
        return super().moveCursor(cursorAction, modifiers)

    def move_down(self) -> None:
        """To the same column of the next row that has it (Enter, as in a spreadsheet)."""
        model = self.model()
        assert isinstance(model, IndicatorModel)
        current = self.currentIndex()
        cells = [c for c in model.editable_cells() if c.column() == current.column()]
        position = next((i for i, c in enumerate(cells) if c == current), -1)
        if 0 <= position < len(cells) - 1:
            self.setCurrentIndex(cells[position + 1])
            self.scrollTo(cells[position + 1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in ENTER_KEYS
            and self.state() != QAbstractItemView.State.EditingState
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.move_down()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        index = self.currentIndex()
        starts_typing = bool(event.commitString() or event.preeditString())
        if (
            self.state() != QAbstractItemView.State.EditingState
            and starts_typing
            and index.isValid()
            and self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event)
        ):
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):
                editor.clear()  # typing replaces the cell, as a typed letter does
                QCoreApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)


class IndicatorPanel(QWidget):
    """The tree with its toolbar. The actions are also put into the window's 指标 menu."""

    def __init__(
        self,
        model: IndicatorModel,
        suggestions: Suggestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = IndicatorTreeView()
        self.view.setObjectName("indicatorTree")
        self.view.setModel(model)
        delegate = SuggestingDelegate(model, suggestions, self.view)
        delegate.enterPressed.connect(self.view.move_down)
        self.view.setItemDelegate(delegate)
        self.view.setTabKeyNavigation(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setIndentation(18)
        # The value right beside its name (not across the screen); the value column takes the rest.
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NAME, self.fontMetrics().horizontalAdvance("一" * 30) + 60)
        model.modelReset.connect(self.view.expandAll)
        model.rowsInserted.connect(lambda parent, _first, _last: self.view.expand(parent))

        def action(
            text: str,
            shortcut: str | QKeySequence.StandardKey,
            slot: Callable[[], object] | None,
            name: str,
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            if slot is not None:
                act.triggered.connect(slot)
            return act

        self.add_level1 = action(
            self.tr("添加一级目标"), "Ctrl+1", lambda: self.add(1), "addLevel1"
        )
        self.add_level2 = action(
            self.tr("添加二级目标"), "Ctrl+2", lambda: self.add(2), "addLevel2"
        )
        self.add_level3 = action(
            self.tr("添加三级指标"), "Ctrl+3", lambda: self.add(3), "addLevel3"
        )
        self.delete = action(
            self.tr("删除所选"),
            QKeySequence.StandardKey.Delete,
            self.remove_current,
            "deleteIndicator",
        )
        # Delete belongs to the tree: in a text field it must still delete characters.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_up = action(self.tr("上移"), "Alt+Up", lambda: self.move_current(-1), "moveUp")
        self.move_down = action(
            self.tr("下移"), "Alt+Down", lambda: self.move_current(1), "moveDown"
        )
        # Connected by the form: the block comes from the project's layout (set_layout).
        self.has_standard_block = True
        self.standard_block = action(
            self.tr("插入标准指标"), "Ctrl+Shift+B", None, "insertStandardBlock"
        )
        for act, short in (
            (self.add_level1, self.tr("一级")),
            (self.add_level2, self.tr("二级")),
            (self.add_level3, self.tr("三级")),
            (self.delete, self.tr("删除")),
            (self.standard_block, self.tr("标准指标")),
        ):
            act.setIconText(short)  # the toolbar's short label; menus show the full text
        self.actions_in_order = [
            self.add_level1,
            self.add_level2,
            self.add_level3,
            None,
            self.move_up,
            self.move_down,
            self.delete,
            None,
            self.standard_block,
        ]
        self.view.addActions([self.delete])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for entry in self.actions_in_order:
            if entry is not None and entry is not self.delete:
                self.view.addAction(entry)

        # The heading (e.g. 2020年绩效目标) and the actions on one line: the rows keep the room.
        self.title = QLabel()
        self.title.setObjectName("indicatorTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.toolbar = QWidget()
        self.toolbar.setObjectName("indicatorToolbar")
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        bar.addWidget(self.title)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("添加：")))
        for item in self.actions_in_order:
            if item is None:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                bar.addWidget(separator)
            else:
                button = QToolButton()
                button.setDefaultAction(item)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setAutoRaise(True)
                bar.addWidget(button)
        bar.addStretch(1)
        self._update_tooltips()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self.update_actions())
        model.modelReset.connect(self.update_actions)
        model.rowsRemoved.connect(lambda *_: self.update_actions())
        model.rowsMoved.connect(lambda *_: self.update_actions())
        self.update_actions()

    def set_layout(self, spec: Layout) -> None:
        """Word the actions as the layout's form does: 一级目标 on the 2020 form, 一级指标 on
        the current one; the standard block says what it inserts."""
        for act, depth in ((self.add_level1, 1), (self.add_level2, 2), (self.add_level3, 3)):
            act.setText(self.tr("添加%1").replace("%1", spec.level_name(depth)))
        heads = list(dict.fromkeys(row.level1 for row in spec.standard_block))
        if heads:
            self.standard_block.setText(
                self.tr("插入标准指标：%1（%2 项）")
                .replace("%1", "、".join(heads))
                .replace("%2", str(len(spec.standard_block)))
            )
        else:
            self.standard_block.setText(self.tr("插入标准指标"))
        self.has_standard_block = bool(heads)
        self.standard_block.setEnabled(self.has_standard_block)
        self._update_tooltips()

    def _update_tooltips(self) -> None:
        """Each action's full text and shortcut, also on the toolbar's short buttons."""
        for act in self.actions_in_order:
            if act is not None:
                keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                act.setToolTip(self.tr("%1（%2）").replace("%1", act.text()).replace("%2", keys))

    def commit_editor(self) -> None:
        """Store what is being typed in a cell (before undo, another project, closing)."""
        editor = self.view.indexWidget(self.view.currentIndex())
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # -- what the officer does -------------------------------------------------------------

    def _ancestor(self, depth: int) -> QModelIndex:
        """The current node's ancestor (or itself) at ``depth``; invalid if above that."""
        index = self.view.currentIndex().siblingAtColumn(NAME)
        while index.isValid() and self.model.node(index).depth > depth:
            index = index.parent()
        if index.isValid() and self.model.node(index).depth == depth:
            return index
        return QModelIndex()

    def add(self, depth: int) -> QModelIndex:
        """Add a node at ``depth`` after the current one (or at the end of the right group)."""
        if depth == 1:
            parent = QModelIndex()
        else:
            parent = self._ancestor(depth - 1)
            if not parent.isValid():
                # The current node is above the level: add under its last child of that level.
                parent = self._last_at(depth - 1)
                if not parent.isValid():
                    return QModelIndex()
        sibling = self._ancestor(depth)
        position = sibling.row() + 1 if sibling.isValid() else self.model.rowCount(parent)
        index = self.model.insert_node(parent, position, depth)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)
        return index

    def _last_at(self, depth: int) -> QModelIndex:
        index = self.view.currentIndex().siblingAtColumn(NAME)
        if not index.isValid():
            count = self.model.rowCount()
            index = self.model.index(count - 1, NAME) if count else QModelIndex()
        while index.isValid() and self.model.node(index).depth < depth:
            count = self.model.rowCount(index)
            if not count:
                return QModelIndex()
            index = self.model.index(count - 1, NAME, index)
        return index

    def remove_current(self) -> None:
        """Delete the current node; a group with something under it only after asking."""
        index = self.view.currentIndex().siblingAtColumn(NAME)
        if not index.isValid():
            return
        node = self.model.node(index)
        if node.depth < 3 and node.children:
            level = self.model.level_name(node.depth)
            count = self.model.indicator_count(index)
            # what goes: the 三级 indicators, or (a 一级 with empty 二级 groups only) the groups
            below = self.model.level_name(3) if count else self.model.level_name(2)
            question = (
                self.tr("删除%1“%2”及其下的 %3 个%4？\n\n删除后可以用“撤销”（Ctrl+Z）恢复。")
                .replace("%1", level)
                .replace("%2", node.name or self.tr("（未填写）"))
                .replace("%3", str(count or len(node.children)))
                .replace("%4", below)
            )
            if not dialogs.confirm(
                self, self.tr("删除%1").replace("%1", level), question, action=self.tr("删除")
            ):
                return
        path = node.path()
        self.model.remove(index)
        self._select_path(path)

    def move_current(self, delta: int) -> None:
        index = self.view.currentIndex().siblingAtColumn(NAME)
        if index.isValid():
            node = self.model.node(index)
            if self.model.move(index, delta):
                self.view.setCurrentIndex(self.model.index_of(node))

    def _select_path(self, path: list[int]) -> None:
        if not path:
            return
        index = self.model.index_at(path)
        if not index.isValid() and path[-1] > 0:
            index = self.model.index_at([*path[:-1], path[-1] - 1])
        if not index.isValid() and len(path) > 1:
            index = self.model.index_at(path[:-1])
        self.view.setCurrentIndex(index)

    def current_path(self) -> list[int]:
        index = self.view.currentIndex().siblingAtColumn(NAME)
        return self.model.node(index).path() if index.isValid() else []

    def update_actions(self) -> None:
        index = self.view.currentIndex()
        has = index.isValid()
        has_level1 = self.model.rowCount() > 0
        self.add_level2.setEnabled(has_level1)
        self.add_level3.setEnabled(
            has_level1
            and any(
                self.model.rowCount(self.model.index(r, NAME)) for r in range(self.model.rowCount())
            )
        )
        self.delete.setEnabled(has)
        self.standard_block.setEnabled(self.has_standard_block)
        row = index.row() if has else -1
        self.move_up.setEnabled(has and row > 0)
        self.move_down.setEnabled(has and row < self.model.rowCount(index.parent()) - 1)
