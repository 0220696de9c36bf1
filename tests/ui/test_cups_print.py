"""File ▸ Print through a real CUPS queue: the same code path the Print dialog drives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.ui.dialogs import dialogs
from tests.cups_tools import QUEUE, job_marker, require_queue, wait_for_output
from tests.pdf_tools import pdf_text

pytestmark = pytest.mark.cups


def test_print_action_reaches_the_queue(make_window, demo_store, monkeypatch):
    before = require_queue()
    window = make_window(demo_store)
    window.compare_tab.select_all()
    chosen = window.compare_tab.selected_assessments()[:3]
    window.compare_tab.set_selected([a.id for a in chosen])

    def choose(parent, printer) -> bool:
        printer.setPrinterName(QUEUE)
        return True

    monkeypatch.setattr(dialogs, "ask_print", choose)
    marker = job_marker()
    window.printing.options = replace(window.printing.options, title=f"Print check {marker}")
    window.print_action.trigger()
    text = pdf_text(wait_for_output(before, marker))
    assert f"Print check {marker}" in text
    for a in chosen:
        assert a.organization in text
