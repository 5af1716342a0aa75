"""Backups in the window: 导出备份…, 恢复备份…, 打开备份文件夹, automatic backups on a timer
and at exit, and the offer of the newest good backup when the database is damaged at start.

The work is done by :mod:`perfdesk.backup`; this module only asks and tells.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction

from perfdesk.backup import (
    AutoBackup,
    BackupInfo,
    create_backup,
    default_backup_name,
    newest_good_backup,
    read_manifest,
    restore_backup,
)
from perfdesk.errors import DamagedDatabaseError, PerfDeskError
from perfdesk.paths import backup_dir
from perfdesk.store import Store, damaged_message
from ui import dialogs, settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TICK_MS = 60_000  # how often to see whether an automatic backup is due


class BackupActions(QObject):
    """The backup menu items and automatic backups of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backupActions")
        self.window = window
        minutes = max(1, window.settings.get(settings.BACKUP_MINUTES))
        self.auto = AutoBackup(window.store, interval_minutes=minutes)

        self.export_action = self._action("exportBackupAction", self.tr("导出备份…"), self.export)
        self.export_action.setToolTip(self.tr("把全部项目保存为一个备份文件（可在程序运行时进行）"))
        self.restore_action = self._action(
            "restoreBackupAction", self.tr("恢复备份…"), self.restore
        )
        self.restore_action.setToolTip(
            self.tr("用备份文件替换当前数据库；替换前会先备份当前数据库")
        )
        self.folder_action = self._action(
            "openBackupFolderAction", self.tr("打开备份文件夹"), self.open_folder
        )
        self.folder_action.setToolTip(str(self.auto.folder))

        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        window.installEventFilter(self)

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.add_action("file", action, section="backup")
        return action

    # -- automatic backups ---------------------------------------------------------------

    def tick(self) -> BackupInfo | None:
        """Back up if something changed and the interval has passed."""
        return self._automatic(at_exit=False)

    def _automatic(self, *, at_exit: bool) -> BackupInfo | None:
        try:
            info = self.auto.maybe_backup(at_exit=at_exit)
        except sqlite3.ProgrammingError:
            return None  # the database was already closed: there is nothing left to back up
        except (PerfDeskError, sqlite3.Error) as exc:
            message = self.tr("自动备份失败：%1").replace("%1", str(exc))
            if at_exit:
                dialogs.warning(self.window, self.tr("自动备份"), message)
            else:
                self.window.show_problem(message)
            return None
        if info is not None and not at_exit:
            self.window.statusBar().showMessage(
                self.tr("已自动备份到 %1").replace("%1", str(info.path)), 5000
            )
        return info

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.window.flush()  # typing not yet stored belongs in the last backup too
            self.timer.stop()
            self._automatic(at_exit=True)
        return False

    # -- the menu items ------------------------------------------------------------------

    def export(self) -> BackupInfo | None:
        suggested = Path.home() / default_backup_name()
        target = dialogs.output_file(
            self.window,
            self.tr("导出备份"),
            self.tr("PerfDesk 备份 (*.zip)"),
            str(suggested),
            ".zip",
        )
        if target is None:
            return None
        self.window.flush()
        try:
            info = create_backup(self.window.store, target)
        except PerfDeskError as exc:
            dialogs.error(self.window, self.tr("导出备份"), str(exc))
            return None
        dialogs.information(
            self.window,
            self.tr("导出备份"),
            self.tr("已把 %1 个项目备份到\n%2")
            .replace("%1", str(info.manifest.project_count))
            .replace("%2", str(info.path)),
        )
        return info

    def restore(self) -> bool:
        source = dialogs.open_file(
            self.window,
            self.tr("恢复备份"),
            self.tr("PerfDesk 备份 (*.zip);;数据库文件 (*.db);;所有文件 (*)"),
            str(self.auto.folder),
        )
        if source is None:
            return False
        try:
            described = describe_backup(source)
        except PerfDeskError as exc:
            dialogs.error(self.window, self.tr("恢复备份"), str(exc))
            return False
        question = (
            self.tr(
                "用这个备份替换当前数据库中的全部项目？\n\n%1\n\n当前数据库会先保存到备份文件夹，可以再恢复回来。"
            )
        ).replace("%1", described)
        if not dialogs.confirm(self.window, self.tr("恢复备份"), question, action=self.tr("恢复")):
            return False
        self.window.flush()
        try:
            # The window's own connection stays open: the restore is one SQLite transaction
            # that this connection sees like any other committed change.
            result = restore_backup(source, self.window.store.path)
        except PerfDeskError as exc:
            dialogs.error(self.window, self.tr("恢复备份"), str(exc))
            return False
        self.window.history.clear()  # the undo steps were about the replaced projects
        self.window.reload_projects()
        kept = (
            self.tr("\n恢复前的数据库已保存为：\n%1").replace("%1", str(result.safety_copy))
            if result.safety_copy
            else ""
        )
        dialogs.information(
            self.window,
            self.tr("恢复备份"),
            self.tr("已恢复 %1 个项目。").replace("%1", str(result.project_count)) + kept,
        )
        return True

    def open_folder(self) -> None:
        folder = self.auto.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            dialogs.error(
                self.window,
                self.tr("打开备份文件夹"),
                self.tr("%1：%2").replace("%1", str(folder)).replace("%2", str(exc)),
            )
            return
        dialogs.open_folder(folder)


def describe_backup(path: Path) -> str:
    """One line about a backup for the confirmation question (its archive is checked)."""
    if path.suffix.lower() == ".db":
        return QCoreApplication.translate("backup_actions", "数据库文件 %1").replace(
            "%1", str(path)
        )
    manifest = read_manifest(path)
    return (
        QCoreApplication.translate("backup_actions", "%1\n备份于 %2，共 %3 个项目")
        .replace("%1", str(path))
        .replace("%2", f"{manifest.created_at:%Y-%m-%d %H:%M}")
        .replace("%3", str(manifest.project_count))
    )


def open_or_offer_restore(path: Path, checked: Future[list[str]] | None = None) -> Store | None:
    """Open the database; if it is damaged, say so and offer the newest good backup.

    ``checked`` is a quick check of the file already under way; without one, the store runs
    it. Returns the open store, or ``None`` when the window should not start (the message has
    been shown). A damaged file is never written to: the restore keeps it as it is in the
    backup folder.
    """
    try:
        if checked is not None:
            problems = checked.result()
            if problems:
                raise DamagedDatabaseError(damaged_message(path, problems))
            return Store(path, quick_check=False)
        return Store(path)
    except DamagedDatabaseError as exc:
        damage = str(exc)
    except PerfDeskError as exc:
        dialogs.error(None, "PerfDesk", str(exc))
        return None
    good = newest_good_backup(path)
    if good is None:
        dialogs.error(
            None,
            "PerfDesk",
            damage
            + QCoreApplication.translate(
                "backup_actions",
                "\n\n备份文件夹 %1 中没有可用的备份。请保留这个文件，不要删除或覆盖它，并请技术人员协助修复。",
            ).replace("%1", str(backup_dir(path))),
        )
        return None
    question = (
        damage
        + "\n\n"
        + QCoreApplication.translate(
            "backup_actions",
            "最新的完好备份：\n%1\n备份于 %2，共 %3 个项目。\n\n现在用它恢复吗？损坏的文件会原样保存在备份文件夹中。",
        )
        .replace("%1", str(good.path))
        .replace("%2", f"{good.manifest.created_at:%Y-%m-%d %H:%M}")
        .replace("%3", str(good.manifest.project_count))
    )
    if not dialogs.confirm(
        None, "PerfDesk", question, action=QCoreApplication.translate("backup_actions", "恢复")
    ):
        return None
    try:
        result = restore_backup(good.path, path)
        store = Store(path)
    except PerfDeskError as exc:
        dialogs.error(None, "PerfDesk", str(exc))
        return None
    dialogs.information(
        None,
        "PerfDesk",
        QCoreApplication.translate(
            "backup_actions", "已从备份恢复 %1 个项目。损坏的文件保存为：\n%2"
        )
        .replace("%1", str(result.project_count))
        .replace("%2", str(result.safety_copy)),
    )
    return store


def install(window: MainWindow) -> None:
    BackupActions(window)  # a child of the window: found with findChild(BackupActions)
