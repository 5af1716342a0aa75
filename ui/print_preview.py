"""打印预览: the real PDF on screen, then 打印… at the printer's resolution, 导出PDF…, 打开PDF.

What is previewed is exactly what gets printed or exported: the bytes from
``perfdesk.printing.render_pdf``. Printing paints each PDF page at the printer's own
resolution, pixel for pixel on an A4 page with no margins added and no scaling, so A4
stays A4. Pages are painted in bands, so a 1200 dpi printer does not need half a
gigabyte per page.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
)
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import atomic_write
from perfdesk.model import Project
from ui import dialogs

if TYPE_CHECKING:
    from perfdesk.printing.rendering import Rendered

BAND_HEIGHT = 1024  # device pixels painted at a time when printing
MAX_LISTED = 12  # missing characters listed one by one before "…等 N 处"


def font_warnings(rendered: Rendered) -> list[str]:
    """What the officer must know before the form goes out: fonts, missing characters."""
    fonts = rendered.fonts
    warnings = [*fonts.notes]
    if fonts.fallback_reason:
        warnings.append(fonts.fallback_reason)
    unnamed = QCoreApplication.translate("print_preview", "未命名项目")
    where = QCoreApplication.translate("print_preview", "%1：%2")
    missing = [
        where.replace("%1", name or unnamed).replace("%2", finding.message)
        for name, finding in rendered.missing
    ]
    if missing:
        listed = QCoreApplication.translate("print_preview", "；").join(missing[:MAX_LISTED])
        more = (
            QCoreApplication.translate("print_preview", "…等 {0} 处").format(len(missing))
            if len(missing) > MAX_LISTED
            else ""
        )
        warnings.append(
            QCoreApplication.translate(
                "print_preview", "以下字符无法用打印字体显示，打印时将缺失："
            )
            + listed
            + more
        )
    return warnings


def suggested_file_name(projects: Sequence[Project]) -> str:
    if len(projects) == 1:
        project = projects[0]
        unnamed = QCoreApplication.translate("print_preview", "绩效目标表")
        name = f"{project.year}-{project.name or unnamed}"
    else:
        name = QCoreApplication.translate("print_preview", "绩效目标表（{0}个项目）").format(
            len(projects)
        )
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") + ".pdf"


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    """Paint the pages (those chosen in the print dialog, or all) onto ``printer`` at its
    resolution, one device pixel per pixel."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()  # 0, 0: every page
    pages = range(max(first, 1) - 1, min(last, count) if last else count)
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise PerfDeskError(
            QCoreApplication.translate("print_preview", "无法开始打印：打印机不可用")
        )
    try:
        for page in pages:
            if page != pages.start:
                printer.newPage()
            for top, band in page_bands(document, page, printer.resolution()):
                painter.drawImage(QPoint(0, top), band)
    finally:
        painter.end()


def page_bands(
    document: QPdfDocument, page: int, dpi: int, band_height: int = BAND_HEIGHT
) -> Iterator[tuple[int, QImage]]:
    """Page ``page`` at ``dpi`` as horizontal bands on white: (top in pixels, image)."""
    points = document.pagePointSize(page)
    width, height = round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width, height))
    for top in range(0, height, band_height):
        band = min(band_height, height - top)
        options.setScaledClipRect(QRect(0, top, width, band))
        yield top, on_white(document.render(page, QSize(width, band), options))


def on_white(image: QImage) -> QImage:
    """``QPdfDocument.render`` leaves the paper transparent: put it on white paper."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


class PrintPreview(QDialog):
    """The print preview window: the PDF, and what can be done with it."""

    def __init__(
        self,
        pdf: bytes,
        *,
        file_name: str,
        warnings: Sequence[str] = (),
        before_print: Callable[[], bool] | None = None,
        exported: Callable[[Path], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        # asked before the print dialog opens (the form checks); False stops printing
        self.before_print = before_print
        self.exported = exported  # told where 导出PDF… wrote the file
        self.setWindowTitle(self.tr("打印预览 — {0}").format(file_name))
        self.pdf = pdf
        self.file_name = file_name
        self._printer: QPrinter | None = None  # made when 打印… is chosen (a few MB)

        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("printPreviewView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.warning_label = QLabel("\n".join(warnings), self)
        self.warning_label.setObjectName("printWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e0c060; }"
        )
        self.warning_label.setVisible(bool(warnings))

        self.toolbar = QToolBar(self)
        self.act_print = self._action(
            self.tr("打印…"), QKeySequence.StandardKey.Print, self.print_document
        )
        self.act_export = self._action(
            self.tr("导出PDF…"), QKeySequence.StandardKey.Save, self.export_pdf
        )
        self.act_open = self._action(
            self.tr("打开PDF"), QKeySequence("Ctrl+Shift+O"), self.open_pdf
        )
        self.toolbar.addSeparator()
        self._action(self.tr("放大"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1.25))
        self._action(self.tr("缩小"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(0.8))
        self._action(
            self.tr("适合宽度"),
            QKeySequence("Ctrl+0"),
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth),
        )
        self.page_label = QLabel(self.tr("共 {0} 页").format(self.document.pageCount()), self)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.page_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.view, 1)
        self.resize(900, 1000)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(current * factor, 8.0)))

    @property
    def printer(self) -> QPrinter:
        """Kept for the dialog's life once made: a printer that goes away under a print
        dialog crashes Qt."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setDocName(self.file_name)
        return self._printer

    def print_document(self) -> None:
        if self.before_print is not None and not self.before_print():
            return
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            paint_pages(self.document, self.printer)
        except PerfDeskError as exc:
            dialogs.error(self, self.tr("打印"), dialogs.explain(exc))

    def export_pdf(self) -> Path | None:
        path = export_pdf(self, self.pdf, self.file_name)
        if path is not None and self.exported is not None:
            self.exported(path)
        return path

    def open_pdf(self) -> Path | None:
        return open_pdf(self, self.pdf, self.file_name)


def export_pdf(parent: QWidget | None, pdf: bytes, file_name: str) -> Path | None:
    """Ask where, then write the PDF there safely; the path, or ``None``."""
    path = dialogs.output_file(
        parent,
        QCoreApplication.translate("print_preview", "导出PDF"),
        QCoreApplication.translate("print_preview", "PDF 文件 (*.pdf)"),
        file_name,
        ".pdf",
    )
    if path is None:
        return None
    try:
        atomic_write(path, pdf)
    except PerfDeskError as exc:
        dialogs.error(
            parent, QCoreApplication.translate("print_preview", "导出PDF"), dialogs.explain(exc)
        )
        return None
    return path


def open_pdf(parent: QWidget | None, pdf: bytes, file_name: str) -> Path | None:
    """Open the PDF in the system's viewer, from a file in the temporary folder."""
    folder = Path(tempfile.gettempdir()) / "PerfDesk"
    try:
        folder.mkdir(exist_ok=True)
        path = _writable_copy(folder, file_name, pdf)
    except (OSError, PerfDeskError) as exc:
        dialogs.error(
            parent, QCoreApplication.translate("print_preview", "打开PDF"), dialogs.explain(exc)
        )
        return None
    dialogs.open_document(path)
    return path


def _writable_copy(folder: Path, file_name: str, pdf: bytes) -> Path:
    """Write ``pdf`` as ``file_name`` in ``folder``; while a viewer still holds an earlier
    copy open (Windows locks it), as ``name-2.pdf``, ``name-3.pdf``…"""
    stem, suffix = Path(file_name).stem, Path(file_name).suffix
    names = [file_name, *(f"{stem}-{n}{suffix}" for n in range(2, 100))]
    for name in names[:-1]:
        with contextlib.suppress(PerfDeskError):
            atomic_write(folder / name, pdf)
            return folder / name
    atomic_write(folder / names[-1], pdf)
    return folder / names[-1]


def preview(
    parent: QWidget | None,
    rendered: Rendered,
    before_print: Callable[[], bool] | None = None,
    exported: Callable[[Path], object] | None = None,
) -> PrintPreview:
    """Open the preview of ``rendered``. ``before_print`` is asked when the preview's 打印…
    is chosen; ``exported(path)`` hears where its 导出PDF… wrote the file."""
    dialog = PrintPreview(
        rendered.pdf,
        file_name=suggested_file_name(rendered.projects),
        warnings=font_warnings(rendered),
        before_print=before_print,
        exported=exported,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
