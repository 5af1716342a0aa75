"""The PDF document: A4 page template, one form after another, ``第 X 页 共 Y 页`` per form."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from perfdesk.model import Project
from perfdesk.printing.form import form_flowables
from perfdesk.printing.styles import (
    FOOTER_SIZE,
    FOOTER_Y,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    FormStyles,
)

Progress = Callable[[int, int], bool]


class PrintCancelled(Exception):
    """The user stopped a print run; nothing was produced."""


class FormStart(Flowable):  # type: ignore[misc]
    """An invisible mark where a form begins: numbers its pages, reports progress."""

    def __init__(self, index: int, total: int, progress: Progress | None) -> None:
        super().__init__()
        self.index, self.total, self.progress = index, total, progress

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.form_index = self.index
        if self.progress is not None and not self.progress(self.index, self.total):
            raise PrintCancelled


def _numbered_canvas(font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds pages back until the end, when each form's page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.form_index = 0
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for page in self._pages:
                totals[page["form_index"]] = totals.get(page["form_index"], 0) + 1
            seen: dict[int, int] = {}
            for page in self._pages:
                self.__dict__.update(page)
                form = page["form_index"]
                seen[form] = seen.get(form, 0) + 1
                self.setFont(font, FOOTER_SIZE)
                self.drawCentredString(
                    PAGE_SIZE[0] / 2, FOOTER_Y, f"第 {seen[form]} 页 共 {totals[form]} 页"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    projects: Sequence[Project], styles: FormStyles, progress: Progress | None = None
) -> bytes:
    buffer = io.BytesIO()
    first = projects[0] if projects else None
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=first.spec.title if first else "",
        subject=first.name if first and len(projects) == 1 else "",
        author=first.unit if first else "",
        creator="PerfDesk",
        invariant=True,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="form",
    )
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame])])
    story: list[Flowable] = []
    for index, project in enumerate(projects):
        if index:
            story.append(PageBreak())
        story.append(FormStart(index, len(projects), progress))
        story.extend(form_flowables(project, styles))
    doc.build(story, canvasmaker=_numbered_canvas(styles.fonts.regular))
    if progress is not None and not progress(len(projects), len(projects)):
        raise PrintCancelled
    return buffer.getvalue()
