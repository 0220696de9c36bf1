"""What the --smoke-test checks on each tab: the content a user would see, not only that the
tab was visited. Every tab needs an entry in TAB_CHECKS, or the smoke test fails."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QApplication,
    QListWidgetItem,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from mlorg_desktop.domain.comparison import radar_point
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.ui.main_window import MainWindow

_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


class SmokeCheckError(RuntimeError):
    """A tab, a file or a chart does not show what it should."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeCheckError(f"smoke test: {what}")


def kept_qt_made_items() -> list[str]:
    """Type names of live Python wrappers of view items that Qt made itself.

    PySide keeps some of these alive as children of their model (``horizontalHeaderItem()``);
    when Qt deletes the item the wrapper stays registered under its address, and the next Qt
    object allocated there comes back to Python as that item, or is freed twice. Items made in
    Python are safe (their destructor tells Shiboken), so after the views have been refilled
    this list must be empty. Only the type is read: a dead item's methods would crash."""
    gc.collect()
    kinds = (QStandardItem, QTableWidgetItem, QTreeWidgetItem, QListWidgetItem)
    return [
        type(o).__name__
        for o in gc.get_objects()
        if isinstance(o, kinds) and not shiboken6.createdByPython(o)
    ]


def pdf_page_count(pdf: Path) -> int:
    """Pages in a PDF written by QPdfWriter, read back from the file (no poppler in the bundle):
    Qt writes every page as its own, uncompressed ``/Type /Page`` object."""
    data = pdf.read_bytes()
    expect(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], f"{pdf.name} is not a whole PDF")
    return len(_PAGE_OBJECT.findall(data))


def check_archetypes(window: MainWindow, knowledge: Knowledge) -> str:
    tab = window.archetypes_tab
    names = [tab.list.item(row).text() for row in range(tab.list.count())]
    wanted = [a.name for a in knowledge.catalog.archetypes]
    expect(names[: len(wanted)] == wanted, f"the archetype list shows {names}, not {wanted}")
    shown = tab.archetype_page.text.toPlainText()
    expect(wanted[0] in shown, f"the first archetype's page does not name {wanted[0]!r}")
    return f"{len(wanted)} archetypes"


def check_assessment(window: MainWindow, knowledge: Knowledge) -> str:
    tab = window.assessment_tab
    questions = knowledge.bank.latest.question_count
    expect(len(tab.cards) == questions, f"{len(tab.cards)} question cards for {questions}")
    expect(all(card.isVisibleTo(tab) for card in tab.cards.values()), "a question card is hidden")
    return f"{questions} questions; {check_roadmap_and_what_if(window, knowledge)}"


def check_roadmap_and_what_if(window: MainWindow, knowledge: Knowledge) -> str:
    """A demo assessment with a target shows the domain's roadmap; in What-if mode its first
    step moves the target's fit to that step's fit_after; leaving restores the saved answers."""
    from mlorg_desktop.domain.roadmap import plan

    tab = window.assessment_tab
    plans = [
        (a, plan(knowledge.bank.get(a.questionnaire_version), knowledge.catalog, a.answers,
                 a.target, text=knowledge.roadmap_text))
        for a in window.store.all()
        if a.target
    ]  # fmt: skip
    planned = [(a, p) for a, p in plans if p.steps]
    expect(bool(planned), "no demo assessment has a target with a roadmap")
    assessment, want = planned[0]
    tab.open_assessment(assessment)
    shown = tab.roadmap.roadmap
    expect(shown == want, f"the roadmap panel shows {shown}, not the domain's plan")
    first = want.steps[0]
    text = tab.roadmap.text()
    expect(
        tab.roadmap.view.isVisibleTo(tab) and f"to “{first.to_text}”" in text,
        "the roadmap panel does not show its first step",
    )
    tab.what_if.action.trigger()
    expect(tab.what_if.active and tab.what_if.bar.isVisibleTo(tab), "What-if mode did not start")
    tab.cards[first.question_id].buttons[first.to_option].click()
    fit = tab.live.score.fits[want.target] if tab.live.score else -1.0
    expect(abs(fit - first.fit_after) < 1e-9, f"What-if fit {fit} is not {first.fit_after}")
    changed = tab.what_if.bar.changes.count()
    expect(changed == 1, f"What-if lists {changed} changes for one")
    tab.load_answers(assessment.answers)  # undo the change (no question to confirm), then leave
    tab.what_if.answers_changed()
    tab.what_if.action.trigger()
    expect(not tab.what_if.active, "What-if mode did not end")
    expect(tab.card_answers() == assessment.answers, "leaving What-if changed the answers")
    stored = window.store.get(assessment.id)
    expect(stored.answers == assessment.answers, "What-if mode wrote the stored answers")
    return f"roadmap of {len(want.steps)} steps, What-if fit {want.current_fit:.0f} → {fit:.0f}"


def check_saved(window: MainWindow, knowledge: Knowledge) -> str:
    rows, stored = window.saved_tab.model.rowCount(), len(window.store.all())
    expect(stored > 0 and rows == stored, f"the saved list has {rows} rows for {stored} stored")
    return f"{rows} saved rows"


def check_compare(window: MainWindow, knowledge: Knowledge) -> str:
    """Both pyqtgraph charts exist, on screen, and hold the compared assessments' data."""
    tab = window.compare_tab
    rows = tab.comparison.rows
    expect(len(rows) >= 2, f"only {len(rows)} assessments are ticked on the Compare tab")
    expect(tab.radar is not None and tab.bars is not None, "the Compare charts were not built")
    radar, bars = tab.radar, tab.bars
    expect(radar.isVisible() and bars.isVisible(), "a Compare chart is not on screen")
    dims = knowledge.catalog.dimensions
    expect(len(radar.series) == len(rows), f"the radar has {len(radar.series)} series")
    for row, item in zip(rows, radar.series, strict=True):
        x, y = item.getData()
        values = [row.score.positions[d.id] or 0.0 for d in dims]
        want = [radar_point(v, i, len(dims)) for i, v in enumerate(values)]
        got = list(zip(x[: len(dims)], y[: len(dims)], strict=True)) if x is not None else []
        expect(
            item.isVisible() and len(got) == len(dims) and _close(got, want),
            f"the radar series for {row.assessment.organization!r} holds {got}, not {want}",
        )
    archetypes = knowledge.catalog.archetypes
    expect(len(bars.bars) == len(rows), f"the fit chart has {len(bars.bars)} bar groups")
    for row, bar in zip(rows, bars.bars, strict=True):
        heights = [float(h) for h in bar.opts["height"]]
        want_heights = [float(row.score.fits[a.id]) for a in archetypes]
        expect(
            bar.isVisible() and heights == want_heights,
            f"the fit bars for {row.assessment.organization!r} are {heights}",
        )
    return f"{len(rows)} assessments in both charts"


def check_organizations(window: MainWindow, knowledge: Knowledge) -> str:
    """The organization with several rounds is listed; choosing it reads its last round and
    draws one trend line per archetype, each point the fit of that round's combined reading."""
    tab = window.organizations_tab
    records = [r for r in tab.records if len(r.rounds) >= 2]
    expect(bool(records), f"no organization with two rounds among {len(tab.records)} listed")
    record = records[0]
    tab.select_organization(record.organization, record.unit)
    expect(tab.reading is not None, f"choosing {record.title!r} read nothing")
    rounds = tab.reading.rounds
    expect(tab.rounds.count() == len(rounds) >= 2, f"{tab.rounds.count()} rounds listed")
    expect(bool(tab.panel.summary.text().strip()), "the combined reading is empty")
    expect(tab.plot.isVisible(), "the trend plot is not on screen")
    lines = tab.plot.lines
    expect(len(lines) == len(knowledge.catalog.archetypes), f"{len(lines)} trend lines drawn")
    for archetype_id, item in lines.items():
        _, y = item.getData()
        want = [r.reading.score.fits[archetype_id] for r in rounds]
        got = [float(v) for v in y] if y is not None else []
        expect(
            item.isVisible()
            and _close(list(zip(got, got, strict=True)), list(zip(want, want, strict=True))),
            f"the trend line for {archetype_id} holds {got}, not {want}",
        )
    return f"{record.title}: {len(rounds)} rounds, {len(lines)} trend lines"


TAB_CHECKS: dict[str, Callable[[MainWindow, Knowledge], str]] = {
    "Archetypes": check_archetypes,
    "Assessment": check_assessment,
    "Saved assessments": check_saved,
    "Compare": check_compare,
    "Organizations": check_organizations,
}


def _close(got: list[tuple[float, float]], want: list[tuple[float, float]]) -> bool:
    return all(
        abs(a - c) < 1e-9 and abs(b - d) < 1e-9 for (a, b), (c, d) in zip(got, want, strict=True)
    )


class Screens:
    """Grabs of the window as the X server shows it, for `make bundle-check` (its
    tests/bundle check that the Compare charts are drawn). Off unless given a folder."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.regions: dict[str, Any] = {}
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def grab(self, window: MainWindow, name: str) -> None:
        if self.folder is None:
            return
        # The grab reads the screen: let pending layouts and paints land first, or it shows
        # the frame before the last changes (a v2 section list beside a v1 form, once).
        for _ in range(3):
            QApplication.processEvents()
        window.repaint()
        screen = window.screen()
        picture = screen.grabWindow(window.winId())
        if picture.isNull() or not picture.save(str(self.folder / f"{name}.png")):
            raise SmokeCheckError(f"smoke test: could not grab the window to {name}.png")

    def note_region(self, window: MainWindow, name: str, widget: QWidget) -> None:
        """Where ``widget``'s drawing area lies in the window grab (device pixels)."""
        view = getattr(widget, "viewport", lambda: widget)()
        top_left = view.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, view.size())
        ratio = window.devicePixelRatioF()
        self.regions[name] = [round(v * ratio) for v in rect.getRect()]

    def write_regions(self) -> None:
        if self.folder is not None:
            text = json.dumps(self.regions, indent=2, sort_keys=True)
            (self.folder / "regions.json").write_text(text + "\n", encoding="utf-8")


def tick(window: MainWindow, count: int) -> None:
    """Tick the first ``count`` assessments in the Compare list, as clicking their boxes does."""
    tab = window.compare_tab
    for row in range(min(count, tab.proxy.rowCount())):
        source = tab.proxy.mapToSource(tab.proxy.index(row, 0))
        tab.items.itemFromIndex(source).setCheckState(Qt.CheckState.Checked)
