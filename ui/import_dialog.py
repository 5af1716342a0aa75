"""The preview before an import is stored: what was recognized, project by project, and the
warnings, with the text they came from. The officer ticks what to import and confirms."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.importing import ImportResult
from perfdesk.model import Project
from perfdesk.store import OnDuplicate

# headings, translated where shown (ImportPreview.tr)
COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreview", "年度"),
    QT_TRANSLATE_NOOP("ImportPreview", "单位"),
    QT_TRANSLATE_NOOP("ImportPreview", "项目名称"),
    QT_TRANSLATE_NOOP("ImportPreview", "字段"),
    QT_TRANSLATE_NOOP("ImportPreview", "栏目"),
    QT_TRANSLATE_NOOP("ImportPreview", "预算"),
    QT_TRANSLATE_NOOP("ImportPreview", "指标"),
    QT_TRANSLATE_NOOP("ImportPreview", "提示"),
    QT_TRANSLATE_NOOP("ImportPreview", "数据库中已有"),
)
DUPLICATE_COLUMN = len(COLUMNS) - 1
# what to do with a form the database already holds, in the order of the choice box
DUPLICATE_CHOICES = (
    (OnDuplicate.SKIP, QT_TRANSLATE_NOOP("ImportPreview", "跳过")),
    (OnDuplicate.REPLACE, QT_TRANSLATE_NOOP("ImportPreview", "替换")),
    (OnDuplicate.NEW, QT_TRANSLATE_NOOP("ImportPreview", "作为新项目")),
)


def summary_row(project: Project, warnings: int) -> tuple[str, ...]:
    """What the preview shows of one project: filled/all fields and sections, the budget
    total, the number of indicators and of warnings."""
    spec = project.spec
    fields = sum(1 for label in spec.field_labels if project.fields.get(label))
    sections = sum(1 for label in spec.sections if project.sections.get(label))
    total = project.budget.get(spec.budget_total_field)
    return (
        str(project.year),
        project.unit,
        project.name,
        f"{fields}/{len(spec.field_labels)}",
        f"{sections}/{len(spec.sections)}",
        spec.money_shown(total, exact=True) if total is not None else "—",
        str(len(project.indicator_rows())),
        str(warnings) if warnings else "",
    )


class ImportPreview(QDialog):
    def __init__(
        self,
        result: ImportResult,
        parent: QWidget | None = None,
        stored: list[int | None] | None = None,
    ) -> None:
        """``stored``: for each form, the id of the same form already in the database."""
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("导入预览"))
        self.resize(900, 560)
        self.import_result = result
        warnings = result.all_warnings()

        heading = QLabel(
            self.tr("识别出 %1 个项目。勾选要导入的项目；导入后可一步撤销。").replace(
                "%1", str(len(result.forms))
            )
        )
        heading.setWordWrap(True)

        self.projects = QTreeWidget()
        self.projects.setObjectName("importProjects")
        self.projects.setRootIsDecorated(False)
        self.projects.setHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        for form in result.forms:
            item = QTreeWidgetItem(list(summary_row(form.project, len(form.warnings))))
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(2, form.project.name)
            if form.warnings:
                item.setToolTip(7, "\n".join(str(w) for w in form.warnings))
            self.projects.addTopLevelItem(item)
        self.duplicate_choices: dict[int, QComboBox] = {}
        for row, same in enumerate(stored or []):
            if same is not None:
                self._add_duplicate_choice(row, same)
        header = self.projects.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.projects.itemChanged.connect(self._update_button)

        self.warnings = QListWidget()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.addItems([str(w) for w in warnings])
        warnings_label = QLabel(
            self.tr("提示 %1 条：这些内容没有导入或需要核对").replace("%1", str(len(warnings)))
            if warnings
            else self.tr("没有提示：全部内容都已识别。")
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.projects, 3)
        layout.addWidget(warnings_label)
        layout.addWidget(self.warnings, 2)
        layout.addWidget(buttons)
        self.warnings.setVisible(bool(warnings))
        self._update_button()

    def chosen(self) -> list[Project]:
        """The ticked projects, in file order."""
        return [
            form.project
            for row, form in enumerate(self.import_result.forms)
            if self._item(row).checkState(0) == Qt.CheckState.Checked
        ]

    def choices(self) -> list[OnDuplicate]:
        """For each ticked project, what to do if the database holds it already."""
        return [
            self.duplicate_choice(row)
            for row in range(len(self.import_result.forms))
            if self._item(row).checkState(0) == Qt.CheckState.Checked
        ]

    def duplicate_choice(self, row: int) -> OnDuplicate:
        box = self.duplicate_choices.get(row)
        return OnDuplicate.SKIP if box is None else OnDuplicate(box.currentData())

    def _add_duplicate_choice(self, row: int, same: int) -> None:
        item = self._item(row)
        box = QComboBox()
        box.setObjectName(f"duplicateChoice{row}")
        for choice, text in DUPLICATE_CHOICES:
            box.addItem(self.tr("编号 %1：").replace("%1", str(same)) + self.tr(str(text)), choice)
        box.setToolTip(self.tr("数据库中已有同一张表（表样、年度、单位、项目名称相同）"))
        self.projects.setItemWidget(item, DUPLICATE_COLUMN, box)
        self.duplicate_choices[row] = box

    def set_chosen(self, row: int, chosen: bool) -> None:
        state = Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        self._item(row).setCheckState(0, state)

    def _item(self, row: int) -> QTreeWidgetItem:
        item = self.projects.topLevelItem(row)
        assert item is not None
        return item

    def _update_button(self) -> None:
        count = len(self.chosen())
        self.import_button.setText(self.tr("导入 %1 个项目").replace("%1", str(count)))
        self.import_button.setEnabled(count > 0)
