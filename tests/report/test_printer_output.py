"""What printing gives a person: "Print to file" in the print dialog names the document and
the app (read back with pdfinfo), a named queue prints at print resolution, and asking for a
queue on a machine without any says there are none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from mlorg_desktop import APP_NAME, __version__
from mlorg_desktop.report.output import make_printer, print_sheet
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_info, pdf_pages

ROOT = Path(__file__).resolve().parents[2]


def test_print_to_file_names_the_sheet_and_the_app(qapp, knowledge, examples, tmp_path):
    data = build_sheet_data(knowledge, examples, "demo", title="Q3 comparison")
    printer = make_printer(None, "A4")
    # What the print dialog's "Print to file (PDF)" sets.
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_sheet(printer, data)
    info = pdf_info(tmp_path / "printed.pdf")
    assert pages == pdf_pages(tmp_path / "printed.pdf") > 1
    assert info["Title"] == "Q3 comparison"
    assert info["Creator"] == f"{APP_NAME} {__version__}"


@pytest.mark.cups
def test_a_named_queue_prints_at_print_resolution(qapp):
    from tests.cups_tools import QUEUE, require_queue

    require_queue()  # nothing is printed: the shared queue sees no job
    printer = make_printer(QUEUE, "Letter")
    assert printer.printerName() == QUEUE
    assert printer.resolution() >= 300  # not the screen's 96 dpi
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter


@pytest.mark.cups
def test_a_named_queue_is_used_when_the_default_is_another(tmp_path):
    """In a fresh process whose user (HOME in tmp_path) made an instance of the test queue
    their default printer (~/.cups/lpoptions, nothing changes for anyone else), naming the
    queue itself still gives that queue, and naming none gives the default."""
    from tests.cups_tools import QUEUE, require_queue

    require_queue()
    (tmp_path / ".cups").mkdir()
    (tmp_path / ".cups" / "lpoptions").write_text(f"Default {QUEUE}/mlorg-default\n")
    script = (
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "from mlorg_desktop.report.output import make_printer\n"
        f"print(make_printer({QUEUE!r}, 'A4').printerName())\n"
        "print(make_printer(None, 'A4').printerName())\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [QUEUE, f"{QUEUE}/mlorg-default"]


def test_without_any_print_queue_the_message_says_none(tmp_path):
    """Run as a person would, in a fresh process whose CUPS client finds no server (a socket
    path that does not exist), so Qt lists no printers."""
    env = {
        **os.environ,
        "CUPS_SERVER": str(tmp_path / "no-cups.sock"),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    run = subprocess.run(
        [sys.executable, "-m", "mlorg_desktop", "sheet", "--demo", "--printer", "NoSuchQueue"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "no printer named 'NoSuchQueue'. Available printers: none" in run.stderr
