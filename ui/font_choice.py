"""文件 → 打印字体…: the installed Chinese fonts by name (仿宋, 宋体, 黑体, 楷体 …), another
TrueType file, or the system's choice again.

The fonts found are :func:`perfdesk.printing.installed_fonts`; the one picked is kept in the
settings (:data:`ui.settings.PRINT_FONT`) and checked by :func:`perfdesk.printing.resolve_fonts`
before it is taken.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, settings
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from perfdesk.printing import FontFile

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class FontChoiceDialog(QDialog):
    """The installed fonts to pick from. After ``exec()``: :attr:`chosen` is the file picked,
    or None with :attr:`use_system` telling whether the system's fonts were asked for."""

    def __init__(
        self,
        fonts: list[FontFile],
        current_source: str,
        current_path: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fontChoiceDialog")
        self.setWindowTitle(self.tr("打印字体"))
        self.chosen: Path | None = None
        self.use_system = False
        current = QLabel(self.tr("当前打印字体：%1").replace("%1", current_source))
        current.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("fontList")
        for font in fonts:
            item = QListWidgetItem(f"{font.description}　{font.path}")
            item.setData(PATH_ROLE, str(font.path))
            item.setToolTip(str(font.path))
            self.list.addItem(item)
            if current_path and Path(current_path) == font.path:
                self.list.setCurrentItem(item)
        if not fonts:
            self.list.addItem(self.tr("没有找到已安装的中文 TrueType 字体"))
            self.list.setEnabled(False)
        self.list.itemDoubleClicked.connect(lambda _item: self._take_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take = QPushButton(self.tr("使用所选字体"))
        self.take.setObjectName("useSelectedFont")
        self.take.setDefault(True)
        self.take.clicked.connect(self._take_selected)
        self.other = QPushButton(self.tr("其他字体文件…"))
        self.other.setObjectName("otherFontFile")
        self.other.clicked.connect(self._pick_file)
        self.system = QPushButton(self.tr("使用系统字体"))
        self.system.setObjectName("systemFonts")
        self.system.setToolTip(self.tr("仿宋印正文、黑体印标签，按本机已安装的字体自动选择"))
        self.system.setEnabled(bool(current_path))
        self.system.clicked.connect(self._use_system)
        for button in (self.take, self.other, self.system):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(QLabel(self.tr("本机已安装的中文字体：")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, preferred=(620, 420))

    def _take_selected(self) -> None:
        item = self.list.currentItem()
        path = item.data(PATH_ROLE) if item is not None else None
        if path:
            self.chosen = Path(path)
            self.accept()

    def _pick_file(self) -> None:
        path = dialogs.open_file(
            self, self.tr("选择打印字体"), self.tr("TrueType 字体 (*.ttf *.ttc)")
        )
        if path is not None:
            self.chosen = path
            self.accept()

    def _use_system(self) -> None:
        self.use_system = True
        self.accept()


def choose_print_font(parent: QWidget, prefs: settings.Settings) -> str | None:
    """Ask which font to print with and keep it; the message for the status bar, or None when
    nothing changed."""
    from perfdesk.printing import installed_fonts, resolve_fonts  # ReportLab loads when needed

    current_path = prefs.get(settings.PRINT_FONT)
    current = resolve_fonts(Path(current_path) if current_path else None)
    source = current.source + (f"\n\n{current.fallback_reason}" if current.fallback_reason else "")
    dialog = FontChoiceDialog(installed_fonts(), source, current_path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.use_system:
        prefs.set(settings.PRINT_FONT, "")
        return QCoreApplication.translate("font_choice", "打印字体已改回系统字体")
    if dialog.chosen is None:
        return None
    picked = resolve_fonts(dialog.chosen)
    if picked.notes:
        dialogs.error(
            parent, QCoreApplication.translate("font_choice", "打印字体"), "\n".join(picked.notes)
        )
        return None
    prefs.set(settings.PRINT_FONT, str(dialog.chosen))
    return QCoreApplication.translate("font_choice", "打印字体已设为 %1").replace(
        "%1", picked.source
    )
