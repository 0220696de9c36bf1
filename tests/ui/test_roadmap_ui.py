"""Target, gap and roadmap, and What-if scenarios in the Assessment tab, driven by keyboard and
mouse as a user does; the store file is read back to prove what was (and was not) written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mlorg_desktop.domain.roadmap import plan
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.dialogs import dialogs
from tests.ui.test_assessment_flow import EMBEDDED
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# Target list order: None, Keep what we are, then the catalog's five archetypes.
INDEPENDENT_ROW = 5


@pytest.fixture
def shown(window, qtbot):
    show_active(window, qtbot)
    window.show_tab(window.assessment_tab)
    return window


def fill(tab, qtbot, organization: str, answers: dict[str, str]) -> None:
    tab.organization.setFocus()
    qtbot.keyClicks(tab.organization, organization)
    for qid, answer in answers.items():
        tab.cards[qid].buttons[answer].click()


def pick_target(tab, qtbot, rows_down: int) -> None:
    """Alt+Y (the Target label's mnemonic) then arrow keys, as a keyboard user picks it."""
    qtbot.keyClick(tab, Qt.Key.Key_Y, ALT)
    assert tab.target.hasFocus()
    qtbot.keyClick(tab.target, Qt.Key.Key_Home)
    for _ in range(rows_down):
        qtbot.keyClick(tab.target, Qt.Key.Key_Down)


def choose_by_keyboard(tab, qtbot, qid: str, option: str) -> None:
    """Focus the question's Tab stop and move with the arrow keys to ``option``."""
    card = tab.cards[qid]
    order = list(card.buttons)
    stop = card.tab_stop()
    stop.setFocus(Qt.FocusReason.TabFocusReason)
    here = order.index(next(k for k, b in card.buttons.items() if b is stop))
    key = Qt.Key.Key_Down if order.index(option) > here else Qt.Key.Key_Up
    while card.answer() != option:
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert card.answer() == option


def reread(store_path, knowledge) -> AssessmentStore:
    return AssessmentStore(store_path, knowledge.bank)


def test_target_picked_by_keyboard_is_saved(shown, qtbot, store, store_path, knowledge):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas Insurance", EMBEDDED)
    assert "No target yet" in tab.roadmap.text() and tab.roadmap.empty.isVisible()
    pick_target(tab, qtbot, INDEPENDENT_ROW)
    assert tab.target.currentText() == "Independent ML organization"
    assert tab.is_dirty()
    qtbot.keyClick(shown, Qt.Key.Key_S, CTRL)
    store.flush()
    again = reread(store_path, knowledge)
    (saved,) = again.all()
    assert saved.target == "independent" and saved.answers == EMBEDDED
    again.close()


def test_keep_what_we_are_plans_for_the_current_reading(shown, qtbot):
    tab = shown.assessment_tab
    assert "No target yet" in tab.roadmap.text() and tab.roadmap.empty.isVisible()
    pick_target(tab, qtbot, 1)  # Keep what we are, with no answers: no reading to keep
    assert tab.target.target() == "keep" and "not enough answers" in tab.roadmap.text()
    fill(tab, qtbot, "Atlas", EMBEDDED)
    heading = tab.roadmap.heading.text().replace("&amp;", "&")
    assert "Road to Business & Product Embedded" in heading


def test_roadmap_panel_shows_the_first_step_and_the_fit(shown, qtbot, knowledge):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas Insurance", EMBEDDED)
    pick_target(tab, qtbot, INDEPENDENT_ROW)
    roadmap = plan(
        knowledge.bank.latest,
        knowledge.catalog,
        EMBEDDED,
        "independent",
        text=knowledge.roadmap_text,
    )
    first = roadmap.steps[0]
    text = tab.roadmap.text()
    assert "Road to Independent ML organization" in tab.roadmap.heading.text()
    assert f"from “{first.from_text}” → to “{first.to_text}”" in text
    assert f"Step 1 · fit {first.fit_before:.0f} → {first.fit_after:.0f}" in text
    assert first.meaning in text
    assert f"to {roadmap.final_fit:.0f}" in text
    # The guidance's next steps are the roadmap's first, not the archetype's generic text.
    assert "Next steps towards Independent ML organization" in tab.results.details.toPlainText()
    assert first.meaning in tab.results.details.toPlainText()
    # The target sits on the dimension scales beside "You".
    labels = [m.label for s in tab.results.scales.values() for m in s.markers()]
    assert "Target: Independent ML organization" in labels
    # Live: making the first step by hand drops it from the plan.
    tab.cards[first.question_id].buttons[first.to_option].click()
    assert f"from “{first.from_text}” → to “{first.to_text}”" not in tab.roadmap.text()


def _what_if_session(shown, qtbot, store, store_path, knowledge, monkeypatch, organization):
    """Save an assessment, enter What if…, change two answers by keyboard, save a scenario."""
    tab = shown.assessment_tab
    if tab.stored_id() is not None:
        qtbot.keyClick(shown, Qt.Key.Key_N, CTRL)
    fill(tab, qtbot, organization, EMBEDDED)
    pick_target(tab, qtbot, INDEPENDENT_ROW)
    qtbot.keyClick(shown, Qt.Key.Key_S, CTRL)
    assessment_id = tab.stored_id()
    assert assessment_id and not tab.is_dirty()
    before = tab.results.values["independent"].text()
    qtbot.keyClick(tab, Qt.Key.Key_W, CTRL_SHIFT)
    assert tab.what_if.active and tab.what_if.bar.isVisible()
    assert not tab.organization.isEnabled() and not tab.target.isEnabled()
    choose_by_keyboard(tab, qtbot, "q01", "q01d")
    choose_by_keyboard(tab, qtbot, "q02", "q02d")
    after = tab.results.values["independent"].text()
    assert int(after) > int(before)
    assert tab.what_if.bar.changes.count() == 2
    assert tab.what_if.bar.changes.item(0).text().startswith("Q1. ")
    monkeypatch.setattr(
        dialogs, "ask_scenario_name", lambda parent, title, suggested: f"Central ML {organization}"
    )
    qtbot.mouseClick(tab.what_if.bar.save_button, Qt.MouseButton.LeftButton)
    store.flush()
    again = reread(store_path, knowledge)
    saved = again.get(assessment_id)
    again.close()
    assert saved.answers == EMBEDDED  # the real answers untouched
    (scenario,) = saved.scenarios
    assert scenario.name == f"Central ML {organization}"
    assert scenario.answers == {**EMBEDDED, "q01": "q01d", "q02": "q02d"}
    assert tab.what_if.scenarios.names() == [scenario.name]
    # Leaving returns to the saved answers; nothing to confirm, the scenario holds the changes.
    qtbot.keyClick(tab, Qt.Key.Key_W, CTRL_SHIFT)
    assert not tab.what_if.active and not tab.what_if.bar.isVisible()
    assert tab.card_answers() == EMBEDDED and not tab.is_dirty()
    assert tab.results.values["independent"].text() == before
    return assessment_id


def test_what_if_scenario_never_overwrites_the_answers_twice(
    shown, qtbot, store, store_path, knowledge, monkeypatch
):
    first = _what_if_session(shown, qtbot, store, store_path, knowledge, monkeypatch, "Atlas")
    second = _what_if_session(shown, qtbot, store, store_path, knowledge, monkeypatch, "Borealis")
    assert first != second
    again = reread(store_path, knowledge)
    assert [len(again.get(i).scenarios) for i in (first, second)] == [1, 1]
    assert all(again.get(i).answers == EMBEDDED for i in (first, second))
    again.close()


def test_discard_asks_when_changed_and_restores_the_saved_answers(
    shown, qtbot, store, store_path, knowledge, monkeypatch
):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas", EMBEDDED)
    qtbot.keyClick(shown, Qt.Key.Key_S, CTRL)
    qtbot.mouseClick(tab.what_if_button, Qt.MouseButton.LeftButton)
    assert tab.what_if.active
    choose_by_keyboard(tab, qtbot, "q05", "q05d")
    asked = []
    monkeypatch.setattr(
        dialogs, "confirm_discard_what_if", lambda parent, n: asked.append(n) or False
    )
    qtbot.mouseClick(tab.what_if.bar.discard_button, Qt.MouseButton.LeftButton)
    assert asked == [1] and tab.what_if.active and tab.card_answers()["q05"] == "q05d"
    monkeypatch.setattr(
        dialogs, "confirm_discard_what_if", lambda parent, n: asked.append(n) or True
    )
    qtbot.mouseClick(tab.what_if.bar.discard_button, Qt.MouseButton.LeftButton)
    assert asked == [1, 1] and not tab.what_if.active
    assert tab.card_answers() == EMBEDDED and not tab.is_dirty()
    store.flush()
    again = reread(store_path, knowledge)
    (saved,) = again.all()
    assert saved.scenarios == () and saved.answers == EMBEDDED
    again.close()


def test_scenarios_are_opened_renamed_and_deleted(shown, qtbot, store, monkeypatch):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas", EMBEDDED)
    qtbot.keyClick(shown, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(tab, Qt.Key.Key_W, CTRL_SHIFT)
    choose_by_keyboard(tab, qtbot, "q01", "q01d")
    monkeypatch.setattr(dialogs, "ask_scenario_name", lambda parent, title, suggested: "Hub")
    qtbot.mouseClick(tab.what_if.bar.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(tab, Qt.Key.Key_W, CTRL_SHIFT)
    assert tab.card_answers()["q01"] == EMBEDDED["q01"]
    # Open: back in What-if with the scenario's answers.
    qtbot.mouseClick(tab.what_if.scenarios.open_button, Qt.MouseButton.LeftButton)
    assert tab.what_if.active and tab.card_answers()["q01"] == "q01d"
    assert "scenario “Hub”" in tab.what_if.bar.title.text()
    monkeypatch.setattr(dialogs, "ask_scenario_name", lambda parent, title, suggested: "Hub 2")
    qtbot.mouseClick(tab.what_if.scenarios.rename_button, Qt.MouseButton.LeftButton)
    assert tab.what_if.scenarios.names() == ["Hub 2"]
    assert [s.name for s in store.get(tab.stored_id()).scenarios] == ["Hub 2"]
    monkeypatch.setattr(dialogs, "confirm_delete_scenario", lambda parent, name: name == "Hub 2")
    qtbot.mouseClick(tab.what_if.scenarios.delete_button, Qt.MouseButton.LeftButton)
    assert store.get(tab.stored_id()).scenarios == ()
    assert tab.what_if.scenarios.names() == []
    assert store.get(tab.stored_id()).answers == EMBEDDED


def test_guidance_risks_follow_the_answers(shown, qtbot, knowledge):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas", EMBEDDED)
    spots = knowledge.roadmap_text.weaknesses[knowledge.bank.latest.version]["rnd"]
    data = next(w for w in spots if "q14b" in w.options and "q24b" in w.options)
    details = tab.results.details.toPlainText()
    assert "Strengths your answers point to" in details and data.warning not in details
    tab.cards["q14"].buttons["q14b"].click()
    details = tab.results.details.toPlainText()
    assert data.warning in details
    question = knowledge.bank.latest.question("q14")
    assert f"{question.text} — “{question.option('q14b').text}”" in details
    # Generic archetype text is gone: no "Typical strengths of" heading.
    assert "Typical strengths of" not in details and "Typical risks to watch" not in details
