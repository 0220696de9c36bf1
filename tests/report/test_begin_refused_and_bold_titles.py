"""Two things a reader of the printout meets: the chart titles on page 1 are bold, and when the
output device cannot be drawn on, the error says so."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtGui import QPdfWriter

from mlorg_desktop.report.output import SheetOutputError, page_layout, paint_sheet, write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import _tool


def _bold_lines(path, page: int) -> list[str]:
    """The text pieces poppler reads as bold on ``page``."""
    xml = subprocess.run(
        [_tool("pdftohtml"), "-xml", "-i", "-stdout", "-f", str(page), "-l", str(page), str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return re.findall(r"<text [^>]*><b>(.*?)</b></text>", xml)


def test_the_chart_titles_are_bold(qapp, knowledge, examples, tmp_path):
    path = tmp_path / "sheet.pdf"
    write_pdf(path, build_sheet_data(knowledge, examples[:2], "s", sections=["charts"]), "A4", ())
    bold = _bold_lines(path, 1)
    assert "Positions on the design dimensions" in bold
    assert "Fit per archetype (0–100)" in bold


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_device_that_cannot_be_drawn_on_is_reported(qapp, knowledge, examples, tmp_path):
    writer = QPdfWriter(str(tmp_path / "no-such-folder" / "sheet.pdf"))
    writer.setPageLayout(page_layout("A4"))
    with pytest.raises(SheetOutputError) as raised:
        paint_sheet(writer, build_sheet_data(knowledge, examples[:1], "s"))
    assert str(raised.value) == "could not start drawing on the output device"
    assert not (tmp_path / "no-such-folder").exists()
