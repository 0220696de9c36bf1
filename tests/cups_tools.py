"""The CUPS test queue (created by .ci/cups-setup) and waiting for cups-pdf's output."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

QUEUE = "TestPDF"
OUTPUT = Path.home() / "PDF"


def _unavailable(reason: str) -> None:
    """Skip on a developer machine without CUPS; in CI (CI=true), which sets the queue up
    with .ci/cups-setup, a missing queue is a failure, never a silent skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI runs .ci/cups-setup, so this must not happen)")
    pytest.skip(reason)


def cups_queues() -> list[str]:
    """The queue names CUPS itself reports (lpstat -e), independent of Qt."""
    out = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=True).stdout
    return out.split()


def require_queue() -> dict[Path, float]:
    """Skip (saying how to enable it) without the queue; return the output folder's state."""
    from PySide6.QtPrintSupport import QPrinterInfo

    ready = (
        shutil.which("lpstat")
        and subprocess.run(["lpstat", "-p", QUEUE], capture_output=True).returncode == 0
    )
    if not ready:
        _unavailable(f"no CUPS queue named {QUEUE}: run .ci/cups-setup (as root) to create it")
    if QUEUE not in [p.printerName() for p in QPrinterInfo.availablePrinters()]:
        _unavailable(f"Qt does not see the {QUEUE} queue; is CUPS running?")
    OUTPUT.mkdir(exist_ok=True)
    return {p: p.stat().st_mtime_ns for p in OUTPUT.glob("*.pdf")}


def job_marker() -> str:
    """A word to put in a printed sheet's title, so its output is told apart from other jobs on
    the shared queue (two test runs printing at once picked up each other's files)."""
    return f"job{uuid.uuid4().hex[:10]}"


def wait_for_output(before: dict[Path, float], marker: str, timeout: float = 60.0) -> Path:
    """cups-pdf reuses names and creates the file before writing it: wait for a new or
    rewritten PDF that pdfinfo accepts and whose text holds ``marker`` (see job_marker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in OUTPUT.glob("*.pdf"):
            if before.get(path) == path.stat().st_mtime_ns:
                continue
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
            if text.returncode == 0 and marker in text.stdout:
                return path
        time.sleep(0.25)
    pytest.fail(f"cups-pdf wrote no PDF holding {marker!r} to {OUTPUT} within {timeout:.0f} s")
