"""The form's header, budget and narrative sections, with an editor fitting each field.

The editors never write to the store themselves: each change goes to ``commit(description,
change, merge_key)``, which the window turns into one stored, undoable step. Typing is saved
after a short pause (``SAVE_DELAY_MS``) and at once when the focus moves, the project changes
or the window closes (:meth:`PendingEdits.flush`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import FieldKind, FieldSpec, Layout
from perfdesk.model import Project
from perfdesk.values import normalize_date, parse_date, parse_money_in_unit

SAVE_DELAY_MS = 300

Change = Callable[[Project], None]
Commit = Callable[[str, Change, str | None], None]

INVALID_STYLE = "border: 1px solid #d9534f; background: #fff4f4;"


class PendingEdits(QObject):
    """Typing waits here briefly, so a burst of keystrokes is one save, not twenty.

    ``changed`` tells when :meth:`has_pending` may have changed (the title says 正在保存…).
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: str, save: Callable[[], None]) -> None:
        self._pending[key] = save
        self._timer.start()
        self.changed.emit()

    def drop(self, key: str) -> None:
        """Forget a waiting save (what was typed since is not a valid value)."""
        if self._pending.pop(key, None) is not None:
            self.changed.emit()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for save in pending.values():
            save()
        if pending:
            self.changed.emit()


class WheelGuard(QObject):
    """The wheel over a field without focus scrolls the form instead of changing the field.

    A year, a choice or a date changed by one notch while the officer only meant to scroll is
    a change nobody sees; once the field has focus (clicked or tabbed into) the wheel works.
    """

    def guard(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not focus it either

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or watched.hasFocus()
        ):
            return False
        assert isinstance(event, QWheelEvent)
        area = _scroll_area_of(watched)
        if area is not None:
            bar = area.verticalScrollBar()
            notches = event.angleDelta().y() / 120
            bar.setValue(bar.value() - round(notches * 3 * bar.singleStep()))
        return True  # never to the field itself


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _calendar_icon(color: QColor) -> QIcon:
    """A small drawn calendar (the platform styles have no such standard icon)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color)
    pen.setWidthF(2.4)
    painter.setPen(pen)
    painter.drawRoundedRect(4, 7, 24, 21, 3, 3)
    painter.fillRect(4, 7, 24, 6, color)
    painter.drawLine(10, 3, 10, 9)
    painter.drawLine(22, 3, 22, 9)
    for row in range(2):
        for col in range(3):
            painter.fillRect(9 + col * 6, 16 + row * 6, 3, 3, color)
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date typed any usual way (2020-01-01, 2020/1/1, 2020年1月1日) or picked; blank allowed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self._menu = menu
        pick = QAction(_calendar_icon(self.palette().text().color()), self.tr("选择日期"), self)
        pick.triggered.connect(self._show_calendar)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar.clicked.connect(self._picked)

    def _show_calendar(self) -> None:
        try:
            day = parse_date(self.text())
        except InvalidValueError:
            day = None
        if day:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _picked(self, day: QDate) -> None:
        self._menu.close()
        self.setText(day.toString("yyyy-MM-dd"))
        self.editingFinished.emit()


class MoneyField(QLineEdit):
    """An amount in the layout's unit (元, or 万元 on the central template): accepts
    1,000,000, full-width digits and blank; shows separators."""

    def __init__(self, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_spec = layout
        decimals = layout.money_decimals
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # room for a hundred million 元 with fen, so two budget columns never clip amounts
        sample = "000,000,000" + ("." + "0" * decimals if decimals else "")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(sample) + 24)
        self.setPlaceholderText(self.tr("空白（不填）"))

    def show_value(self, value: Decimal | None) -> None:
        self.setText(self.layout_spec.money_shown(value, exact=True))

    def amount(self) -> Decimal | None:
        """The typed text in 元 (InvalidValueError when it is not an amount)."""
        return parse_money_in_unit(self.text(), self.layout_spec.money_scale)


class HeaderForm(QWidget):
    """The header fields of the layout, in print order."""

    problem = Signal(str)

    def __init__(
        self, pending: PendingEdits, commit: Commit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("headerForm")
        self.pending = pending
        self.commit = commit
        self.layout_key = ""
        self.editors: dict[str, QWidget] = {}
        self.stored: dict[str, str] = {}  # the values as stored, to put back a rejected one
        self.wheel_guard = WheelGuard(self)
        self._loading = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def build(self, layout: Layout) -> None:
        if layout.key == self.layout_key:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.layout_key = layout.key
        for spec in layout.fields:
            editor = self._make_editor(spec)
            editor.setObjectName(f"field:{spec.label}")
            editor.setAccessibleName(spec.label)
            editor.setToolTip(self._tooltip(spec))
            if isinstance(editor, QComboBox | DateField):
                self.wheel_guard.guard(editor)
            self.editors[spec.label] = editor
            label = QLabel(spec.label + "：")
            label.setToolTip(editor.toolTip())
            label.setBuddy(editor)
            self.form.addRow(label, editor)

    def _tooltip(self, spec: FieldSpec) -> str:
        """What the bureau expects (from the layout), the standard choices, how dates are typed."""
        lines = [spec.hint] if spec.hint else []
        if spec.kind is FieldKind.CHOICE:
            lines.append(self.tr("可选：%1；也可直接输入").replace("%1", "、".join(spec.choices)))
        elif spec.kind is FieldKind.YESNO:
            lines.append(self.tr("可选：%1").replace("%1", "、".join(spec.choices or ("是", "否"))))
        elif spec.kind is FieldKind.DATE:
            lines.append(
                self.tr("如 2020-01-01，也可输入 2020/1/1 或 2020年1月1日；右侧按钮打开日历")
            )
        if not spec.required:
            lines.append(self.tr("可不填"))
        return "\n".join(lines)

    def _make_editor(self, spec: FieldSpec) -> QWidget:
        label = spec.label
        if spec.kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(spec.choices))
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # No completer: inline completion and popups get in the way of an input method,
            # and the few standard choices are one Alt+↓ away.
            combo.setCompleter(None)  # type: ignore[arg-type]  # None is allowed: no completer
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.tr("选择或输入"))
            combo.editTextChanged.connect(lambda text, lb=label: self._typed(lb, text))
            return combo
        if spec.kind is FieldKind.YESNO:
            combo = QComboBox()
            combo.addItem("", "")
            for choice in spec.choices or ("是", "否"):
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(
                lambda _i, lb=label, c=combo: self._chosen(lb, c.currentData())
            )
            return combo
        if spec.kind is FieldKind.DATE:
            date_field = DateField()
            date_field.textChanged.connect(lambda text, lb=label: self._date_typed(lb, text))
            date_field.editingFinished.connect(lambda lb=label: self._date_finished(lb))
            return date_field
        line = QLineEdit()
        # textChanged, not textEdited: the field's own undo (context menu) is stored too.
        line.textChanged.connect(lambda text, lb=label: self._typed(lb, text))
        return line

    def load(self, project: Project, *, keep_typing: bool = False) -> None:
        """Show the project's fields; ``keep_typing``: leave the field being typed in alone
        (after an edit it holds what the officer typed, e.g. 2021/1/1 for 2021-01-01)."""
        self.build(project.spec)
        self.stored = dict(project.fields)
        typing = QApplication.focusWidget() if keep_typing else None
        self._loading = True
        try:
            for spec in project.spec.fields:
                value = project.fields.get(spec.label, "")
                editor = self.editors[spec.label]
                if typing is not None and (editor is typing or editor.isAncestorOf(typing)):
                    continue
                if isinstance(editor, QComboBox) and editor.isEditable():
                    if editor.currentText() != value:
                        editor.setEditText(value)
                elif isinstance(editor, QComboBox):
                    index = editor.findData(value)
                    if index < 0:  # an unusual value from an import: show it as it is
                        editor.addItem(value, value)
                        index = editor.count() - 1
                    editor.setCurrentIndex(index)
                elif isinstance(editor, QLineEdit) and editor.text() != value:
                    editor.setText(value)
                    _mark_valid(editor)
        finally:
            self._loading = False

    def _typed(self, label: str, text: str) -> None:
        if self._loading:
            return
        self.pending.schedule(label, lambda: self._save(label, text))

    def _chosen(self, label: str, value: str) -> None:
        if not self._loading:
            self._save(label, value)

    def _save(self, label: str, value: str) -> None:
        self.commit(
            self.tr("修改%1").replace("%1", label),
            lambda p: p.set_field(label, value),
            f"field:{label}",
        )

    def _date_typed(self, label: str, text: str) -> None:
        if self._loading:
            return
        try:
            normalize_date(text)
        except InvalidValueError:
            self.pending.drop(label)  # half a date is not stored; said so when the field is left
            return
        _mark_valid(self.editors[label])
        self._typed(label, text)

    def _date_finished(self, label: str) -> None:
        editor = self.editors[label]
        assert isinstance(editor, QLineEdit)
        try:
            normalized = normalize_date(editor.text())
        except InvalidValueError as exc:
            self._put_back(label, editor, str(exc))
            return
        _mark_valid(editor)
        if editor.text() != normalized:
            editor.setText(normalized)

    def _put_back(self, label: str, editor: QLineEdit, reason: str) -> None:
        """A date that is not one: the stored value comes back on screen, and the officer is
        told what was not taken (the screen never shows what is not stored)."""
        old = self.stored.get(label, "")
        self._loading = True
        try:
            editor.setText(old)
        finally:
            self._loading = False
        _flash_rejected(editor, reason)
        self.problem.emit(
            self.tr("%1，未保存；“%2”仍为“%3”")
            .replace("%1", reason)
            .replace("%2", label)
            .replace("%3", old or self.tr("空白"))
        )

    def settle(self) -> None:
        """Put back every date field whose text is not a date (before another project shows)."""
        for label, editor in self.editors.items():
            if isinstance(editor, DateField):
                try:
                    normalize_date(editor.text())
                except InvalidValueError as exc:
                    self._put_back(label, editor, str(exc))


REJECTED_MARK_MS = 4000


def _flash_rejected(editor: QWidget, message: str) -> None:
    """Mark a field whose typed value was not taken, for a few seconds: the eye goes there."""
    editor.setStyleSheet(INVALID_STYLE)
    editor.setProperty("rejected", message)
    QTimer.singleShot(REJECTED_MARK_MS, editor, lambda: _mark_valid(editor))


def _mark_valid(editor: QWidget) -> None:
    if editor.styleSheet():
        editor.setStyleSheet("")
        editor.setProperty("rejected", None)


class BudgetForm(QWidget):
    """The budget amounts, headed as on the form."""

    problem = Signal(str)

    def __init__(
        self, pending: PendingEdits, commit: Commit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("budgetForm")
        self.pending = pending
        self.commit = commit
        self.layout_key = ""
        self.editors: dict[str, MoneyField] = {}
        self.stored: dict[str, Decimal | None] = {}  # as stored, to put back a rejected amount
        self._loading = False
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)

    def build(self, layout: Layout) -> None:
        """One label | amount pair per row, column by column as the form prints them;
        the parts of a total (其中：…) indented under it."""
        if layout.key == self.layout_key:
            return
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: the deletion waits for the event loop
                widget.deleteLater()
        self.editors.clear()
        self.layout_key = layout.key
        for column, specs in enumerate(layout.budget_columns):
            for row, spec in enumerate(specs):
                field = MoneyField(layout)
                field.setObjectName(f"budget:{spec.label}")
                field.setAccessibleName(spec.printed)
                if layout.money_scale == 1:
                    tip = self.tr(
                        "%1：以元为单位，如 1,000,000 或 1000000（不要写“万”）；"
                        "不填留空白，空白不等于 0"
                    )
                else:
                    tip = self.tr(
                        "%1：以%2为单位，输入 12.5 即 %3 元；保存为元，不会有误差；"
                        "不填留空白，空白不等于 0"
                    )
                    tip = tip.replace("%2", layout.money_unit).replace(
                        "%3", f"{Decimal('12.5') * layout.money_scale:,.0f}"
                    )
                field.setToolTip(tip.replace("%1", spec.printed))
                field.textChanged.connect(lambda text, lb=spec.label: self._typed(lb, text))
                field.editingFinished.connect(lambda lb=spec.label: self._finished(lb))
                self.editors[spec.label] = field
                # a part of a total reads as on the form, 其中：财政资金 (one colon is enough)
                text = layout.budget_label(spec.label)
                label = QLabel(text if "：" in text else text + "：")
                label.setBuddy(field)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not spec.part_of and layout.budget_parts(spec.label):
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                self.grid.addWidget(label, row, 2 * column)
                self.grid.addWidget(field, row, 2 * column + 1)
                self.grid.setColumnStretch(2 * column + 1, 1)

    def load(self, project: Project) -> None:
        self.build(project.spec)
        self.stored = dict(project.budget)
        self._loading = True
        try:
            for label, field in self.editors.items():
                value = project.budget.get(label)
                if field.hasFocus() and _same_amount(field, value):
                    continue  # the officer is typing this amount: leave the text alone
                field.show_value(value)
                _mark_valid(field)
        finally:
            self._loading = False

    def _typed(self, label: str, text: str) -> None:
        if self._loading:
            return
        field = self.editors[label]
        try:
            value = field.amount()
        except InvalidValueError:
            self.pending.drop(f"budget:{label}")  # not stored; said so when the field is left
            return
        _mark_valid(field)
        self.pending.schedule(
            f"budget:{label}",
            lambda: self.commit(
                self.tr("修改%1").replace("%1", label),
                lambda p: p.set_budget(label, value),
                f"budget:{label}",
            ),
        )

    def _finished(self, label: str) -> None:
        field = self.editors[label]
        try:
            value = field.amount()
        except InvalidValueError as exc:
            self._put_back(label, str(exc))
            return
        _mark_valid(field)
        field.show_value(value)

    def _put_back(self, label: str, reason: str) -> None:
        """An amount that is not one: the stored amount comes back on screen, and the officer
        is told what was not taken."""
        field = self.editors[label]
        old = self.stored.get(label)
        self._loading = True
        try:
            field.show_value(old)
        finally:
            self._loading = False
        _flash_rejected(field, reason)
        self.problem.emit(
            self.tr("%1，未保存；“%2”仍为“%3”")
            .replace("%1", reason)
            .replace("%2", label)
            .replace("%3", field.text() or self.tr("空白"))
        )

    def settle(self) -> None:
        """Put back every amount whose text is not an amount (before another project shows)."""
        for label, field in self.editors.items():
            try:
                field.amount()
            except InvalidValueError as exc:
                self._put_back(label, str(exc))


def _same_amount(field: MoneyField, value: Decimal | None) -> bool:
    try:
        return field.amount() == value
    except InvalidValueError:
        return False


class SectionTabs(QWidget):
    """One tab per narrative section, plain text, with a character count; empty tabs say so."""

    def __init__(
        self, pending: PendingEdits, commit: Commit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pending = pending
        self.commit = commit
        self.layout_key = ""
        self.labels: list[str] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        self.holding = ""  # the layout's holding section (never printed)
        self._loading = False
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sectionTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.count = QLabel()
        self.count.setObjectName("sectionCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.count)
        self.tabs.currentChanged.connect(lambda _i: self._update_count())

    def build(self, layout: Layout) -> None:
        if layout.key == self.layout_key:
            return
        self.tabs.clear()
        self.editors.clear()
        self.layout_key = layout.key
        self.labels = list(layout.sections)
        for label in layout.sections:
            editor = QPlainTextEdit()
            editor.setObjectName(f"section:{label}")
            editor.setAccessibleName(label)
            editor.setTabChangesFocus(True)
            editor.setUndoRedoEnabled(False)  # Ctrl+Z is PerfDesk's undo, which is stored
            editor.setPlaceholderText(self.tr("在此填写“%1”").replace("%1", label))
            editor.textChanged.connect(lambda lb=label: self._typed(lb))
            self.editors[label] = editor
            self.tabs.addTab(editor, label)
        self.holding = layout.holding_section

    def load(self, project: Project) -> None:
        self.build(project.spec)
        self._loading = True
        try:
            for label, editor in self.editors.items():
                text = project.sections.get(label, "")
                if editor.toPlainText() != text:
                    editor.setPlainText(text)
        finally:
            self._loading = False
        self._update_marks()
        if self.holding:
            # Converted content waiting to be placed: shown only while there is some.
            self.tabs.setTabVisible(
                self.labels.index(self.holding), bool(project.sections.get(self.holding))
            )
        self._update_count()

    def empty_sections(self) -> list[str]:
        return [label for label, editor in self.editors.items() if not editor.toPlainText().strip()]

    def _typed(self, label: str) -> None:
        if self._loading:
            return  # load() updates the marks once at the end
        self._update_count()
        self._update_marks()
        text = self.editors[label].toPlainText()
        self.pending.schedule(
            f"section:{label}",
            lambda: self.commit(
                self.tr("修改%1").replace("%1", label),
                lambda p: p.set_section(label, text),
                f"section:{label}",
            ),
        )

    def _update_marks(self) -> None:
        empty = set(self.empty_sections())
        bar = self.tabs.tabBar()
        for index, label in enumerate(self.labels):
            is_empty = label in empty
            text = label + (self.tr("（空）") if is_empty else "")
            tip = self.tr("此栏目尚未填写") if is_empty else ""
            if label == self.holding:
                tip = self.tr(
                    "从旧表样转来、新表样没有对应栏目的内容：不打印，请移到合适的位置后删去"
                )
            self.tabs.setTabToolTip(index, tip)
            if self.tabs.tabText(index) == text:
                continue  # relaying out the tab bar is the slow part
            self.tabs.setTabText(index, text)
            bar.setTabTextColor(
                index, Qt.GlobalColor.gray if is_empty else bar.palette().text().color()
            )

    def _update_count(self) -> None:
        index = self.tabs.currentIndex()
        if index < 0:
            self.count.clear()
            return
        text = self.editors[self.labels[index]].toPlainText()
        self.count.setText(self.tr("%1 字").replace("%1", str(len(text.replace("\n", "")))))
