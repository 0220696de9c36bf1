"""File ▸ Print, Print Preview and Export as PDF, with dialogs answered through the helpers."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from mlorg_desktop.ui import dialogs
from tests.pdf_tools import pdf_pages, pdf_text


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


def test_preview_paints_pages_in_the_real_dialog(make_window, demo_store, qtbot, monkeypatch):
    window = _chosen(make_window, demo_store, count=8)
    painted = []

    def show(parent, printer, paint):
        def counting(p):
            painted.append(p)
            paint(p)

        dialog = dialogs.make_preview_dialog(parent, printer, counting)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
        dialog.close()

    monkeypatch.setattr(dialogs, "show_print_preview", show)
    window.preview_action.trigger()
    assert painted and painted[0] is window.printing.printer


def test_export_pdf(make_window, demo_store, monkeypatch, tmp_path, messenger):
    window = _chosen(make_window, demo_store, count=2)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, suggested: target)
    window.pdf_action.trigger()
    assert pdf_pages(target) >= 1
    assert messenger.shown[-1][1] == "Comparison sheet exported"
