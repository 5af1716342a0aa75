"""Modules that plug menus, actions and dock widgets into the main window.

Each module named in ``INSTALLED`` has ``install(window: ui.surface.Window) -> None`` and
uses only that typed surface of the window:

    def install(window):
        action = QAction(QCoreApplication.translate("print_actions", "打印预览…"), window)
        action.setShortcut(QKeySequence.StandardKey.Print)
        action.triggered.connect(lambda: preview(window.current_project()))
        window.add_action("file", action, section="print")
        window.add_dock(CheckPanel(), QCoreApplication.translate("check_panel", "检查"),
                        object_name="checkPanel")

Adding a feature to the window is adding a module here, not editing the window.

Texts: ``self.tr(...)`` inside a class; in a module-level function
``QCoreApplication.translate("<module name>", ...)`` with a literal context, which is what
pyside6-lupdate files the text under (``window.tr(...)`` would be looked up under
``MainWindow`` but filed under ``window``, and never translated).
"""

from __future__ import annotations

INSTALLED: tuple[str, ...] = (
    "ui.check_panel",  # 项目 → 检查表格 (F7), the 检查 dock
    "ui.review_panel",  # the 审核 dock: grade and reasons
    "ui.library_panel",  # 指标 → 指标库…
    "ui.convert_action",  # 项目 → 复制为新版表样
    "ui.import_export",  # 文件 → 导入… / 导出 Excel、Word
    "ui.print_actions",  # 文件 → 打印预览… / 打印… / 导出PDF… / 打开PDF / 批量打印… / 打印字体…
    "ui.backup_actions",  # 文件 → 导出备份… / 恢复备份… / 打开备份文件夹; automatic backups
)
