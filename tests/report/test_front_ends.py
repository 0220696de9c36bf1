"""One renderer: the PDF export, a QPrinter (what the print dialog and the preview drive) and a
real CUPS queue give the same pages, compared page by page as pdftotext reads them."""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from mlorg_desktop.report.output import make_printer, print_sheet, write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.cups_tools import QUEUE, job_marker, require_queue, wait_for_output
from tests.pdf_tools import _tool, pdf_pages, pdf_text
from tests.window_tools import show_exposed


def _pages(path):
    return [" ".join(pdf_text(path, n).split()) for n in range(1, pdf_pages(path) + 1)]


@pytest.fixture
def data(knowledge, many):
    return build_sheet_data(knowledge, many(8, note_repeats=4), "test store", title="Board pack")


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_pdf_export_and_printer_agree_page_by_page(qapp, data, tmp_path, size):
    exported = tmp_path / "export.pdf"
    count = write_pdf(exported, data, size, ())
    printer = make_printer(None, size)
    printed = tmp_path / "printer.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert print_sheet(printer, data) == count
    assert count >= 4
    assert _pages(printed) == _pages(exported)


def test_preview_shows_the_same_number_of_pages(qapp, qtbot, data, tmp_path):
    count = write_pdf(tmp_path / "export.pdf", data, "A4", ())
    printer = make_printer(None, "A4")
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    preview.paintRequested.connect(lambda p: print_sheet(p, data))
    preview.updatePreview()
    assert preview.pageCount() == count


@pytest.mark.cups
def test_cups_queue_prints_the_same_pages(qapp, data, tmp_path):
    before = require_queue()
    marker = job_marker()
    data = replace(data, title=f"{data.title} {marker}")
    exported = tmp_path / "export.pdf"
    write_pdf(exported, data, "A4", ())
    assert print_sheet(make_printer(QUEUE, "A4"), data) == pdf_pages(exported)
    printed = wait_for_output(before, marker)
    assert pdf_pages(printed) == pdf_pages(exported)
    # cups-pdf rebuilds the PDF, so words of the chart labels come out in another order:
    # compare the letters of each page, not their reading order or word gaps.
    for n, (cups, ours) in enumerate(zip(_pages(printed), _pages(exported), strict=True), 1):
        assert Counter(cups.replace(" ", "")) == Counter(ours.replace(" ", "")), n
    assert "Confidential" in _pages(printed)[0]  # no ligature through CUPS either


def _page_image(image: QImage) -> QImage:
    """The current page in a preview grab, as 60x85 greyscale: the longest white run down a
    column inside the page's left margin (no text there; the ends of the pages before and
    after may show too) gives its top and bottom, the white run along a row in its top margin
    its left and right."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)

    def longest_run(values: list[int]) -> tuple[int, int]:
        runs, start = [], None
        for i, v in enumerate([*values, 0]):
            if v > 250 and start is None:
                start = i
            elif v <= 250 and start is not None:
                runs.append((start, i))
                start = None
        return max(runs, key=lambda r: r[1] - r[0])

    column = grey.width() // 10
    top, bottom = longest_run([grey.pixelColor(column, y).value() for y in range(grey.height())])
    left, right = longest_run([grey.pixelColor(x, top + 3).value() for x in range(grey.width())])
    return _thumb(grey.copy(left, top, right - left, bottom - top))


def _thumb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        60, 85, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _distance(a: QImage, b: QImage) -> float:
    """Mean absolute grey difference, 0 (same) to 255."""
    total = sum(
        abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
        for y in range(a.height())
        for x in range(a.width())
    )
    return total / (a.width() * a.height())


def test_preview_pages_look_like_the_pdf_pages(qapp, qtbot, data, tmp_path):
    # The preview cannot be read as text, so each page it shows is compared as a picture with
    # the same page of the exported PDF (pdftoppm): it must be closer to its own PDF page than
    # to any other page, and close in absolute terms.
    exported = tmp_path / "export.pdf"
    count = write_pdf(exported, data, "A4", ())
    subprocess.run(
        [_tool("pdftoppm"), "-r", "40", "-png", str(exported), str(tmp_path / "page")], check=True
    )
    pdf = [_thumb(QImage(str(p))) for p in sorted(tmp_path.glob("page-*.png"))]
    assert len(pdf) == count
    printer = make_printer(None, "A4")
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    preview.paintRequested.connect(lambda p: print_sheet(p, data))
    preview.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
    preview.resize(700, 990)
    show_exposed(preview, qtbot)
    preview.updatePreview()
    assert preview.pageCount() == count
    for n in range(1, count + 1):
        preview.setCurrentPage(n)
        qapp.processEvents()
        shown = _page_image(preview.grab().toImage())
        distances = [_distance(shown, page) for page in pdf]
        assert min(range(count), key=distances.__getitem__) == n - 1, (n, distances)
        assert distances[n - 1] < 8, (n, distances)
