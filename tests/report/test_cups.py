"""`sheet --printer` through a real CUPS queue (cups-pdf), read back with pdftotext."""

from __future__ import annotations

import pytest

from mlorg_desktop.__main__ import main
from tests.cups_tools import QUEUE, job_marker, require_queue, wait_for_output
from tests.pdf_tools import pdf_text

pytestmark = pytest.mark.cups


def test_sheet_command_prints_to_a_named_queue(qapp, capsys):
    before = require_queue()
    marker = job_marker()
    title = f"CLI print check {marker}"
    assert main(["sheet", "--demo", "--printer", QUEUE, "--title", title]) == 0
    assert QUEUE in capsys.readouterr().out
    text = pdf_text(wait_for_output(before, marker))
    assert title in text
    assert "Quanta Labs" in text and "Northline Energy" in text
