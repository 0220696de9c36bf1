"""The Organizations view: organizations with their rounds and respondents; for the one chosen,
each round's combined reading, its disagreements, the by-role split, and the trend over rounds.

pyqtgraph (the trend plot) loads when this tab is first built.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from html import escape

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.org_report import RecordReading, read_record
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.rounds import OrganizationRecord, organizations
from mlorg_desktop.domain.trend import RoundChange
from mlorg_desktop.report.palette import SeriesStyle
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui import role_settings
from mlorg_desktop.ui.charts.chart_table import ChartWithTable
from mlorg_desktop.ui.charts.chart_text import trend_text
from mlorg_desktop.ui.charts.trend_plot import FITS, POSITIONS, TrendPlot
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.widgets.empty_state import EmptyState
from mlorg_desktop.ui.widgets.layout import MARGIN, container, settle_layout, vbox
from mlorg_desktop.ui.widgets.legend import ChartLegend, swatch
from mlorg_desktop.ui.widgets.round_panel import RoundPanel, person_text
from mlorg_desktop.ui.widgets.wrapped_label import WrappedLabel

LAYOUT_LEVELS = 4  # rounds of posted layout requests a refill takes to settle
EMPTY_TEXT = (
    "No organizations yet. Import respondents' files with File ▸ Import… "
    "(or drop the files on this window) to read an organization's answers together."
)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class OrganizationsTab(QWidget):
    """Organizations, their rounds and what their respondents say together.

    Signals:
        assessments_saved(list): ids of assessments this tab wrote (a round's target).
        import_requested(): there are no organizations and the user wants to import files.
    """

    assessments_saved = Signal(list)
    import_requested = Signal()

    def __init__(
        self,
        knowledge: Knowledge,
        store: AssessmentStore,
        settings: QSettings,
        messenger: Messenger | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.messenger = messenger or Messenger(quiet=True)
        self.knowledge = knowledge
        self.store = store
        self.settings = settings
        self.records: list[OrganizationRecord] = []
        self.reading: RecordReading | None = None
        # Readings by organization and role groups, until the store changes: pooling a round
        # (and again per role group) is the whole cost of a selection, so it is done once, and
        # for the organizations not chosen yet in idle moments (one per timer tick).
        self._readings: dict[tuple[tuple[str, str], str], RecordReading] = {}
        self._preparing = QTimer(self)
        self._preparing.setInterval(0)
        self._preparing.timeout.connect(self._prepare_one)

        self.organizations = QListWidget()
        self.rounds = QListWidget()
        self.organizations.setAccessibleName("Organizations")
        for view in (self.organizations, self.rounds):
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.organizations.currentRowChanged.connect(self._on_organizations_current_row_changed)
        self.rounds.setAccessibleName("Rounds of the organization")
        self.rounds.currentRowChanged.connect(self._on_rounds_current_row_changed)
        self.respondents = WrappedLabel()
        self.respondents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = container(
            vbox(
                _buddy("<b>&Organizations</b>", self.organizations),
                self.organizations,
                _buddy("<b>&Rounds</b>", self.rounds),
                self.rounds,
                self.respondents,
            )
        )
        left.setMaximumWidth(340)

        self.panel = RoundPanel(knowledge.catalog, knowledge.roadmap_text)
        self.panel.role_groups_changed.connect(self._on_panel_role_groups_changed)
        self.panel.roadmap.target_chosen.connect(self._on_round_target_chosen)
        self.trend_choice = QComboBox()
        self.trend_choice.addItem("Archetype fit", FITS)
        self.trend_choice.addItem("Dimension positions", POSITIONS)
        self.trend_choice.setAccessibleName("What the trend shows")
        self.trend_choice.currentIndexChanged.connect(self._on_trend_choice_current_index_changed)
        self.plot = TrendPlot(knowledge.catalog)
        self.plot.setMinimumHeight(260)
        self.plot_view = ChartWithTable(self.plot, "the trend chart")
        self.legend = ChartLegend()
        self.legend.setAccessibleName("Trend legend")
        self.legend.setMaximumHeight(52)
        self._legend_entries: list[tuple[str, SeriesStyle]] = []  # what the legend lists now
        self.trend_text = WrappedLabel()
        self.trend_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        trend = QGroupBox("Trend across rounds")
        trend.setLayout(
            vbox(
                _buddy("&Trend of:", self.trend_choice),
                self.trend_choice,
                self.plot_view,
                self.legend,
                self.trend_text,
            )
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(container(vbox(self.panel, trend, None)))

        splitter = QSplitter()
        splitter.setObjectName("organizationsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.empty = EmptyState()
        self.empty.setObjectName("organizationsEmpty")
        self.empty.show_state(EMPTY_TEXT, "Import…", self.import_requested.emit)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        self.setLayout(vbox(self.stack, margin=MARGIN))
        self.refresh()

    # Role groups (kept in the settings, shared by every organization) -------------------------

    def role_overrides(self) -> dict[str, str]:
        return role_settings.role_overrides(self.settings)

    def _on_panel_role_groups_changed(self, overrides: dict[str, str]) -> None:
        role_settings.remember_role_overrides(self.settings, overrides)
        self._read_current(keep_round=True)

    def _on_round_target_chosen(self, target: str) -> None:
        """Set ``target`` on every respondent's assessment of the round, in one write."""
        row = self.rounds.currentRow()
        if self.reading is None or not 0 <= row < len(self.reading.rounds):
            return
        people = self.reading.rounds[row].round.assessments
        try:
            saved = self.store.update_many([replace(a, target=target) for a in people])
        except (StoreError, ValueError) as exc:
            self.messenger.error(self, "Could not set the round's target", str(exc))
            self._read_current(keep_round=True)  # the list shows the stored target again
            return
        # Same organizations, same order: only the records' assessments are new, so the readings
        # kept for them are stale (the picker would show the old target and the next key press
        # would start from it).
        self.records = organizations(self.store.all())
        self._readings.clear()
        self._read_current(keep_round=True)
        self.assessments_saved.emit([a.id for a in saved])

    # Keeping up with the store -----------------------------------------------------------------

    def on_assessment_saved(self, _assessment_id: str) -> None:
        self.refresh()

    def on_assessments_saved(self, _assessment_ids: Iterable[str]) -> None:
        self.refresh()

    def on_assessment_deleted(self, _assessment_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Group the store into organizations again, keeping the chosen one if it is still there."""
        current = self.current_record()
        key = current.key if current else None
        self.records = organizations(self.store.all())
        self._readings.clear()
        if self.isVisible():
            self._preparing.start()
        self.stack.setCurrentIndex(1 if self.records else 0)
        self.setFocusProxy(self.organizations if self.records else self.empty)
        self.organizations.blockSignals(True)
        self.organizations.clear()
        for record in self.records:
            people = len(record.assessments)
            rounds = len(record.rounds)
            item = QListWidgetItem(
                f"{record.title}\n{plural(rounds, 'round')}, {plural(people, 'assessment')}"
            )
            item.setToolTip(record.title)
            self.organizations.addItem(item)
        self.organizations.blockSignals(False)
        keys = [r.key for r in self.records]
        row = keys.index(key) if key in keys else (0 if self.records else -1)
        self.organizations.setCurrentRow(row)
        self._on_organizations_current_row_changed(row)

    # Choosing ---------------------------------------------------------------------------------

    def current_record(self) -> OrganizationRecord | None:
        row = self.organizations.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def select_organization(self, name: str, unit: str = "") -> None:
        for row, record in enumerate(self.records):
            if (record.organization, record.unit) == (name, unit):
                self.organizations.setCurrentRow(row)

    def _on_organizations_current_row_changed(self, _row: int) -> None:
        self._read_current(keep_round=False)

    def _read_current(self, keep_round: bool) -> None:
        record = self.current_record()
        previous = self.rounds.currentRow()
        self.reading = self._reading_of(record) if record else None
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for item in self.reading.rounds if self.reading else ():
            r = item.round
            span = r.first if r.first == r.last else f"{r.first} – {r.last}"
            self.rounds.addItem(f"{r.label}\n{span}, {plural(r.respondents, 'respondent')}")
        self.rounds.blockSignals(False)
        count = self.rounds.count()
        row = previous if keep_round and 0 <= previous < count else count - 1
        self.rounds.blockSignals(True)
        self.rounds.setCurrentRow(row)
        self.rounds.blockSignals(False)
        self._show_round(row)
        self._draw_trend()
        settle_layout(LAYOUT_LEVELS)

    def _reading_of(self, record: OrganizationRecord) -> RecordReading:
        overrides = self.role_overrides()
        key = (record.key, json.dumps(overrides, sort_keys=True))
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = read_record(record, self.knowledge, overrides)
        return reading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._preparing.start()  # only while the view is on screen

    def _prepare_one(self) -> None:
        if not self.isVisible():
            self._preparing.stop()
            return
        overrides = json.dumps(self.role_overrides(), sort_keys=True)
        for record in self.records:
            if (record.key, overrides) not in self._readings:
                self._reading_of(record)
                return
        self._preparing.stop()

    def _on_rounds_current_row_changed(self, row: int) -> None:
        self._show_round(row)
        settle_layout(LAYOUT_LEVELS)

    def _show_round(self, row: int) -> None:
        if self.reading is None or not 0 <= row < len(self.reading.rounds):
            self.respondents.setText("")
            return
        item = self.reading.rounds[row]
        people = ", ".join(escape(person_text(a)) for a in item.round.assessments)
        self.respondents.setText(f"<b>Respondents:</b> {people}")
        self.panel.show_round(item, self.role_overrides())

    # The trend --------------------------------------------------------------------------------

    def _on_trend_choice_current_index_changed(self, _index: int) -> None:
        self._draw_trend()
        settle_layout(LAYOUT_LEVELS)

    def _draw_trend(self) -> None:
        rounds = self.reading.rounds if self.reading else ()
        what = self.trend_choice.currentData() or FITS
        drawn = self.plot.show_rounds(rounds, what)
        self.plot_view.show_table_data(*trend_text(self.knowledge.catalog, rounds, what))
        if drawn != self._legend_entries:  # mostly the same five lines: nothing to redo
            self._legend_entries = drawn
            self.legend.clear()
            for name, style in drawn:
                self.legend.addItem(QListWidgetItem(swatch(style), name))
        if len(rounds) < 2:
            self.trend_text.setText(
                "One round so far. The trend appears when this organization answers again: "
                "save or import the next round's assessments (dated more than 60 days later, "
                "or given their own round name)."
            )
            return
        self.trend_text.setText(
            "<br>".join(self._change_html(c) for c in self.reading.trend)  # type: ignore[union-attr]
        )

    def _change_html(self, change: RoundChange) -> str:
        names = {a.id: a.name for a in self.knowledge.catalog.archetypes}
        names.update({d.id: d.name for d in self.knowledge.catalog.dimensions})
        moves = [(k, v) for k, v in change.fit_change.items()] + [
            (k, v) for k, v in change.position_change.items() if v is not None
        ]
        moves.sort(key=lambda kv: -abs(kv[1]))
        text = ", ".join(f"{names[k]} {v:+.0f}" for k, v in moves if round(v) != 0) or "no change"
        numbers = {q.id: n for n, q in enumerate(self.knowledge.bank.latest.questions(), start=1)}
        changed = ", ".join(
            f"Q{numbers.get(c.question_id, c.question_id)}" for c in change.answers_changed
        )
        answers = f"The combined answer changed on {changed}." if changed else ""
        before, after = escape(change.before.label), escape(change.after.label)
        return f"<b>Since {before}</b> (to {after}): {text}. {answers}"
