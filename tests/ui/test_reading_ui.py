"""Split answers by keyboard, Re-assess of a version 1 assessment, and the reading in the saved
list and the Compare tab, driven as a user does and checked in the real store file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.assessment import Assessment
from tests.reading_cases import TIE
from tests.window_tools import show_active, show_exposed

Key = Qt.Key


@pytest.fixture
def shown(window, qtbot):
    show_active(window, qtbot)
    window.show_tab(window.assessment_tab)
    return window


def _stored_answers(store, store_path, organization):
    assert store.flush(timeout=10)
    records = json.loads(store_path.read_text(encoding="utf-8"))["assessments"].values()
    return next(r["answers"] for r in records if r["organization"] == organization)


def test_partly_answer_by_keyboard_is_saved_as_a_split(shown, qtbot, store, store_path):
    tab = shown.assessment_tab
    for round_, name in enumerate(("Hybrid Health", "Hybrid Rail")):
        qtbot.keyClick(shown.focusWidget() or tab, Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(tab.organization, name)
        card = tab.cards["q01"]
        assert not card.partly.isEnabled()  # nothing chosen yet: no "partly" either
        card.buttons["q01c"].setFocus()
        qtbot.keyClick(card.buttons["q01c"], Key.Key_Space)  # mainly: inside product teams
        assert card.partly.isEnabled()
        qtbot.keyClick(card.buttons["q01c"], Key.Key_Tab)
        assert shown.focusWidget() is card.partly
        # Nothing else -> q01a -> q01b -> (q01c is the mainly answer, skipped) -> q01d
        for _ in range(3):
            qtbot.keyClick(card.partly, Key.Key_Down)
        assert card.answer() == Split("q01c", "q01d")
        assert tab.progress.text() == "1 of 27 answered"  # a split is one answer
        qtbot.keyClick(card.partly, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        saved = _stored_answers(store, store_path, name)
        assert saved == {"q01": {"mainly": "q01c", "partly": "q01d"}}, round_
    # Choosing as "mainly" the option that was "partly" leaves one answer, not a split.
    card = tab.cards["q01"]
    card.buttons["q01d"].click()
    assert card.answer() == "q01d" and card.partly.currentIndex() == 0
    # Don't know switches the partly list off.
    card.buttons["q01c"].click()
    card.partly.setCurrentIndex(card.partly.findData("q01b"))
    assert card.answer() == Split("q01c", "q01b")
    card.buttons["dont_know"].click()
    assert card.answer() == "dont_know" and not card.partly.isEnabled()
    # A question about something other than structure has no partly list.
    assert tab.cards["q03"].partly is None


def test_opening_a_saved_split_shows_both_halves(shown, qtbot, store):
    hybrid = Assessment(
        id="5f0c1a9e-8d7b-4c3a-9e2f-1b2c3d4e5f60",
        organization="Riverside Health",
        questionnaire_version=2,
        answers={"q01": Split("q01c", "q01d"), "q26": Split("q26d", "q26f")},
    )
    store.save(hybrid)
    saved = shown.saved_tab
    shown.show_tab(saved)
    saved.select(hybrid.id)
    saved.open_selected()
    tab = shown.assessment_tab
    assert tab.cards["q01"].partly.currentData() == "q01d"
    assert tab.cards["q26"].answer() == Split("q26d", "q26f") and not tab.is_dirty()


def test_reassess_of_version_1_opens_version_2_with_review_notes(shown, demo_store, make_window):
    window = make_window(demo_store)
    window.show()
    tab, saved = window.assessment_tab, window.saved_tab
    quanta = next(a for a in demo_store.all() if a.organization == "Quanta Labs")
    for _ in range(2):  # twice: two drafts, the original untouched
        window.show_tab(saved)
        saved.select(quanta.id)
        saved.reassess_selected()
        assert tab.questionnaire.version == 2 and tab.stored_id() is None and tab.is_dirty()
        assert tab.cards["q06"].answer() == "q06e"  # "grew across the company" carried over
        assert tab.cards["q02"].answer() == ""  # v1's CEO option said two things: review it
        assert tab.cards["q02"].review.isVisibleTo(tab)
        assert "The CEO, who sponsors ML personally" in tab.cards["q02"].review.text()
        assert not tab.cards["q03"].review.isVisibleTo(tab)  # new question: just unanswered
        tab.cards["q02"].buttons["q02e"].click()
        assert not tab.cards["q02"].review.isVisibleTo(tab)
        window.save_action.trigger()
    copies = [a for a in demo_store.all() if a.organization == "Quanta Labs" and a.id != quanta.id]
    assert len(copies) == 2 and all(c.questionnaire_version == 2 for c in copies)
    assert demo_store.get(quanta.id).questionnaire_version == 1
    # A new assessment afterwards shows no review notes.
    tab.start_new()
    assert not any(card.review.isVisibleTo(tab) for card in tab.cards.values())


def test_saved_list_and_compare_say_the_reading(make_window, store, examples, qtbot):
    tied = Assessment(
        id="11111111-1111-4111-8111-111111111111",
        organization="Tied Co",
        questionnaire_version=2,
        answers=dict(TIE),
    )
    early = Assessment(
        id="22222222-2222-4222-8222-222222222222",
        organization="Early Co",
        questionnaire_version=2,
        answers={"q01": "q01a", "q02": "dont_know"},
    )
    quanta = next(e for e in examples if e.organization == "Quanta Labs")
    for a in (tied, early, quanta):
        store.save(a)
    window = make_window(store)
    show_exposed(window, qtbot)
    window.show_tab(window.saved_tab)
    model = window.saved_tab.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    reading = {name: model.index(r, 4).data() for name, r in rows.items()}
    answered = {name: model.index(r, 5).data() for name, r in rows.items()}
    assert reading == {
        "Tied Co": "Transitional: Business & Product Embedded ⇄ Independent ML organization",
        "Early Co": "Too few answers",
        "Quanta Labs": "ML-First",
    }
    assert answered == {"Tied Co": "12 of 27", "Early Co": "1 of 27", "Quanta Labs": "25 of 25"}
    tip = model.index(rows["Tied Co"], 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "only 0 points apart" in tip
    assert "Naming rule" in model.headerData(
        4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )

    window.show_tab(window.compare_tab)
    compare = window.compare_tab
    qtbot.waitUntil(lambda: compare.radar is not None)
    for row in range(compare.items.rowCount()):
        compare.items.item(row).setCheckState(Qt.CheckState.Checked)
    table = compare.table
    texts = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 4).text())
        for r in range(table.rowCount())
    }
    tied_row = next(v for k, v in texts.items() if k.startswith("Tied Co"))
    assert tied_row == (
        "Transitional: Business & Product Embedded ⇄ Independent ML organization",
        "12 of 27",
    )
    assert table.horizontalHeaderItem(3).toolTip().startswith("Margin:")
