"""The Organizations view and `org --json` on 5,075 assessments (200 organizations x 25
respondents, in 1-3 rounds each, and one organization of 25 respondents x 3 rounds).

* In the window: building the Organizations tab the first time it is shown, and the redraw when
  another organization is selected: from the selection to the end of the window's first paint
  pass after it, and to the end of its last one (the settled view: a layout that settles in a
  later pass paints again), 20 selections of a random organization and 20 of the 25 x 3 one,
  alternately. The goal is one frame (16 ms), and one paint.
* As whole processes: `org NAME --json` against `list --json` on the same store (the floor); the
  goal is at most 1.2x.

`--window` runs the in-window part only and prints it without adding to RESULTS.md.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from harness import ROOT, append_results

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mlorg_desktop.domain.assessment import Assessment  # noqa: E402
from mlorg_desktop.domain.knowledge import load_knowledge  # noqa: E402
from mlorg_desktop.domain.org_report import read_record  # noqa: E402
from mlorg_desktop.paths import AppPaths  # noqa: E402
from mlorg_desktop.resources import resources_dir  # noqa: E402
from mlorg_desktop.store import AssessmentStore  # noqa: E402
from mlorg_desktop.ui.dialogs.msgbox import Messenger  # noqa: E402
from mlorg_desktop.ui.main_window import MainWindow  # noqa: E402

ORGANIZATIONS = 200
RESPONDENTS = 25
# One more organization asked three times: 25 respondents in each of 3 rounds (75 assessments).
THREE_ROUNDS = "Organization 3R"
SELECTIONS = 20  # of each kind: another organization, and the organization of 25 x 3
QUIET = 0.25  # seconds without a paint after which the selection's last paint is the settled one
THREE_ROUNDS_WHAT = "the organization of 25 respondents x 3 rounds"
ROLES = ("CTO", "Head of Data", "ML Engineer", "Data Scientist", "Data Engineer")


def respondent(rng, questions, knowledge, organization: str, person: int, on: str) -> Assessment:  # type: ignore[no-untyped-def]
    """One respondent leaning to one option letter, answering it 70% of the time."""
    leaning = rng.choice("bcde")
    answers = {}
    for q in questions:
        ids = [o.id for o in q.options]
        usual = q.id + leaning if q.id + leaning in ids else ids[-1]
        answers[q.id] = usual if rng.random() < 0.7 else rng.choice(ids)
    return Assessment(
        id=str(uuid.uuid4()),
        organization=organization,
        unit="",
        respondent=f"Person {person}",
        role=ROLES[person % len(ROLES)],
        assessed_on=on,
        questionnaire_version=knowledge.bank.latest.version,
        answers=answers,
    )


def make_org_store(path: Path, knowledge) -> list[str]:  # type: ignore[no-untyped-def]
    rng = random.Random(20261201)
    questions = list(knowledge.bank.latest.questions())
    items, names = [], []
    for org in range(ORGANIZATIONS):
        name = f"Organization {org:03d}"
        names.append(name)
        rounds = 1 + org % 3
        for person in range(RESPONDENTS):
            round_index = person % rounds
            day = f"{2024 + round_index}-0{1 + person % 9}-1{person % 10}"
            on = day if round_index == 0 else f"{2024 + round_index}-06-15"
            items.append(respondent(rng, questions, knowledge, name, person, on))
    for round_index in range(3):
        for person in range(RESPONDENTS):
            on = f"{2024 + round_index}-03-{10 + person % 10}"
            items.append(respondent(rng, questions, knowledge, THREE_ROUNDS, person, on))
    names.append(THREE_ROUNDS)
    store = AssessmentStore(path, knowledge.bank)
    store.import_many(items)
    store.close()
    return names


class PaintWatcher(QObject):
    """Paints ``window`` itself when Qt asks it to (an UpdateRequest: one pass that paints every
    dirty widget) and records when each pass ended, and whether the trend plot was in it."""

    def __init__(self, window: QWidget, plot: QWidget) -> None:
        super().__init__()
        self.window, self.plot = window, plot
        self.ends: list[float] = []  # when each paint of the window finished
        self.cpu_ends: list[float] = []  # the UI thread's CPU time then
        self.plot_painted = False
        window.installEventFilter(self)
        plot.installEventFilter(self)

    def clear(self) -> None:
        self.ends.clear()
        self.cpu_ends.clear()
        self.plot_painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.plot and event.type() == QEvent.Type.Paint:
            self.plot_painted = True
        elif watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            watched.event(event)  # the whole paint pass, timed to its end
            self.ends.append(time.perf_counter())
            self.cpu_ends.append(time.thread_time())
            return True
        return False


def settle(
    app: QApplication, watcher: PaintWatcher, started: float, cpu: float
) -> tuple[float, float, int, float]:
    """Process events until the window has painted and nothing has been painted since for
    ``QUIET`` seconds; returns (end of the first paint, end of the last paint, paints, the UI
    thread's CPU time to the end of the last paint). CPU time is less at the mercy of other
    processes on a busy machine than the wall clock."""
    deadline = started + 5
    wake = QTimer()  # the loop sleeps until an event comes (spinning would count as CPU time)
    wake.start(10)
    while time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        last = watcher.ends[-1] if watcher.ends else None
        if last is not None and time.perf_counter() - last > QUIET:
            break
    wake.stop()
    if not watcher.ends or not watcher.plot_painted:
        raise RuntimeError("the window (with its trend plot) did not repaint after a selection")
    return (
        watcher.ends[0] - started,
        watcher.ends[-1] - started,
        len(watcher.ends),
        watcher.cpu_ends[-1] - cpu,
    )


def spread(seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"median {statistics.median(ms):.1f} ms (min {min(ms):.1f}, max {max(ms):.1f}, n={len(ms)})"
    )


def wall(argv: list[str], runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - started)
    return out


def in_window(folder: Path, knowledge, names: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    app = QApplication.instance() or QApplication([])
    store = AssessmentStore(folder / "assessments.json", knowledge.bank)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    paths = AppPaths(folder, folder / "logs")
    window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
    window.resize(1400, 900)
    window.show()
    for _ in range(20):
        app.processEvents()
    started = time.perf_counter()
    window.tab_actions[4].trigger()
    tab = window.current_tab()
    app.processEvents()
    opened = time.perf_counter() - started
    while tab._preparing.isActive():  # every organization read once, in idle slices
        app.processEvents()
    prepared = time.perf_counter() - started
    watcher = PaintWatcher(window, tab.plot.viewport())
    rng = random.Random(7)
    first: dict[bool, list[float]] = {False: [], True: []}
    settled: dict[bool, list[float]] = {False: [], True: []}
    passes: dict[bool, list[int]] = {False: [], True: []}
    cpu: dict[bool, list[float]] = {False: [], True: []}
    listed = [tab.organizations.item(r).text() for r in range(tab.organizations.count())]
    big_row = next(r for r, text in enumerate(listed) if THREE_ROUNDS in text)
    for run in range(2 * SELECTIONS):
        watcher.clear()
        # Every other selection is the organization of 25 respondents x 3 rounds.
        big = bool(run % 2)
        row = big_row if big else rng.randrange(len(names))
        started, cpu_started = time.perf_counter(), time.thread_time()
        tab.organizations.setCurrentRow(row)
        one, last, count, used = settle(app, watcher, started, cpu_started)
        cpu[big].append(used)
        first[big].append(one)
        settled[big].append(last)
        passes[big].append(count)
    del watcher
    record = next(r for r in tab.records if r.organization == THREE_ROUNDS)
    cold = []
    for _ in range(5):  # what a selection costs before its reading is prepared
        t0 = time.perf_counter()
        read_record(record, knowledge, tab.role_overrides())
        cold.append(time.perf_counter() - t0)
    window.close()
    store.close()
    return [
        f"Organizations tab first shown (5,000 assessments, 200 organizations; builds the tab and "
        f"imports pyqtgraph if not yet loaded): {opened * 1000:.0f} ms; every organization's "
        f"reading prepared in idle slices {prepared * 1000:.0f} ms after it was asked for",
        *(
            f"Organizations view: selecting {what}, to the end of the window's "
            f"{which} paint: {spread(times)}; goal 16 ms"
            for big, what in ((False, "another organization"), (True, THREE_ROUNDS_WHAT))
            for which, times in (("first", first[big]), ("last (settled)", settled[big]))
        ),
        *(
            f"Organizations view: UI thread CPU time from selecting {what} to the end of the "
            f"last paint: {spread(cpu[big])}"
            for big, what in ((False, "another organization"), (True, THREE_ROUNDS_WHAT))
        ),
        f"paint passes per selection: median {statistics.median(passes[False]):g} "
        f"(max {max(passes[False])}), 25 x 3 organization median "
        f"{statistics.median(passes[True]):g} (max {max(passes[True])}) (load average "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])})",
        f"reading that organization cold (pooling 3 rounds and their role groups, done once "
        f"per organization and store change, in idle slices): median "
        f"{statistics.median(cold) * 1000:.1f} ms",
    ]


def main() -> None:
    window_only = "--window" in sys.argv[1:]
    knowledge = load_knowledge(resources_dir())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = make_org_store(folder / "assessments.json", knowledge)
        rows = in_window(folder, knowledge, names)
        if not window_only:
            rows.append(whole_processes(folder))
    for row in rows:
        print(row)
    if not window_only:
        append_results("Organizations view and org command", rows)


def whole_processes(folder: Path) -> str:
    app = [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(folder)]
    floor, org = [], []
    for _ in range(7):  # alternating, so both see the same machine load
        floor += wall([*app, "list", "--json"], 1)
        org += wall([*app, "org", THREE_ROUNDS, "--json"], 1)
    ratio = statistics.median(org) / statistics.median(floor)
    return (
        f"`org NAME --json` as a whole process: median {statistics.median(org) * 1000:.0f} ms"
        f" vs `list --json` {statistics.median(floor) * 1000:.0f} ms on the same store: "
        f"{ratio:.2f}x (goal at most 1.2x)"
    )


if __name__ == "__main__":
    main()
