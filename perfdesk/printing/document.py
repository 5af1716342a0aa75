"""The PDF document: A4 page template, one form after another (each with the documents that
travel with it, after it or, where the layout says so, before it), every one starting on a new
page and numbered ``第 X 页 共 Y 页`` on its own."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from perfdesk.errors import PerfDeskError
from perfdesk.layouts import FORM
from perfdesk.model import Project
from perfdesk.paper import attached_documents, page_number
from perfdesk.printing.form import document_flowables, form_flowables
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
from perfdesk.progress import Steps


class DocumentStart(Flowable):  # type: ignore[misc]
    """An invisible mark where a form (or a document that travels with it) begins: its
    pages are numbered on their own; for a form, progress is reported and may stop the run."""

    def __init__(
        self,
        document: int,
        form: int = 0,
        total: int = 0,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__()
        self.document, self.form, self.total, self.progress = document, form, total, progress

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.document_index = self.document
        if self.progress is not None:
            self.progress(self.form, self.total)  # raises Cancelled once cancelled


def _numbered_canvas(font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds pages back until the end, when each form's page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.document_index = 0
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for page in self._pages:
                totals[page["document_index"]] = totals.get(page["document_index"], 0) + 1
            seen: dict[int, int] = {}
            for page in self._pages:
                self.__dict__.update(page)
                form = page["document_index"]
                seen[form] = seen.get(form, 0) + 1
                self.setFont(font, FOOTER_SIZE)
                self.drawCentredString(
                    PAGE_SIZE[0] / 2, FOOTER_Y, page_number(seen[form], totals[form])
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def a4_document(
    buffer: io.BytesIO,
    styles: FormStyles,
    *,
    title: str,
    subject: str = "",
    author: str = "",
    on_page: Callable[[Canvas, Any], None] | None = None,
) -> BaseDocTemplate:
    """An A4 document with the form's margins and one full-width frame, writing to ``buffer``
    (every PDF PerfDesk prints: the forms and the 单位内部审核表)."""
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author=author,
        creator="PerfDesk",
        invariant=True,
        # ReportLab's own initial font (Helvetica) would otherwise be declared, unembedded,
        # though nothing is drawn with it.
        initialFontName=styles.fonts.regular,
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
        id="page",
    )
    template = PageTemplate(id="page", frames=[frame])
    if on_page is not None:
        template.onPage = on_page
    doc.addPageTemplates([template])
    return doc


def build_pdf(projects: Sequence[Project], styles: FormStyles, steps: Steps | None = None) -> bytes:
    buffer = io.BytesIO()
    first = projects[0] if projects else None
    doc = a4_document(
        buffer,
        styles,
        title=first.spec.title if first else "",
        subject=first.name if first and len(projects) == 1 else "",
        author=first.unit if first else "",
    )
    started = [0]  # the forms begun so far: which one a layout failure is in

    steps = steps or Steps()

    def track(done: int, total: int) -> None:
        started.append(min(done, total - 1))
        steps(done, total)

    story: list[Flowable] = []
    documents = 0
    for index, project in enumerate(projects):
        attached = attached_documents(project)
        # the form first, or (as published) the documents that travel with it first
        order = [*attached, FORM] if project.spec.documents_first else [FORM, *attached]
        for position, document in enumerate(order):
            if index or position:
                story.append(PageBreak())
            if position:
                story.append(DocumentStart(documents))
            else:  # a project's first page: its progress is reported here
                story.append(DocumentStart(documents, index, len(projects), track))
            if document == FORM:
                story.extend(form_flowables(project, styles))
            else:
                story.extend(document_flowables(project, document, styles))
            documents += 1
    try:
        doc.build(story, canvasmaker=_numbered_canvas(styles.fonts.regular))
    except LayoutError:
        project = projects[started[-1]]
        raise PerfDeskError(
            f"项目“{project.name or '未命名项目'}”中有一格内容比一整页还长，无法排版；"
            "请把过长的指标或栏目文字缩短或分成几项后再打印"
        ) from None
    steps(len(projects), len(projects))
    return buffer.getvalue()
