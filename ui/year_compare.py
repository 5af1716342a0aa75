"""项目 → 与上年比较…: what changed since last year's form of the open project.

The comparison is :func:`perfdesk.review.compare.compare_years`; this module only shows it, as
a reviewer marks up a page: struck-out red for what was taken out, underlined green for what
was added, raised and lowered 指标值 named as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from perfdesk.model import Project
from perfdesk.review.compare import (
    IndicatorChangeKind,
    Piece,
    TextChange,
    YearComparison,
    compare_years,
)
from ui import dialogs
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from ui.surface import Window

REMOVED_STYLE = "color:#b00020;text-decoration:line-through"
ADDED_STYLE = "color:#006b2e;text-decoration:underline"
_KIND_STYLES = {
    IndicatorChangeKind.ADDED: ADDED_STYLE,
    IndicatorChangeKind.REMOVED: REMOVED_STYLE,
    IndicatorChangeKind.RAISED: "color:#006b2e",
    IndicatorChangeKind.LOWERED: "color:#b00020",
    IndicatorChangeKind.CHANGED: "",
}


def _text(text: str) -> str:
    return _lines(text) or _span("color:gray", QCoreApplication.translate("year_compare", "（空）"))


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _span(style: str, text: str) -> str:
    return f"<span style='{style}'>{_lines(text)}</span>"


def _kind_name(kind: IndicatorChangeKind) -> str:
    names = {
        IndicatorChangeKind.ADDED: QCoreApplication.translate("year_compare", "新增"),
        IndicatorChangeKind.REMOVED: QCoreApplication.translate("year_compare", "删除"),
        IndicatorChangeKind.RAISED: QCoreApplication.translate("year_compare", "调高"),
        IndicatorChangeKind.LOWERED: QCoreApplication.translate("year_compare", "调低"),
        IndicatorChangeKind.CHANGED: QCoreApplication.translate("year_compare", "改动"),
    }
    return names[kind]


def _heading(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


def _table(heads: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='97%'>"
        f"<tr style='background:#eeeeee'>{head}</tr>{body}</table>"
    )


def _changes_table(changes: tuple[TextChange, ...], previous: int, year: int) -> str:
    return _table(
        (
            QCoreApplication.translate("year_compare", "项目"),
            QCoreApplication.translate("year_compare", "%1年").replace("%1", str(previous)),
            QCoreApplication.translate("year_compare", "%1年").replace("%1", str(year)),
        ),
        [(escape(c.label), _text(c.before), _text(c.after)) for c in changes],
    )


def comparison_html(name: str, comparison: YearComparison) -> str:
    """The comparison as the page the dialog shows."""
    before, after = comparison.previous_year, comparison.year
    parts = [
        f"<h3>{escape(name)}：{before}年 → {after}年</h3>",
        "<p>"
        + QCoreApplication.translate("year_compare", "图例：")
        + _span(REMOVED_STYLE, QCoreApplication.translate("year_compare", "删去的文字"))
        + "　"
        + _span(ADDED_STYLE, QCoreApplication.translate("year_compare", "新增的文字"))
        + "</p>",
    ]
    if comparison.unchanged:
        parts.append(
            "<p>"
            + escape(QCoreApplication.translate("year_compare", "与上年的表完全相同。"))
            + "</p>"
        )
    if comparison.fields:
        parts += [
            _heading(QCoreApplication.translate("year_compare", "表头")),
            _changes_table(comparison.fields, before, after),
        ]
    if comparison.budget:
        parts += [
            _heading(QCoreApplication.translate("year_compare", "项目资金")),
            _changes_table(comparison.budget, before, after),
        ]
    for narrative in comparison.narratives:
        marked = "".join(
            _lines(text)
            if piece is Piece.SAME
            else _span(REMOVED_STYLE if piece is Piece.REMOVED else ADDED_STYLE, text)
            for piece, text in narrative.pieces
        )
        parts += [_heading(narrative.label), f"<p>{marked}</p>"]
    if comparison.indicators:
        rows = [
            (
                _span(_KIND_STYLES[change.kind], _kind_name(change.kind)),
                escape(" / ".join(part for part in change.path if part)),
                _text(change.before),
                _text(change.after),
            )
            for change in comparison.indicators
        ]
        parts += [
            _heading(QCoreApplication.translate("year_compare", "绩效指标")),
            _table(
                (
                    QCoreApplication.translate("year_compare", "变化"),
                    QCoreApplication.translate("year_compare", "指标"),
                    QCoreApplication.translate("year_compare", "%1年指标值").replace(
                        "%1", str(before)
                    ),
                    QCoreApplication.translate("year_compare", "%1年指标值").replace(
                        "%1", str(after)
                    ),
                ),
                rows,
            ),
        ]
    return "".join(parts)


class YearCompareDialog(QDialog):
    def __init__(self, previous: Project, current: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearCompare")
        self.setWindowTitle(self.tr("与上年比较"))
        self.comparison = compare_years(previous, current)
        self.view = QTextBrowser()
        self.view.setObjectName("yearCompareView")
        self.view.setHtml(comparison_html(current.name, self.comparison))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, (900, 640))


def open_comparison(window: Window, previous: Project | None) -> YearCompareDialog | None:
    """The dialog for the open project against ``previous`` (last year's form), or a word
    that there is none."""
    current = window.current_project()
    title = QCoreApplication.translate("year_compare", "与上年比较")
    if current is None:
        return None
    if previous is None:
        dialogs.information(
            window.as_widget(),
            title,
            QCoreApplication.translate(
                "year_compare",
                "没有找到这个项目上一年度（%1年）的表：同一实施单位、同一项目名称的表才能比较。",
            ).replace("%1", str(current.year - 1)),
        )
        return None
    dialog = YearCompareDialog(previous, current, window.as_widget())
    dialog.show()
    return dialog
