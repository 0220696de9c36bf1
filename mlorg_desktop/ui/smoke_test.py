"""The --smoke-test run: the window over a temporary store holding the demo assessments; every
tab visited and its content checked; two assessments saved and reloaded; the sheet written and
read back. Any exception anywhere fails it, even one Qt or Python only prints and survives."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from mlorg_desktop.crash import install_excepthook
from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.display import ensure_platform
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.ui.app import FirstPaintWatcher, create_application
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow
from mlorg_desktop.ui.smoke_checks import (
    TAB_CHECKS,
    Screens,
    expect,
    kept_qt_made_items,
    pdf_page_count,
    tick,
)

# Hidden, for `make bundle-check` only: save a grab of every tab (and regions.json) here.
SCREENSHOT_ENV = "MLORG_SMOKE_SCREENSHOT_DIR"
TIMEOUT_MS = 15_000
SETTLE_MS = 150


class FailureRecorder:
    """Collects every exception nobody caught: through the app's crash handler (which
    `sys.excepthook` calls, as PySide does for slots, overrides and timers), unraisable ones
    (`__del__`, callbacks during garbage collection) and uncaught ones in other threads."""

    def __init__(self) -> None:
        self.reports: list[str] = []
        self._previous: tuple[Any, Any, Any] | None = None

    def __enter__(self) -> FailureRecorder:
        self._previous = (sys.excepthook, sys.unraisablehook, threading.excepthook)
        install_excepthook(self.reports.append)
        sys.unraisablehook = self._on_unraisable
        threading.excepthook = self._on_thread_exception
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._previous is not None:
            sys.excepthook, sys.unraisablehook, threading.excepthook = self._previous

    def _on_unraisable(self, unraisable: Any) -> None:
        self._add(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback,
                  f"unraisable exception in {unraisable.object!r}")  # fmt: skip

    def _on_thread_exception(self, args: Any) -> None:
        name = args.thread.name if args.thread else "a thread"
        self._add(args.exc_type, args.exc_value, args.exc_traceback, f"in {name}")

    def _add(
        self,
        kind: type[BaseException],
        value: BaseException | None,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        self.reports.append(f"{where}:\n{text}")


def _wait_until(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > TIMEOUT_MS:
            raise RuntimeError(f"smoke test: timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.005)


class _PaintClock(QObject):
    """When anything in the application last painted."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.last = QElapsedTimer()
        self.last.start()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (
            QEvent.Type.Paint,
            QEvent.Type.UpdateRequest,
            QEvent.Type.LayoutRequest,
        ):
            self.last.restart()
        return False


def _painted(app: QApplication, widget: QWidget, what: str) -> None:
    """Wait for ``widget`` to paint, then for the window to settle (a newly built tab lays
    out and paints again; a grab in between shows half of it)."""
    watcher = FirstPaintWatcher(widget)
    widget.update()
    _wait_until(app, lambda: watcher.painted, what)
    clock = _PaintClock(app)
    try:
        _wait_until(app, lambda: clock.last.elapsed() > SETTLE_MS, f"{what}: painting to stop")
    finally:
        app.removeEventFilter(clock)
        clock.deleteLater()


def run_smoke_test(knowledge: Knowledge, resources: Path) -> int:
    with FailureRecorder() as failures:
        try:
            summary = _run(knowledge, resources)
        except Exception:  # reported with the others, so one failure does not hide the rest
            failures.reports.append(traceback.format_exc())
            summary = ""
        QApplication.processEvents()  # whatever was still queued runs under the recorder
    if failures.reports:
        for report in failures.reports:
            print(report, file=sys.stderr)
        print(
            f"error: smoke test failed: {plural(len(failures.reports), 'exception')}",
            file=sys.stderr,
        )
        return 1
    print(f"smoke test passed: {summary}")
    return 0


def _run(knowledge: Knowledge, resources: Path) -> str:
    from mlorg_desktop.report.output import write_pdf
    from mlorg_desktop.store import AssessmentStore

    ensure_platform()
    app = create_application(resources)
    shots = os.environ.get(SCREENSHOT_ENV)
    screens = Screens(Path(shots) if shots else None)
    with tempfile.TemporaryDirectory(prefix="mlorg-smoke-") as tmp:
        root = Path(tmp)
        paths = AppPaths(data_dir=root, log_dir=root / "logs")
        store = AssessmentStore(paths.store_file, knowledge.bank)
        seed_demo_store(store, knowledge, resources)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
        watcher = FirstPaintWatcher(window)
        window.show()
        _wait_until(app, lambda: watcher.painted, "the main window to paint")
        seen = []
        for index in range(window.tabs.count()):
            name = window.tabs.tabText(index).replace("&", "")
            expect(name in TAB_CHECKS, f"tab {name!r} has no content check in ui/smoke_checks")
            window.tabs.setCurrentIndex(index)
            _painted(app, window.current_tab(), f"tab {name!r} to paint")
            if name == "Compare":
                _tick_compared(app, window, screens)
            seen.append(f"{name} ({TAB_CHECKS[name](window, knowledge)})")
            screens.grab(window, f"{index + 1:02d}-{name.lower().replace(' ', '-')}")
        screens.write_regions()
        kept = kept_qt_made_items()
        expect(not kept, f"{len(kept)} wrappers of Qt-made items outlive them: {sorted(set(kept))}")

        compared = window.compare_tab.selected_assessments()
        before = len(store)
        saved = [_save_assessment(window, n) for n in (1, 2)]
        rows = window.saved_tab.model.rowCount()
        expect(rows == before + 2, f"the saved list shows {rows} rows after two saves")
        store.close()
        reopened = AssessmentStore(paths.store_file, knowledge.bank)
        for assessment in saved:
            again = reopened.get(assessment.id)
            expect(again.answers == assessment.answers, "a reloaded assessment differs")
        reopened.close()

        sheets = []
        for label, chosen in (("compared", compared), ("one", saved[:1])):
            pdf = root / f"sheet-{label}.pdf"
            pages = write_pdf(pdf, window.printing.sheet(chosen), "A4", paths.protected_files())
            in_file = pdf_page_count(pdf)
            expect(pages >= 1 and in_file == pages, f"{pdf.name}: {in_file} pages for {pages}")
            sheets.append(pages)
        expect(sheets[0] > sheets[1], f"the sheet of {len(compared)} is not longer than of one")
        window.assessment_tab.start_new()
        window.close()
        app.processEvents()
    return (
        f"checked {len(seen)} tabs: {', '.join(seen)}; saved and reloaded 2 assessments; "
        f"sheet PDFs of {sheets[0]} and {sheets[1]} pages read back"
    )


def _tick_compared(app: QApplication, window: MainWindow, screens: Screens) -> None:
    """Grab the empty state (no bare axes while nothing is ticked), tick every demo
    assessment, wait for both charts to paint and note where they are."""
    tab = window.compare_tab
    expect(tab.radar is not None and tab.bars is not None, "the Compare charts were not built")
    area = tab.chart_area
    _painted(app, area.empty, "the Compare empty state to paint")
    screens.grab(window, "compare-empty")
    tick(window, len(window.store.all()))
    for name, chart in (("radar", tab.radar), ("bars", tab.bars)):
        _painted(app, chart.viewport(), f"the {name} chart to paint")
        screens.note_region(window, name, chart)


def _save_assessment(window: MainWindow, number: int) -> Any:
    window.show_tab(window.assessment_tab)
    tab = window.assessment_tab
    tab.start_new()
    tab.organization.setText(f"Smoke test organization {number}")
    for card in tab.cards.values():
        options = card.question.options
        card.buttons[options[(number - 1) % len(options)].id].click()
    expect(tab.save(), f"saving assessment {number} failed")
    return window.store.get(tab.stored_id() or "")
