"""One renderer: the PDF export, a QPrinter (what the print dialog and the preview drive) and a
real CUPS queue give the same pages, compared page by page as pdftotext reads them."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from mlorg_desktop.report.output import make_printer, print_sheet, write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.cups_tools import QUEUE, require_queue, wait_for_output
from tests.pdf_tools import pdf_pages, pdf_text


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
    exported = tmp_path / "export.pdf"
    write_pdf(exported, data, "A4", ())
    assert print_sheet(make_printer(QUEUE, "A4"), data) == pdf_pages(exported)
    printed = wait_for_output(before)
    assert pdf_pages(printed) == pdf_pages(exported)
    # cups-pdf rebuilds the PDF, so words of the chart labels come out in another order:
    # compare the letters of each page, not their reading order or word gaps.
    for n, (cups, ours) in enumerate(zip(_pages(printed), _pages(exported), strict=True), 1):
        assert Counter(cups.replace(" ", "")) == Counter(ours.replace(" ", "")), n
    assert "Confidential" in _pages(printed)[0]  # no ligature through CUPS either
