"""File ▸ Print, Print Preview and Export as PDF, with dialogs answered through the helpers."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from mlorg_desktop.report.sheet import series_label
from mlorg_desktop.ui.dialogs import dialogs
from tests.pdf_tools import pdf_page_text, pdf_pages, pdf_text


def _chosen(make_window, demo_store, count=3):
    window = make_window(demo_store)
    window.compare_tab.select_all()
    window.compare_tab.set_selected(window.compare_tab.selected_ids()[:count])
    return window


def test_print_goes_through_the_chosen_printer(make_window, demo_store, monkeypatch, tmp_path):
    window = _chosen(make_window, demo_store)
    out = tmp_path / "printed.pdf"

    def choose(parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(dialogs, "ask_print", choose)
    window.print_action.trigger()
    text = pdf_text(out)
    for a in window.compare_tab.selected_assessments():
        assert a.organization in text


def test_cancelled_print_prints_nothing(make_window, demo_store, monkeypatch, tmp_path):
    window = _chosen(make_window, demo_store)
    monkeypatch.setattr(dialogs, "ask_print", lambda parent, printer: False)
    window.print_action.trigger()
    assert not list(tmp_path.glob("*.pdf"))


def test_nothing_chosen_explains_instead_of_printing(window, messenger, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_print", lambda *a: pytest_fail())
    window.print_action.trigger()
    assert messenger.shown[-1][1] == "Nothing to print"
    assert window.current_tab() is window.compare_tab


def pytest_fail():
    raise AssertionError("the print dialog opened without a selection")


def test_preview_paints_pages_in_the_real_dialog(
    make_window, demo_store, qtbot, monkeypatch, tmp_path
):
    """The real preview dialog shows as many pages as the exported PDF of the same choice,
    and its first page shows ink, not a blank sheet."""
    window = _chosen(make_window, demo_store, count=6)
    target = tmp_path / "same.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, suggested: target)
    window.pdf_action.trigger()
    seen = {}

    def show(parent, printer, paint):
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        dialog = dialogs.make_preview_dialog(parent, printer, paint)
        qtbot.addWidget(dialog)
        dialog.show()
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10_000)
        preview.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
        preview.fitInView()
        qtbot.wait(50)
        image = preview.grab().toImage()
        seen["pages"] = preview.pageCount()
        seen["dark"] = sum(
            1
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
            if image.pixelColor(x, y).lightness() < 100
        )
        dialog.close()

    monkeypatch.setattr(dialogs, "show_print_preview", show)
    window.preview_action.trigger()
    assert seen["pages"] == pdf_pages(target) >= 2
    assert seen["dark"] > 500  # text and chart lines on the first page


def test_export_pdf(make_window, demo_store, monkeypatch, tmp_path, messenger):
    """Every chosen assessment is in the exported sheet, in the order chosen, each page
    numbered against the file's real page count."""
    window = _chosen(make_window, demo_store, count=6)
    chosen = window.compare_tab.selected_assessments()
    assert len(chosen) == 6
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, suggested: target)
    window.pdf_action.trigger()
    assert messenger.shown[-1][1] == "Comparison sheet exported"
    pages = pdf_pages(target)
    text = " ".join(pdf_text(target).split())
    positions = [text.find(f"{n}. {series_label(a)}") for n, a in enumerate(chosen, start=1)]
    assert -1 not in positions and positions == sorted(positions), positions
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in pdf_page_text(target, number)
