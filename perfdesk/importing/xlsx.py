"""Reading PerfDesk's Excel export back: each sheet laid out by :mod:`perfdesk.exporting.grid`.

The reader goes by the labels on the sheet, not by fixed cell addresses, so a sheet whose
rows were resized or whose narratives were edited in Excel or WPS still reads.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.errors import InvalidValueError, PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing.grammar import grammar_for
from perfdesk.importing.model import ImportedForm, ImportResult, ImportWarning
from perfdesk.layouts import FORM, Layout, all_layouts
from perfdesk.model import IndicatorRow, Project


def read_workbook(path: Path) -> ImportResult:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise PerfDeskError(
            f"{path} 不是有效的 Excel 工作簿（.xlsx）（{exc.__class__.__name__}）"
        ) from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    result = ImportResult()
    for sheet in workbook.worksheets:
        where = f"{path.name} 工作表“{sheet.title}”"
        reader = SheetReader(sheet, where)
        form = reader.read()
        if form is not None:
            result.forms.append(form)
        elif reader.warnings:
            result.warnings.extend(reader.warnings)
        else:
            result.warnings.append(
                ImportWarning("不是 PerfDesk 导出的绩效目标表，未导入", "", where)
            )
    return result


class SheetReader:
    """One form on a grid of cells (a worksheet, or a Word export's tables as one)."""

    def __init__(self, sheet: Any, where: str) -> None:
        self.sheet = sheet
        self.where = where
        self.warnings: list[ImportWarning] = []
        # every cell of a merged range -> the range's first cell and its width in columns
        self.merged: dict[tuple[int, int], tuple[int, int, int]] = {}
        for rng in sheet.merged_cells.ranges:
            for row in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    self.merged[(row, col)] = (rng.min_row, rng.min_col, rng.max_col)

    def warn(self, message: str, text: str = "") -> None:
        self.warnings.append(ImportWarning(message, text, self.where))

    def value(self, row: int, col: int) -> Any:
        first = self.merged.get((row, col))
        if first is not None:
            row, col = first[0], first[1]
        return self.sheet.cell(row=row, column=col).value

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, datetime | date):
            return value.strftime("%Y-%m-%d")
        return str(value)

    def spans_the_width(self, row: int) -> bool:
        first = self.merged.get((row, 1))
        return first is not None and first[0] == row and first[2] >= 4

    def bold(self, row: int) -> bool:
        return bool(self.sheet.cell(row=row, column=1).font.b)

    def _title_row(self) -> tuple[int, Layout] | None:
        """The form's title row and layout: the first row, or the first after the documents
        that its layout prints before the form."""
        layout = layout_by_title(self.text(1, 1).strip())
        if layout is not None:
            return 1, layout
        documents_of = layout_by_document(self.text(1, 1).strip())
        if documents_of is None or not documents_of.documents_first:
            return None
        for row in range(2, self.sheet.max_row + 1):
            if self.spans_the_width(row) and self.text(row, 1).strip() == documents_of.title:
                return row, documents_of
        return None

    def read(self) -> ImportedForm | None:
        found = self._title_row()
        if found is None:
            return None
        title_row, layout = found
        grammar = grammar_for(layout.key)
        caption = grammar.caption.match(self.text(title_row + 1, 1))
        if caption is None:
            for row in range(title_row + 2, self.sheet.max_row + 1):
                caption = grammar.targets_heading.fullmatch(self.text(row, 1).strip())
                if caption is not None:
                    self.warn(
                        f"第 {title_row + 1} 行的年度看不懂，按绩效目标表头定年度",
                        self.text(title_row + 1, 1),
                    )
                    break
        if caption is None:
            self.warn("找不到年度，这张工作表未导入", self.text(title_row + 1, 1))
            return None
        project = Project.new(layout.key, int(caption["year"]))
        last = self.sheet.max_row
        seen: set[str] = set()
        self._header(project, layout, 1, title_row - 1, seen)  # the documents before the form
        row = self._header(project, layout, title_row + 2, last, seen)
        row = self._indicators(project, layout, row, last)
        self._header(project, layout, row, last, seen)  # the documents after it
        missing = [
            key
            for key in (*layout.field_labels, *layout.sections, *layout.budget_labels)
            if key not in seen and key != layout.holding_section  # exported only when filled
        ]
        if missing:
            self.warn("没有找到这些栏目：" + "、".join(missing))
        return ImportedForm(project, self.warnings)

    def _header(self, project: Project, layout: Layout, row: int, last: int, seen: set[str]) -> int:
        """Fields, narratives and amounts from ``row`` up to the targets heading or ``last``;
        the row after the heading. What is read is added to ``seen``."""
        # an amount's printed spellings -> its keys in layout order (sh2026 prints 其他资金 in
        # both columns: the first one met is the first column's)
        amounts: dict[str, list[str]] = {}
        for money in layout.budget:
            spellings = {layout.budget_label(money.label), *layout.labels_for(money.printed)}
            for spelling in spellings:
                amounts.setdefault(spelling, []).append(money.label)
        heading = layout.targets_caption(project.year)
        section = ""
        pieces: list[str] = []

        def end_section() -> None:
            if section:
                project.set_section(section, "\n".join(pieces))
                seen.add(section)

        while row <= last:
            first = self.text(row, 1).strip()
            if first == heading:
                end_section()
                break
            if section and self.spans_the_width(row) and not self.bold(row):
                pieces.append(self.text(row, 1))
                row += 1
                continue
            end_section()
            section, pieces = "", []
            if first in layout.sections and self.spans_the_width(row):
                section = first
            for col in (1, 3):
                label = self.text(row, col).strip()
                if label in layout.field_labels:
                    self._field(project, label, row, col + 1)
                    seen.add(label)
                elif label in amounts:
                    key = next((k for k in amounts[label] if k not in seen), amounts[label][-1])
                    self._amount(project, key, row, col + 1)
                    seen.add(key)
            row += 1
        else:
            end_section()
        return row + 1

    def _field(self, project: Project, label: str, row: int, col: int) -> None:
        value = self.text(row, col)
        try:
            project.set_field(label, value)
        except InvalidValueError as exc:
            self.warn(f"{label}：{exc}，未导入", value)

    def _amount(self, project: Project, label: str, row: int, col: int) -> None:
        value = self.value(row, col)
        try:
            if isinstance(value, bool):
                raise InvalidValueError("不是金额")
            # in the layout's unit, as exported (万元 on the central template)
            if isinstance(value, int):
                project.type_budget(label, Decimal(value))
            elif isinstance(value, float):
                project.type_budget(label, Decimal(repr(value)))
            else:
                project.type_budget(label, None if value is None else str(value))
        except InvalidValueError as exc:
            self.warn(f"{label}：{exc}，未导入", str(value))

    def _indicators(self, project: Project, layout: Layout, row: int, last: int) -> int:
        """The indicator table from its column headings at ``row``; the row after it (a
        document printed after the form starts there)."""
        if row > last:
            self.warn(f"没有找到“{layout.targets_caption(project.year)}”表，未导入任何绩效指标")
            return row
        width = len(layout.table_columns)
        columns = tuple(self.text(row, col).strip() for col in range(1, width + 1))
        if columns != layout.table_columns:
            self.warn("绩效目标表的列标题与表样不同", " ".join(columns))
        rows = []
        end = next(
            (
                number
                for number in range(row + 1, last + 1)
                if self.spans_the_width(number) and self.text(number, 1).strip() in layout.documents
            ),
            last + 1,
        )
        for number in range(row + 1, end):
            cells = [self.text(number, col) for col in range(1, width + 1)]
            if any(cells):
                target, others = layout.split_values(tuple(cells[3:]))
                rows.append(IndicatorRow(cells[0], cells[1], cells[2], target, others))
        project.set_rows(rows)
        return end


def layout_by_title(title: str) -> Layout | None:
    for layout in all_layouts().values():
        if layout.title == title:
            return layout
    return None


def layout_by_document(heading: str) -> Layout | None:
    """The layout one of whose documents travelling with the form is headed ``heading``."""
    for layout in all_layouts().values():
        if heading != FORM and heading in layout.documents:
            return layout
    return None
