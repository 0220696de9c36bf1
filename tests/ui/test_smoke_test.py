"""The --smoke-test fails on any exception and on content that is not there (in-process here;
tests/bundle runs it in the frozen app)."""

from __future__ import annotations

import gc
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from mlorg_desktop.ui import smoke_checks
from mlorg_desktop.ui.smoke_test import FailureRecorder, run_smoke_test


def test_smoke_test_passes_and_checks_every_tab(qapp, knowledge, resources, capsys):
    assert run_smoke_test(knowledge, resources) == 0
    out = capsys.readouterr().out
    assert "checked 5 tabs" in out
    assert "Compare (8 assessments in both charts)" in out
    assert "Saved assessments (15 saved rows)" in out
    assert "sheet PDFs of" in out


def test_a_chart_module_that_cannot_be_imported_fails_it(
    qapp, knowledge, resources, capsys, monkeypatch
):
    # The frozen app's bug: `import pyqtgraph` failed inside CompareTab.showEvent.
    monkeypatch.setitem(sys.modules, "mlorg_desktop.ui.charts.charts", None)
    assert run_smoke_test(knowledge, resources) == 1
    err = capsys.readouterr().err
    assert "ModuleNotFoundError" in err and "in showEvent" in err
    assert "smoke test failed" in err


def test_charts_without_data_fail_it(qapp, knowledge, resources, capsys, monkeypatch):
    from mlorg_desktop.ui.charts.charts import FitBarChart

    monkeypatch.setattr(FitBarChart, "set_rows", lambda self, rows: None)
    assert run_smoke_test(knowledge, resources) == 1
    assert "the fit chart has 0 bar groups" in capsys.readouterr().err


def test_a_tab_without_a_content_check_fails_it(qapp, knowledge, resources, capsys, monkeypatch):
    monkeypatch.delitem(smoke_checks.TAB_CHECKS, "Saved assessments")
    assert run_smoke_test(knowledge, resources) == 1
    assert "'Saved assessments' has no content check" in capsys.readouterr().err


class _RaisesOnShow(QWidget):
    def showEvent(self, event):  # noqa: N802 - Qt override
        raise ValueError("raised in showEvent")


class _RaisesOnDelete:
    def __del__(self):
        raise KeyError("raised in __del__")


def _override(qapp):
    widget = _RaisesOnShow()
    QTimer.singleShot(0, widget.show)  # from the event loop: PySide prints and carries on
    qapp.processEvents()
    widget.hide()
    widget.deleteLater()


def _idle(qapp):
    QTimer.singleShot(0, lambda: [][1])
    qapp.processEvents()


def _unraisable(qapp):
    a, b = _RaisesOnDelete(), _RaisesOnDelete()
    a.other, b.other = b, a  # a cycle: only the collector finds it, and nobody can catch it
    del a, b
    gc.collect()


def _thread(qapp):
    worker = threading.Thread(target=lambda: 1 / 0, name="writer")
    worker.start()
    worker.join()


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (_override, "raised in showEvent"),
        (_idle, "IndexError"),
        (_unraisable, "raised in __del__"),
        (_thread, "ZeroDivisionError"),
    ],
)
def test_the_recorder_sees_exceptions_nobody_catches(qapp, fault, expected):
    with FailureRecorder() as failures:
        fault(qapp)
    assert len(failures.reports) >= 1
    assert expected in failures.reports[0]
    assert "Traceback" in failures.reports[0]


def test_the_recorder_puts_the_hooks_back(qapp):
    before = (sys.excepthook, sys.unraisablehook, threading.excepthook)
    with FailureRecorder():
        assert sys.excepthook is not before[0]
    assert (sys.excepthook, sys.unraisablehook, threading.excepthook) == before


def test_pdf_page_count_reads_the_file(qapp, knowledge, examples, tmp_path):
    from mlorg_desktop.report.output import write_pdf
    from mlorg_desktop.report.sheet import build_sheet_data
    from tests.pdf_tools import pdf_pages

    path = tmp_path / "six.pdf"
    write_pdf(path, build_sheet_data(knowledge, examples, "test"), "A4", ())
    assert smoke_checks.pdf_page_count(path) == pdf_pages(path) > 1
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(smoke_checks.SmokeCheckError, match="not a whole PDF"):
        smoke_checks.pdf_page_count(path)
