"""The print preview on a real PDF: shown, printed A4 at the printer's resolution, exported."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from perfdesk.model import IndicatorRow
from perfdesk.printing import FontSet, render_pdf, resolve_fonts
from perfdesk.printing.rendering import render
from perfdesk.progress import Steps
from perfdesk.sample import sample_projects
from ui import dialogs, print_preview
from ui.print_preview import PrintPreview, page_bands, paint_pages, preview

A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return resolve_fonts()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def dark_pixels(image: QImage, step: int = 4) -> int:
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() < 128
    )


def test_preview_shows_the_real_pdf(qtbot: QtBot, window: QWidget, fonts: FontSet) -> None:
    projects = sample_projects()
    dialog = preview(window, render(projects, fonts, Steps()))
    qtbot.addWidget(dialog)

    assert window.findChild(PrintPreview, "printPreview") is dialog
    assert dialog.document.status() == QPdfDocument.Status.Ready
    with pdfplumber.open(io.BytesIO(dialog.pdf)) as pdf:
        assert dialog.document.pageCount() == len(pdf.pages) >= 4
    assert f"共 {dialog.document.pageCount()} 页" in dialog.page_label.text()
    assert not dialog.findChild(QLabel, "printWarnings").isVisibleTo(dialog)
    # the page as the view paints it: on white, with the form's ink on it
    ((_, page),) = page_bands(dialog.document, 0, 50, band_height=10_000)
    assert page.pixelColor(2, 2).name() == "#ffffff"
    assert dark_pixels(page) > 200
    assert "2个项目" in dialog.windowTitle()


def test_missing_characters_are_shown_before_printing(
    qtbot: QtBot, window: QWidget, fonts: FontSet
) -> None:
    project = sample_projects()[1]
    project.set_rows([*project.rows(), IndicatorRow("影响力目标", "其它", "罕用字𠀀", "良好")])
    if fonts.can_draw(fonts.regular, "𠀀"):
        pytest.skip("this machine's print font draws Extension B")
    dialog = preview(window, render([project], fonts, Steps()))
    qtbot.addWidget(dialog)
    warnings = dialog.findChild(QLabel, "printWarnings")
    assert warnings.isVisibleTo(dialog)
    assert "U+20000" in warnings.text() and "罕用字" in warnings.text()


def test_printing_paints_a4_pages_at_the_printer_resolution(tmp_path: Path, qtbot: QtBot) -> None:
    pdf = render_pdf(sample_projects()[:1])
    dialog = PrintPreview(pdf, file_name="form.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)

    paint_pages(dialog.document, printer)

    with pdfplumber.open(tmp_path / "printed.pdf") as printed:
        assert len(printed.pages) == dialog.document.pageCount()
        for page in printed.pages:
            assert page.width == pytest.approx(A4_POINTS[0], abs=1)
            assert page.height == pytest.approx(A4_POINTS[1], abs=1)
            # the bands fill the whole paper: no margin added, nothing scaled
            images = sorted(page.images, key=lambda im: im["top"])
            assert images[0]["top"] == pytest.approx(0, abs=0.5)
            assert images[-1]["bottom"] == pytest.approx(A4_POINTS[1], abs=0.5)
            assert all(im["x0"] == pytest.approx(0, abs=0.5) for im in images)
            assert all(im["x1"] == pytest.approx(A4_POINTS[0], abs=0.5) for im in images)
            assert all(im["srcsize"][0] == round(A4_POINTS[0] / 72 * 150) for im in images)

    # a page range chosen in the print dialog prints those pages only
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setFromTo(2, 2)
    paint_pages(dialog.document, printer)
    with pdfplumber.open(tmp_path / "page2.pdf") as printed:
        assert len(printed.pages) == 1


def test_bands_make_up_the_whole_page(qtbot: QtBot) -> None:
    dialog = PrintPreview(render_pdf(sample_projects()[:1]), file_name="form.pdf")
    qtbot.addWidget(dialog)
    ((_, whole),) = page_bands(dialog.document, 0, 72, band_height=10_000)
    banded = QImage(whole.size(), QImage.Format.Format_RGB32)
    painter = QPainter(banded)
    bands = list(page_bands(dialog.document, 0, 72, band_height=100))
    for top, band in bands:
        painter.drawImage(0, top, band)
    painter.end()
    assert len(bands) == 9
    assert abs(dark_pixels(banded, 1) - dark_pixels(whole, 1)) < dark_pixels(whole, 1) * 0.05


def test_export_writes_the_previewed_bytes(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = render_pdf(sample_projects()[:1])
    asked: list[str] = []

    def save_file(_parent: QWidget, _title: str, _filters: str, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "导出"  # the user left out the extension

    monkeypatch.setattr(dialogs, "save_file", save_file)
    dialog = PrintPreview(pdf, file_name="2020-项目.pdf")
    qtbot.addWidget(dialog)
    assert dialog.export_pdf() == tmp_path / "导出.pdf"
    assert asked == ["2020-项目.pdf"]
    assert (tmp_path / "导出.pdf").read_bytes() == pdf


def test_open_pdf_hands_a_file_to_the_system_viewer(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_document", opened.append)
    pdf = render_pdf(sample_projects()[:1])
    dialog = PrintPreview(pdf, file_name="查看.pdf")
    qtbot.addWidget(dialog)
    path = dialog.open_pdf()
    assert path is not None and opened == [path]
    assert path.read_bytes() == pdf


def test_suggested_file_names() -> None:
    one, two = sample_projects()
    assert print_preview.suggested_file_name([two]) == "2020-科普资源平台建设.pdf"
    assert print_preview.suggested_file_name([one, two]) == "绩效目标表（2个项目）.pdf"
    assert "/" not in print_preview.suggested_file_name([one])


def test_export_keeps_a_dotted_name_and_adds_the_extension(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = render_pdf(sample_projects()[:1])
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: tmp_path / "绩效目标表v1.5")
    dialog = PrintPreview(pdf, file_name="x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.export_pdf() == tmp_path / "绩效目标表v1.5.pdf"
    assert (tmp_path / "绩效目标表v1.5.pdf").read_bytes() == pdf
