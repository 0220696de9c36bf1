"""The UI thread while saving at N = 10,000; the Compare tab's redraw when one assessment is
ticked or unticked; the Assessment tab's redraw on one what-if change of answer.

Blocking is measured by a 5 ms precise timer that records its own lateness: the longest gap
between two of its ticks, minus 5 ms, is the longest the UI thread was busy. The floor for the
save is the same save made on the UI thread (the write waited for in the slot), in the same
window, same run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness import append_results
from startup import make_store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mlorg_desktop.domain.knowledge import load_knowledge  # noqa: E402
from mlorg_desktop.paths import AppPaths  # noqa: E402
from mlorg_desktop.resources import resources_dir  # noqa: E402
from mlorg_desktop.store import AssessmentStore  # noqa: E402
from mlorg_desktop.ui.dialogs.msgbox import Messenger  # noqa: E402
from mlorg_desktop.ui.main_window import MainWindow  # noqa: E402
from mlorg_desktop.ui.widgets.assessment_model import ID_ROLE  # noqa: E402

TICK_MS = 5


class Lateness(QObject):
    """Ticks every 5 ms; remembers the longest gap between ticks."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(0.0, self.worst - TICK_MS / 1000)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


class Painted(QObject):
    """Counts the paints of each target; ``all_since`` says whether every one painted."""

    def __init__(self, *targets: QObject) -> None:
        super().__init__()
        self.counts = dict.fromkeys(targets, 0)
        for target in targets:
            target.installEventFilter(self)

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def snapshot(self) -> dict[QObject, int]:
        return dict(self.counts)

    def all_since(self, before: dict[QObject, int]) -> bool:
        return all(self.counts[t] > n for t, n in before.items())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.counts[watched] += 1
        return False


class PaintedInside(QObject):
    """Counts paints of any widget inside ``area`` (one filter on the application)."""

    def __init__(self, app: QApplication, area: QWidget) -> None:
        super().__init__()
        self.area = area
        self.count = 0
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and (watched is self.area or self.area.isAncestorOf(watched))
        ):
            self.count += 1
        return False


def spin(app: QApplication, ms: int, until=lambda: True) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms or not until():
        app.processEvents()
        time.sleep(0.0005)


RUNS = 40  # changes timed per way of timing them
SETTLE_MS = 150  # between two changes when they come at a user's pace


def time_changes(app: QApplication, change, painted) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """``change(run)`` then events until ``painted()`` is true, ``RUNS`` times at a user's
    pace (the window idle before each change) and ``RUNS`` times back to back (each change
    also pays for what the one before left queued). Seconds of wall time, and of the UI
    thread's CPU time at a user's pace (what other processes on a shared machine cannot
    inflate)."""
    out: dict[str, list[float]] = {"settled": [], "back to back": [], "cpu": []}
    for run in range(2 * RUNS):
        idle = run < RUNS
        if idle:
            spin(app, SETTLE_MS)
        done = painted()
        started, cpu = time.perf_counter(), time.thread_time()
        change(run)
        while not done():
            app.processEvents()
        out["settled" if idle else "back to back"].append(time.perf_counter() - started)
        if idle:
            out["cpu"].append(time.thread_time() - cpu)
    return out


def describe(timings: dict[str, list[float]]) -> str:
    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:.1f} ms (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})"
        )

    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return (
        f"{ms(timings['settled'])} at a user's pace (UI thread CPU "
        f"{statistics.median(timings['cpu']) * 1000:.1f} ms), {ms(timings['back to back'])} "
        f"back to back, {RUNS} changes each; goal 16 ms (load average {load})"
    )


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    knowledge = load_knowledge(resources_dir())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_store(Path(tmp) / "big", 10_000)
        store = AssessmentStore(folder / "assessments.json", knowledge.bank)
        paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
        window.show()
        spin(app, 200)
        tab = window.assessment_tab
        tab.open_assessment(store.all()[0])
        window.show_tab(tab)
        lateness = Lateness()
        background, on_ui_thread, saving_shown = [], [], []

        def save(wait_in_slot: bool) -> None:
            window.save_action.trigger()
            saving_shown.append(window.save_state.text() == "Saving…")
            if wait_in_slot:
                store.flush()

        for run in range(14):
            wait_in_slot = run % 2 == 1  # interleaved, so both see the same machine load
            tab.notes.setPlainText(f"run {run}")
            lateness.start()
            spin(app, 60)
            QTimer.singleShot(0, lambda w=wait_in_slot: save(w))
            spin(app, 150, until=lambda: not store.pending)
            blocked = lateness.stop()
            (on_ui_thread if wait_in_slot else background).append(blocked)
        spin(app, 50)
        ours = statistics.median(background)
        floor = statistics.median(on_ui_thread)
        rows.append(
            f"UI thread blocked during a save at N=10,000: median {ours * 1000:.1f} ms "
            f"(max {max(background) * 1000:.1f}) with the writer thread; the same save waited "
            f"for on the UI thread: median {floor * 1000:.1f} ms (max "
            f"{max(on_ui_thread) * 1000:.1f}); ratio {ours / floor:.2f}; target <= 50 ms; "
            f"'Saving…' shown after {sum(saving_shown)}/{len(saving_shown)} saves"
        )

        window.close()
        store.close()
        for count in (5_000, 10_000):
            rows.append(compare_redraw(app, knowledge, Path(tmp), count))
        rows.append(what_if_redraw(app, knowledge, Path(tmp)))
    for row in rows:
        print(row)
    append_results("UI responsiveness", rows)


def compare_redraw(app: QApplication, knowledge, tmp: Path, count: int = 5000) -> str:  # type: ignore[no-untyped-def]
    """Ticking and unticking one assessment in Compare (7-8 chosen, ``count`` stored), the
    window's own work until both charts have painted again."""
    folder = make_store(tmp / f"compare-{count}", count)
    store = AssessmentStore(folder / "assessments.json", knowledge.bank)
    paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
    settings = QSettings(str(tmp / f"compare-{count}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
    window.show()
    spin(app, 200)
    window.show_tab(window.compare_tab)
    spin(app, 300)
    compare = window.compare_tab
    ids = [a.id for a in store.all()[:8]]
    compare.set_selected(ids[:7])
    spin(app, 200)
    assert compare.radar is not None and compare.bars is not None
    painted = Painted(compare.radar.viewport(), compare.bars.viewport())
    item = compare.items.item(
        next(
            r
            for r in range(compare.items.rowCount())
            if compare.items.item(r).data(ID_ROLE) == ids[7]
        )
    )

    def tick(run: int) -> None:  # tick and untick one assessment, as a user does
        item.setCheckState(Qt.CheckState.Checked if run % 2 == 0 else Qt.CheckState.Unchecked)

    def both_painted():  # type: ignore[no-untyped-def]
        before = painted.snapshot()
        return lambda: painted.all_since(before)

    timings = time_changes(app, tick, both_painted)
    window.close()
    store.close()
    return (
        f"Compare tab redraw when one assessment is ticked or unticked (7-8 chosen, {count:,} "
        f"stored), until both charts painted: {describe(timings)}"
    )


def what_if_redraw(app: QApplication, knowledge, tmp: Path, count: int = 5000) -> str:  # type: ignore[no-untyped-def]
    """One changed answer in the Assessment tab's What-if mode (``count`` stored): from the
    click on an option to the live results column's next paint, the window's own work (score,
    gap, roadmap, the results and roadmap panels, the what-if bar)."""
    folder = make_store(tmp / "what-if", count)
    store = AssessmentStore(folder / "assessments.json", knowledge.bank)
    paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
    settings = QSettings(str(tmp / "what-if.ini"), QSettings.Format.IniFormat)
    window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
    window.show()
    spin(app, 200)
    tab = window.assessment_tab
    opened = next(a for a in store.all() if a.target)  # a roadmap to plan on every change
    tab.open_assessment(opened)
    window.show_tab(tab)
    spin(app, 200)
    tab.what_if.action.trigger()  # as Ctrl+Shift+W does
    assert tab.what_if.active
    spin(app, 200)
    painted = PaintedInside(app, tab.live)
    cards = [c for c in tab.cards.values() if len(c.buttons) > 1]
    previous = {"answer": ""}

    def change(run: int) -> None:
        # Round the questions; every other change puts the answer before it back.
        card = cards[(run // 2) % len(cards)]
        current = card.answer()
        if run % 2 == 0 or previous["answer"] not in card.buttons:
            previous["answer"] = current if isinstance(current, str) else ""
            choice = next(k for k in card.buttons if k != current)
        else:
            choice = previous["answer"]
        card.buttons[choice].click()

    def column_painted():  # type: ignore[no-untyped-def]
        before = painted.count
        return lambda: painted.count > before

    timings = time_changes(app, change, column_painted)
    window.close()
    store.close()
    return (
        f"What-if change of one answer in the Assessment tab ({count:,} stored), from the "
        f"click to the results column's next paint: {describe(timings)}"
    )


if __name__ == "__main__":
    main()
