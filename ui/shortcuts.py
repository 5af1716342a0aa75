"""帮助 → 键盘快捷键 (F1): every shortcut of the window in two aligned columns."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.screen import fit_to_screen


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every action of ``window`` with a shortcut, by what it does."""
    found: dict[str, str] = {}
    for act in window.findChildren(QAction):
        if act.shortcut().isEmpty() or not act.text():
            continue
        keys = " / ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in act.shortcuts()
        )
        found.setdefault(act.text().replace("&", ""), keys)
    return sorted(found.items())


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("键盘快捷键"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("操作"), self.tr("快捷键")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, preferred=(520, 640))


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    dialog = ShortcutsDialog(shortcut_rows(window), window)
    dialog.open()
    return dialog
