"""Backups in the window: 导出备份…, 恢复备份…, 打开备份文件夹, automatic backups on a timer
and at exit, and the offer of the newest good backup when the database is damaged at start.

The work is done by :mod:`perfdesk.backup` in a worker (:mod:`ui.jobs`) from a connection of
its own, so the window stays responsive and saving goes on; this module only asks and tells.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from perfdesk.backup import (
    AutoBackup,
    BackupInfo,
    RestoreResult,
    create_backup,
    default_backup_name,
    newest_good_backup,
    read_manifest,
    restore_backup,
)
from perfdesk.errors import DamagedDatabaseError, PerfDeskError
from perfdesk.paths import backup_dir
from perfdesk.progress import Steps
from perfdesk.store import Store, closed_cleanly, damaged_message
from ui import dialogs, jobs, settings

if TYPE_CHECKING:
    from ui.surface import Window

TICK_MS = 60_000  # how often to see whether an automatic backup is due
CHECK_POLL_MS = 50  # how often a window opened beside the start-up check looks for its end


class BackupActions(QObject):
    """The backup menu items and automatic backups of one window."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.as_widget())
        self.setObjectName("backupActions")
        self.window = window
        self.widget = window.as_widget()  # the parent of its dialogs
        self.jobs = jobs.runner(window.as_widget())
        minutes = max(1, window.settings.get(settings.BACKUP_MINUTES))
        self.auto = AutoBackup(window.store, interval_minutes=minutes)
        self.auto_job: jobs.Job | None = None

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
        self.jobs.closing.connect(self._closing)

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(text, self.widget)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.add_action("file", action, section="backup")
        return action

    # -- automatic backups ---------------------------------------------------------------

    def tick(self) -> jobs.Job | None:
        """Back up (in a worker) if something changed and the interval has passed."""
        if self.auto_job is not None and self.auto_job.running:
            return None  # the last one is still being written
        return self._automatic(at_exit=False)

    def _closing(self) -> None:
        self.window.flush()  # typing not yet stored belongs in the last backup too
        self.timer.stop()
        self._automatic(at_exit=True)  # finished before the process exits (ui.app)

    def _automatic(self, *, at_exit: bool) -> jobs.Job | None:
        title = self.tr("自动备份")
        try:
            due = self.auto.due_backup(at_exit=at_exit)
        except sqlite3.ProgrammingError:
            return None  # the database was already closed: there is nothing left to back up
        except (PerfDeskError, sqlite3.Error) as exc:
            self._automatic_failed(exc, at_exit)
            return None
        if due is None:
            return None
        previous, database = self.auto_job, self.window.store.path

        def work(steps: Steps) -> BackupInfo:
            if previous is not None:
                previous.wait()  # one backup after the other, never two snapshots at once
            with jobs.job_store(database) as source:
                return self.auto.take(
                    due, source, progress=steps.progress, cancelled=steps.cancelled
                )

        def done(info: BackupInfo) -> None:
            self.auto.taken(due)
            if not at_exit:
                self.widget.statusBar().showMessage(
                    self.tr("已自动备份到 %1").replace("%1", str(info.path)), 5000
                )

        self.auto_job = self.jobs.start(
            title,
            work,
            done=done,
            failed=lambda exc: self._automatic_failed(exc, at_exit),
            cancellable=False,
            background=True,
        )
        return self.auto_job

    def _automatic_failed(self, exc: Exception, at_exit: bool) -> None:
        message = self.tr("自动备份失败：%1").replace("%1", dialogs.explain(exc))
        if at_exit:
            dialogs.warning(None, self.tr("自动备份"), message)
        else:
            self.window.show_problem(message)

    # -- the menu items ------------------------------------------------------------------

    def export(self) -> jobs.Job | None:
        title = self.tr("导出备份")
        target = dialogs.output_file(
            self.widget, title, self.tr("PerfDesk 备份 (*.zip)"), default_backup_name(), ".zip"
        )
        if target is None:
            return None
        self.window.flush()
        database = self.window.store.path

        def work(steps: Steps) -> BackupInfo:
            with jobs.job_store(database) as source:
                return create_backup(
                    source, target, progress=steps.progress, cancelled=steps.cancelled
                )

        def done(info: BackupInfo) -> None:
            self.jobs.notify(
                self.tr("已把 %1 个项目备份到 %2")
                .replace("%1", str(info.manifest.project_count))
                .replace("%2", str(info.path)),
                info.path,
            )

        return self.jobs.start(title, work, done=done)

    def restore(self) -> jobs.Job | None:
        title = self.tr("恢复备份")
        source = dialogs.open_file(
            self.widget,
            title,
            self.tr("PerfDesk 备份 (*.zip);;数据库文件 (*.db);;所有文件 (*)"),
            str(self.auto.folder),
        )
        if source is None:
            return None
        try:
            described = describe_backup(source)
        except PerfDeskError as exc:
            dialogs.error(self.widget, title, dialogs.explain(exc))
            return None
        question = (
            self.tr(
                "用这个备份替换当前数据库中的全部项目？\n\n%1\n\n当前数据库会先保存到备份文件夹，可以再恢复回来。"
            )
        ).replace("%1", described)
        if not dialogs.confirm(self.widget, title, question, action=self.tr("恢复")):
            return None
        self.window.flush()
        database = self.window.store.path

        def work(steps: Steps) -> RestoreResult:
            # The window's own connection stays open: the restore is one SQLite transaction
            # that this connection sees like any other committed change.
            return restore_backup(
                source, database, progress=steps.progress, cancelled=steps.cancelled
            )

        def done(result: RestoreResult) -> None:
            self.window.history.clear()  # the undo steps were about the replaced projects
            self.window.reload_projects()
            kept = (
                self.tr("\n恢复前的数据库已保存为：\n%1").replace("%1", str(result.safety_copy))
                if result.safety_copy
                else ""
            )
            dialogs.information(
                self.widget,
                title,
                self.tr("已恢复 %1 个项目。").replace("%1", str(result.project_count)) + kept,
            )

        # Modal: nothing may be typed into projects that are about to be replaced.
        return self.jobs.start(title, work, done=done, modal=True)

    def open_folder(self) -> None:
        folder = self.auto.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            dialogs.error(self.widget, self.tr("打开备份文件夹"), dialogs.explain(exc))
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


def open_while_checking[W: QWidget](
    path: Path, checked: Future[list[str]], build: Callable[[Store], W]
) -> tuple[Store, W] | None:
    """Open the database and ``build`` the window on it while the start-up quick check is
    still reading the file.

    Building only reads. After an unclean end (a killed program, a power cut) the window is
    returned once the check has passed, so nothing is written before the file is known to be
    sound. A file closed cleanly is returned at once and the check goes on beside the window:
    should it find damage, the store stops writing and the officer is told
    (:func:`_stop_writing_if_damaged`). A damaged file (or one that cannot be opened) goes
    the way of :func:`open_or_offer_restore`: the window built on it is dropped unseen."""
    clean = closed_cleanly(path)  # asked first: opening the file starts a write-ahead log
    store: Store | None = None
    built: W | None = None
    try:
        store = Store(path, quick_check=None)  # (a file to migrate is checked before that write)
        built = build(store)
    except PerfDeskError:
        pass  # said below, in the words open_or_offer_restore has for it
    if store is not None and built is not None and clean and not checked.done():
        _stop_writing_if_damaged(built, store, checked)
        return store, built
    sound = checked.exception() is None and checked.result() == []
    if store is not None and built is not None and sound:
        return store, built
    if built is not None:
        built.deleteLater()  # never shown: nothing of it was written
    if store is not None:
        store.close()
    store = open_or_offer_restore(path, checked)
    return None if store is None else (store, build(store))


def _stop_writing_if_damaged(window: QWidget, store: Store, checked: Future[list[str]]) -> None:
    """When the quick check beside ``window`` ends: on damage, no more writing to ``store``
    (every change is refused in words) and the damage is told, with the way to a backup."""
    timer = QTimer(window)
    timer.setInterval(CHECK_POLL_MS)

    def poll() -> None:
        if not checked.done():
            return
        timer.stop()
        timer.deleteLater()
        try:
            problems = checked.result()
        except PerfDeskError as exc:
            dialogs.explain(exc)  # logged (another program held the file): the window goes on
            return
        if problems:
            damage = damaged_message(store.path, problems)
            store.stop_writing(DamagedDatabaseError(damage))
            dialogs.warning(window, "PerfDesk", damage)

    timer.timeout.connect(poll)
    timer.start()


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
        dialogs.error(None, "PerfDesk", dialogs.explain(exc))
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
        dialogs.error(None, "PerfDesk", dialogs.explain(exc))
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


def install(window: Window) -> None:
    BackupActions(window)  # a child of the window: found with findChild(BackupActions)
