"""What-if mode of the Assessment tab: the question cards edit a copy of the saved answers,
the results and the roadmap follow it, and the copy is kept as a named scenario or dropped.

A scenario is written with ``domain.scenario.with_scenario`` onto the stored assessment, which
never touches the assessment's own answers; leaving the mode puts the saved answers back into
the cards. The tab hands itself in and calls ``answers_changed`` when a card changes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from mlorg_desktop.domain.answers import Answer
from mlorg_desktop.domain.assessment import Assessment, new_id, utc_now_iso
from mlorg_desktop.domain.scenario import Change, Scenario, changes, with_scenario, without_scenario
from mlorg_desktop.store import StoreError
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.widgets.scenario_list import ScenarioList
from mlorg_desktop.ui.widgets.what_if_bar import WhatIfBar

if TYPE_CHECKING:
    from mlorg_desktop.ui.tabs.assessment_tab import AssessmentTab

SHORTCUT = "Ctrl+Shift+W"


class WhatIfMode(QObject):
    """Owns the What if… action, the bar above the form and the scenario list."""

    def __init__(self, tab: AssessmentTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.active = False
        self.scenario: Scenario | None = None  # the saved scenario being edited, if any
        self.action = QAction("What &if…", tab)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.setToolTip(
            f"Try other answers on a copy of the saved assessment ({SHORTCUT}); "
            "the saved answers are never changed"
        )
        self.action.toggled.connect(self._on_action_toggled)
        tab.addAction(self.action)
        self.bar = WhatIfBar()
        self.bar.save_button.clicked.connect(self.save_as_scenario)
        self.bar.discard_button.clicked.connect(self.discard)
        self.scenarios = ScenarioList()
        self.scenarios.open_requested.connect(self.open_scenario)
        self.scenarios.rename_requested.connect(self.rename_scenario)
        self.scenarios.delete_requested.connect(self.delete_scenario)

    # State -------------------------------------------------------------------------------------

    def saved(self) -> Assessment | None:
        return self.tab._stored

    def current_changes(self) -> list[Change]:
        stored = self.saved()
        if stored is None:
            return []
        return changes(stored.answers, self.tab.card_answers())

    def update_availability(self) -> None:
        """What if… needs a stored assessment; the list shows that assessment's scenarios."""
        stored = self.saved()
        self.action.setEnabled(stored is not None)
        self.scenarios.set_scenarios(stored.scenarios if stored else (), stored is not None)

    # Entering and leaving ----------------------------------------------------------------------

    def enter(self, scenario: Scenario | None = None) -> bool:
        """Start on a copy: of the saved answers, or of ``scenario``'s. False if not possible
        (nothing stored, or the user kept unsaved changes of the form)."""
        if self.active:
            self._leave()
        if self.tab.is_dirty() and not self.tab.maybe_keep_changes():
            return self._set_checked(False)
        if self.tab.is_dirty():  # "discard" was chosen: back to what the store holds
            stored = self.saved()
            if stored is not None:
                self.tab.open_assessment(stored)
        stored = self.saved()
        if stored is None:
            return self._set_checked(False)
        self.active = True
        self.scenario = scenario
        if scenario is not None:
            self.tab.load_answers(scenario.answers)
        self.tab.set_form_editable(False)
        self.bar.show()
        self._set_checked(True)
        self.tab.refresh_results()
        return True

    def leave(self) -> bool:
        """Back to the saved answers; asks first when changes would be lost."""
        if not self.active:
            return True
        if self._unsaved_changes() and not dialogs.confirm_discard_what_if(
            self.tab, len(self.current_changes())
        ):
            self._set_checked(True)
            return False
        self._leave()
        return True

    def discard(self) -> None:
        self.leave()

    def _leave(self) -> None:
        self.active = False
        self.scenario = None
        stored = self.saved()
        self.tab.load_answers(stored.answers if stored else {})
        self.tab.set_form_editable(True)
        self.bar.hide()
        self._set_checked(False)
        self.tab.refresh_results()

    def abandon(self) -> None:
        """Leave without asking (the assessment itself is gone)."""
        if self.active:
            self._leave()

    def _unsaved_changes(self) -> bool:
        answers = self.tab.card_answers()
        if self.scenario is not None:
            return answers != dict(self.scenario.answers)
        return bool(self.current_changes())

    def _set_checked(self, checked: bool) -> bool:
        self.action.blockSignals(True)
        self.action.setChecked(checked)
        self.action.blockSignals(False)
        return checked

    def _on_action_toggled(self, checked: bool) -> None:
        if checked:
            self.enter()
        else:
            self.leave()

    def answers_changed(self) -> None:
        self.show_state()

    def show_state(self) -> None:
        if self.active:
            self.bar.show_state(
                self.scenario.name if self.scenario else "",
                self.current_changes(),
                self.tab.questionnaire,
            )

    # Scenarios ---------------------------------------------------------------------------------

    def save_as_scenario(self) -> None:
        stored = self.saved()
        if not self.active or stored is None:
            return
        suggested = self.scenario.name if self.scenario else f"Scenario {len(stored.scenarios) + 1}"
        name = dialogs.ask_scenario_name(self.tab, "Save as scenario", suggested)
        if name is None:
            return
        answers: dict[str, Answer] = self.tab.card_answers()
        now = utc_now_iso()
        if self.scenario is not None and name == self.scenario.name:
            scenario = replace(self.scenario, answers=answers, updated_at=now)
        else:
            scenario = Scenario(new_id(), name, answers, now, now)
        if self._write(with_scenario(stored, scenario)):
            self.scenario = scenario
            self.show_state()

    def open_scenario(self, scenario_id: str) -> None:
        scenario = self._find(scenario_id)
        if scenario is not None and (not self.active or self.leave()):
            self.enter(scenario)

    def rename_scenario(self, scenario_id: str) -> None:
        stored, scenario = self.saved(), self._find(scenario_id)
        if stored is None or scenario is None:
            return
        name = dialogs.ask_scenario_name(self.tab, "Rename scenario", scenario.name)
        if name is None or name == scenario.name:
            return
        renamed = replace(scenario, name=name, updated_at=utc_now_iso())
        written = self._write(with_scenario(stored, renamed))
        if written and self.scenario is not None and self.scenario.id == scenario_id:
            self.scenario = replace(self.scenario, name=name)
            self.show_state()

    def delete_scenario(self, scenario_id: str) -> None:
        stored, scenario = self.saved(), self._find(scenario_id)
        if stored is None or scenario is None:
            return
        if not dialogs.confirm_delete_scenario(self.tab, scenario.name):
            return
        written = self._write(without_scenario(stored, scenario_id))
        if written and self.scenario is not None and self.scenario.id == scenario_id:
            self.scenario = None  # the copy stays open, now as a new, unsaved scenario
            self.show_state()

    def _find(self, scenario_id: str) -> Scenario | None:
        stored = self.saved()
        return next((s for s in stored.scenarios if s.id == scenario_id), None) if stored else None

    def _write(self, assessment: Assessment) -> bool:
        try:
            stored = self.tab.store.save(assessment)
        except (StoreError, ValueError) as exc:
            self.tab.messenger.error(
                self.tab, "Could not save the scenario", f"{exc}\n\nThe what-if answers are kept."
            )
            return False
        self.tab.stored_changed(stored)
        return True
