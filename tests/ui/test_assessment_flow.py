"""The assessment workflow as a user drives it: answer, live results, save, list, edit,
re-assess, delete, undo, and the unsaved-changes prompt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mlorg_desktop.domain.assessment import new_id
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.dialogs import dialogs
from tests.fault_tools import immutable_folder
from tests.window_tools import show_active, show_exposed


@pytest.fixture
def shown(window, qtbot):
    show_active(window, qtbot)
    window.show_tab(window.assessment_tab)
    return window


def _answer_like(tab, example) -> None:
    for qid, answer in example.answers.items():
        tab.cards[qid].buttons[answer].click()


# The option typical of Business & Product Embedded on every version 2 question, in order.
EMBEDDED = {
    "q01": "q01c", "q02": "q02c", "q03": "q03b", "q04": "q04c", "q05": "q05c", "q06": "q06c",
    "q07": "q07c", "q08": "q08c", "q09": "q09c", "q10": "q10c", "q11": "q11c", "q12": "q12c",
    "q13": "q13c", "q14": "q14d", "q15": "q15c", "q16": "q16c", "q17": "q17d", "q18": "q18b",
    "q19": "q19b", "q20": "q20c", "q21": "q21d", "q22": "q22d", "q23": "q23d", "q24": "q24c",
    "q25": "q25c", "q26": "q26e", "q27": "q27d",
}  # fmt: skip


def test_results_update_live_and_follow_the_naming_rule(shown, qtbot):
    tab = shown.assessment_tab
    items = list(EMBEDDED.items())
    for qid, answer in items[:10]:
        tab.cards[qid].buttons[answer].click()
    headline = tab.results.headline.text()
    assert "No archetype named yet" in headline
    assert "10 of 27 answered; an archetype can be named from 11 on" in headline
    assert tab.progress.value() == 10 and tab.progress.text() == "10 of 27 answered"
    # Don't know is not an answer: every count stays at 10.
    tab.cards["q11"].buttons["dont_know"].click()
    assert tab.progress.text() == "10 of 27 answered" and "10 of 27" in tab.results.headline.text()
    # 11 answers, all Embedded's: Embedded 33/33. If the 16 open questions all went to
    # Independent: Independent (1 + 35)/(32 + 35) = 53.7 against Embedded (33 + 1)/(33 + 35)
    # = 50.0 (q23's only Independent option also carries Embedded 1), so it only leans.
    tab.cards["q11"].buttons["q11c"].click()
    assert "<b>Leaning towards Business &amp; Product Embedded</b>" in tab.results.headline.text()
    assert tab.results.bars["embedded"].value() == 100
    for qid, answer in items[11:]:
        tab.cards[qid].buttons[answer].click()
    # Every question answered: nothing is open, so a lead is a robust lead.
    assert "<b>Business &amp; Product Embedded</b>" in tab.results.headline.text()
    assert "Why Business & Product Embedded" in tab.results.details.toPlainText()
    assert tab.is_dirty() and shown.isWindowModified()


def test_keyboard_only_answering(shown, qtbot):
    tab = shown.assessment_tab
    card = tab.cards["q01"]
    first = card.buttons["q01a"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert card.answer() == "q01a"
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert card.answer() == "q01b"
    assert tab.progress.value() == 1
    # Tab leaves the question's options for its "partly true as well" list (q01 is about
    # structure), then for the next question.
    focused = shown.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert shown.focusWidget() is card.partly
    qtbot.keyClick(card.partly, Qt.Key.Key_Tab)
    assert shown.focusWidget() in tab.cards["q02"].buttons.values()


def test_every_control_has_an_accessible_name(shown):
    tab = shown.assessment_tab
    for card in tab.cards.values():
        assert all(button.accessibleName() for button in card.buttons.values())
    for widget in (
        tab.organization,
        tab.unit,
        tab.respondent,
        tab.role,
        tab.assessed_on,
        tab.notes,
        tab.progress,
        tab.sections,
    ):
        assert widget.accessibleName()


def test_save_without_an_organization_says_so_beside_the_field(shown, messenger, store, qtbot):
    """No modal box: red text under the field, the field's accessible description, focus
    there; typing a name clears it, and a second attempt behaves the same."""
    shown.show_tab(shown.saved_tab)
    tab = shown.assessment_tab
    error = tab.organization_error
    tab.cards["q01"].buttons["q01a"].click()
    for _attempt in range(2):
        shown.saved_tab.table.setFocus()
        QTest.keyClick(shown, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert len(store) == 0 and tab.is_dirty()
        assert messenger.shown == []  # nothing modal
        assert shown.current_tab() is tab
        qtbot.waitUntil(lambda: tab.organization.hasFocus())
        assert error.isVisible() and "organization's name" in error.text()
        assert tab.organization.accessibleDescription() == "Enter the organization's name to save."
        qtbot.keyClicks(tab.organization, "Meridian")
        assert error.isHidden() and tab.organization.accessibleDescription() == ""
        tab.organization.clear()
    qtbot.keyClicks(tab.organization, "Meridian Bank")
    QTest.keyClick(tab.organization, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(store) == 1 and error.isHidden()


def test_save_list_edit_reassess_delete_undo(shown, qtbot, examples, store, monkeypatch):
    tab, saved = shown.assessment_tab, shown.saved_tab
    cobalt = next(e for e in examples if e.organization == "Cobalt Payments")
    qtbot.keyClicks(tab.organization, "Cobalt Payments")
    qtbot.keyClicks(tab.unit, "Checkout")
    _answer_like(tab, cobalt)
    with qtbot.waitSignal(tab.assessment_saved) as blocker:
        shown.save_action.trigger()
    saved_id = blocker.args[0]
    assert not tab.is_dirty()
    assert store.get(saved_id).answers == cobalt.answers
    assert saved.model.rowCount() == 1
    assert saved.model.index(0, 4).data() == "Business & Product Embedded"

    # Edit: open from the list, change the unit, save again: still one row, new content.
    tab.start_new()
    saved.select(saved_id)
    saved.open_selected()
    assert shown.current_tab() is tab and tab.organization.text() == "Cobalt Payments"
    tab.unit.clear()
    qtbot.keyClicks(tab.unit, "Payments Core")
    assert tab.is_dirty()
    shown.save_action.trigger()
    assert store.get(saved_id).unit == "Payments Core" and saved.model.rowCount() == 1
    assert saved.model.index(0, 1).data() == "Payments Core"

    # Re-assess: a copy dated today, unsaved until the user saves it.
    saved.select(saved_id)
    saved.reassess_selected()
    assert tab.stored_id() is None and tab.is_dirty()
    assert tab.assessed_on.date().toString("yyyy-MM-dd") == date.today().isoformat()
    shown.save_action.trigger()
    assert len(store) == 2 and saved.model.rowCount() == 2
    copy_id = tab.stored_id()
    assert copy_id != saved_id and store.get(copy_id).answers == cobalt.answers

    # Delete asks first; "no" keeps it, "yes" removes it; undo brings it back unchanged.
    original = store.get(saved_id)
    saved.select(saved_id)
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: False)
    saved.delete_selected()
    assert len(store) == 2
    asked = []
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: asked.append(name) or True)
    saved.delete_selected()
    assert "Cobalt Payments" in asked[0]
    assert saved_id not in store and saved.model.rowCount() == 1
    assert shown.undo_delete_action.isEnabled()
    shown.undo_delete_action.trigger()
    assert store.get(saved_id) == original and saved.model.rowCount() == 2
    assert not shown.undo_delete_action.isEnabled()
    assert store.flush()  # writes run on the store's writer thread
    reopened = AssessmentStore(store.path, store._bank)
    assert len(reopened) == 2


def test_filter_and_sort(window, demo_store, make_window, qtbot):
    fresh = make_window(demo_store)
    saved = fresh.saved_tab
    assert saved.model.rowCount() == 15
    qtbot.keyClicks(saved.filter, "meridian")
    assert saved.model.rowCount() == 2 and saved.count.text() == "2 of 15 shown"
    saved.filter.clear()
    qtbot.keyClicks(saved.filter, "ml-first")
    assert saved.model.rowCount() == 1
    saved.filter.clear()
    saved.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [saved.model.index(r, 0).data() for r in range(saved.model.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_selection_follows_the_filter_and_saves_respect_it(demo_store, make_window, examples):
    window = make_window(demo_store)
    saved = window.saved_tab
    meridian = next(a for a in examples if "Meridian" in a.organization)
    saved.select(meridian.id)
    saved.filter.setText("meridian")
    assert saved.selected_id() == meridian.id  # still visible: still selected
    saved.filter.setText("northline")
    assert saved.selected_id() is None and not saved.open_button.isEnabled()
    # A save while filtered: the list stays filtered, the count counts it.
    demo_store.save(replace(meridian, id=new_id(), organization="Northline Two"))
    window.saved_tab.on_assessments_saved([a.id for a in demo_store.all()][-1:])
    shown = {saved.model.index(r, 0).data() for r in range(saved.model.rowCount())}
    assert all("northline" in name.casefold() for name in shown) and "Northline Two" in shown
    assert saved.count.text() == f"{len(shown)} of 16 shown"
    saved.filter.clear()
    assert saved.model.rowCount() == 16 and saved.count.text() == "16 saved"


@pytest.mark.parametrize(
    ("choice", "expect_closed", "expect_saved"),
    [
        (dialogs.UnsavedChoice.CANCEL, False, 0),
        (dialogs.UnsavedChoice.DISCARD, True, 0),
        (dialogs.UnsavedChoice.SAVE, True, 1),
    ],
)
def test_closing_with_unsaved_changes_asks(
    shown, qtbot, store, monkeypatch, choice, expect_closed, expect_saved
):
    tab = shown.assessment_tab
    qtbot.keyClicks(tab.organization, "Half-done Inc")
    asked = []
    monkeypatch.setattr(
        dialogs, "ask_unsaved_changes", lambda parent, what: asked.append(what) or choice
    )
    shown.close()
    assert asked == ["Half-done Inc"]
    assert shown.isVisible() is not expect_closed
    assert len(store) == expect_saved


def test_new_with_unsaved_changes_asks_and_cancel_keeps_the_form(shown, qtbot, monkeypatch):
    tab = shown.assessment_tab
    qtbot.keyClicks(tab.organization, "Keep me")
    monkeypatch.setattr(
        dialogs, "ask_unsaved_changes", lambda parent, what: dialogs.UnsavedChoice.CANCEL
    )
    shown.new_action.trigger()
    assert tab.organization.text() == "Keep me"
    monkeypatch.setattr(
        dialogs, "ask_unsaved_changes", lambda parent, what: dialogs.UnsavedChoice.DISCARD
    )
    shown.new_action.trigger()
    assert tab.organization.text() == "" and not tab.is_dirty()


def test_failed_save_keeps_the_edit(shown, qtbot, store, messenger, examples, knowledge):
    """A real write failure (the data folder made immutable): the user is told, the file
    keeps the last good save, and the form and the store keep the edit for the next try."""
    store.save(examples[0])
    assert store.flush()
    before = store.path.read_bytes()
    tab = shown.assessment_tab
    qtbot.keyClicks(tab.organization, "Unlucky Ltd")
    qtbot.mouseClick(tab.cards["q05"].buttons["q05c"], Qt.MouseButton.LeftButton)
    with immutable_folder(store.path.parent):
        qtbot.keyClick(tab.organization, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(messenger.shown) and messenger.shown[-1][0] == "error")
        assert messenger.shown[-1][1] == "Could not save to disk"
        assert store.path.read_bytes() == before
        assert tab.organization.text() == "Unlucky Ltd" and tab.cards["q05"].answer() == "q05c"
        assert shown.save_state.text() == "⚠ Not saved to disk"
        assert {a.organization for a in store.all()} == {examples[0].organization, "Unlucky Ltd"}
    qtbot.keyClick(tab.organization, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shown.save_state.text() == "")
    reopened = AssessmentStore(store.path, knowledge.bank, read_only=True)
    assert "Unlucky Ltd" in {a.organization for a in reopened.all()}


def test_section_navigator_jumps_and_counts(shown, qtbot):
    tab = shown.assessment_tab
    tab.cards["q14"].buttons["q14a"].click()
    tab.cards["q15"].buttons["dont_know"].click()  # not an answer: the count stays 1
    item = tab.sections.item(4)
    assert item.text().startswith("Data and compute (1/3)")
    rect = tab.sections.visualItemRect(item)
    qtbot.mouseClick(tab.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.focusWidget() is tab.cards["q14"].buttons["q14a"]
    # Keyboard: Up to the previous section, Enter jumps to its first question.
    qtbot.keyClick(tab.sections, Qt.Key.Key_Up)
    qtbot.keyClick(tab.sections, Qt.Key.Key_Return)
    assert shown.focusWidget() is tab.cards["q11"].buttons["q11a"]


def test_undo_delete_reattaches_the_open_form(shown, qtbot, demo_store, make_window, monkeypatch):
    window = make_window(demo_store)
    tab, saved = window.assessment_tab, window.saved_tab
    target = demo_store.all()[0]
    saved.select(target.id)
    saved.open_selected()
    assert tab.stored_id() == target.id and not tab.is_dirty()
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: True)
    saved.select(target.id)
    saved.delete_selected()
    assert tab.stored_id() is None and tab.is_dirty()  # the form keeps the work as a draft
    window.undo_delete_action.trigger()
    assert tab.stored_id() == target.id and not tab.is_dirty()


def test_delete_key_in_the_table(window, demo_store, make_window, qtbot, monkeypatch):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    window.show_tab(window.saved_tab)
    table = window.saved_tab.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    asked = []
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: asked.append(name) or True)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked and len(demo_store) == 14


def test_tab_goes_from_notes_to_the_first_question(shown, qtbot):
    tab = shown.assessment_tab
    tab.assessed_on.setFocus()
    qtbot.keyClick(tab.assessed_on, Qt.Key.Key_Tab)
    assert shown.focusWidget() is tab.round
    qtbot.keyClick(tab.round, Qt.Key.Key_Tab)
    assert shown.focusWidget() is tab.notes
    qtbot.keyClick(tab.notes, Qt.Key.Key_Tab)
    assert shown.focusWidget() is tab.cards["q01"].buttons["q01a"]


def test_title_follows_the_organization_as_typed(shown, qtbot):
    tab = shown.assessment_tab
    qtbot.keyClicks(tab.organization, "Keyboard Corp")
    assert "Keyboard Corp" in tab.title.text() and "unsaved changes" in tab.title.text()


def test_saved_list_prepares_filter_text_while_idle(window, demo_store, make_window, qtbot):
    """Typing in the filter, as soon as the list shows and again after it had time to
    prepare, keeps exactly the matching rows; clearing it brings every row back."""
    window = make_window(demo_store)
    window.show()
    window.show_tab(window.saved_tab)
    saved = window.saved_tab

    def names():
        return sorted(saved.model.index(r, 0).data() for r in range(saved.model.rowCount()))

    everyone = names()
    assert len(everyone) == 15
    for wait_ms in (0, 500):
        qtbot.wait(wait_ms)
        qtbot.keyClicks(saved.filter, "meridian")
        assert names() == ["Meridian Bank", "Meridian Bank"]
        saved.filter.selectAll()
        qtbot.keyClick(saved.filter, Qt.Key.Key_Backspace)
        assert names() == everyone
        qtbot.keyClicks(saved.filter, "labs")
        assert names() == ["Quanta Labs"]
        saved.filter.clear()


def test_opening_another_questionnaire_hides_the_old_cards_at_once(make_window, demo_store, qtbot):
    """The old questionnaire's cards are deleted later; until then they must not be painted
    under the new ones (a grab of the window once showed both, overlapping)."""
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    window.show_tab(window.assessment_tab)
    tab = window.assessment_tab
    assert tab.questionnaire.version == 2
    old = list(tab.cards.values())
    assert all(card.isVisible() for card in old)
    v1 = next(a for a in demo_store.all() if a.questionnaire_version == 1)
    tab.open_assessment(v1)
    assert tab.questionnaire.version == 1
    assert not any(card.isVisible() for card in old)
