"""``sheet``: where the data came from, as the first page says it, and what a print job
reports; the page count is read back from what CUPS printed (pdfinfo), not from the app."""

from __future__ import annotations

import uuid

import pytest

from tests.pdf_tools import pdf_info, pdf_text


def _first_page_without_spaces(pdf) -> str:
    """A long path wraps on the page: compare with every space and line break taken out."""
    return "".join(pdf_text(pdf, 1, layout=False).split())


def test_the_first_page_names_the_source(qapp, cli, tmp_path, resources):
    demo_pdf = tmp_path / "demo.pdf"
    assert cli("sheet", "--demo", "-o", str(demo_pdf))[0] == 0
    assert "·Source:demodata" in _first_page_without_spaces(demo_pdf)

    data = tmp_path / "data"
    examples = resources / "examples" / "demo-assessments.json"
    assert cli("import", str(examples), "--data-dir", str(data))[0] == 0
    own_pdf = tmp_path / "own.pdf"
    assert cli("sheet", "--data-dir", str(data), "-o", str(own_pdf))[0] == 0
    own = _first_page_without_spaces(own_pdf)
    assert f"·Source:{data / 'assessments.json'}" in own and "demodata" not in own


@pytest.mark.cups
def test_printing_reports_the_pages_cups_printed(qapp, cli):
    from tests.cups_tools import QUEUE, require_queue, wait_for_output

    before = require_queue()
    marker = f"Check {uuid.uuid4().hex[:12]}"
    argv = (
        "sheet",
        "--demo",
        "--printer",
        QUEUE,
        "--title",
        marker,
        "--ids",
        "14aef723",
        "dd733ddd",
    )
    code, out, err = cli(*argv)
    assert (code, err) == (0, "")
    printed = wait_for_output(before, marker, timeout=90.0)
    pages = int(pdf_info(printed)["Pages"])
    assert out == f"Sent a {pages}-page sheet of 2 assessments to printer {QUEUE}\n"
    assert "Cobalt Payments" in pdf_text(printed)
