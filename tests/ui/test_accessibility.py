"""What a screen reader gets from the Assessment tab, read through Qt's accessibility interfaces
(the ones the AT-SPI bridge serves to Orca), and the order Tab walks the tab in."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QToolButton

from tests.window_tools import show_active

Role = QAccessible.Role
NAME = QAccessible.Text.Name


def _iface(widget):
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


@pytest.fixture
def shown(window, qtbot):
    show_active(window, qtbot)
    window.show_tab(window.assessment_tab)
    return window


def test_each_question_is_a_named_group_holding_its_options(shown):
    tab = shown.assessment_tab
    questions = [q for section in tab.questionnaire.sections for q in section.questions]
    assert [card.question for card in tab.cards.values()] == questions
    for number, question in enumerate(questions, start=1):
        card = tab.cards[question.id]
        group = _iface(card)
        assert group.role() == Role.Grouping
        assert group.text(NAME) == f"Question {number}: {question.text}"
        for answer_id, button in card.buttons.items():
            option = _iface(button)
            assert option.role() == Role.RadioButton
            assert option.text(NAME) == question.answer_text(answer_id)
            assert option.parent().object() is card
            labelled_by = [
                other.object() for other, _ in option.relations(QAccessible.RelationFlag.Label)
            ]
            assert card in labelled_by


def test_result_headline_says_the_result_and_announces_changes(shown, examples, qtbot):
    tab = shown.assessment_tab
    headline = tab.results.headline
    announced: list[str] = []
    tab.results.announced.connect(announced.append)
    assert _iface(headline).text(NAME).startswith("No archetype named yet. ")

    cards = list(tab.cards.values())
    for card in cards[:18]:  # the first option of each: the Nascent / ad-hoc answers
        qtbot.mouseClick(card.options()[0], Qt.MouseButton.LeftButton)
    # 18 of 27 answered: coverage 18/27 = 66.7 %, shown as 67 %.
    name = _iface(headline).text(NAME)
    shown_text = headline.text()
    runner, margin = re.search(r"Runner-up: (.+?) · margin (\d+) points", shown_text).groups()
    runner = html.unescape(runner)  # the headline is rich text
    assert name == (
        f"Result: Nascent / ad-hoc. Runner-up: {runner}, margin {margin} points, "
        "coverage 67% (18 of 27 answered)."
    )
    # On the way the reading went from too few answers through "leaning" to named: each change
    # was said once, the last one being the named result.
    assert announced[-1] == "Result: Nascent / ad-hoc."
    assert all(a != b for a, b in zip(announced, announced[1:], strict=False))
    said = len(announced)

    qtbot.mouseClick(cards[18].options()[0], Qt.MouseButton.LeftButton)
    assert "coverage 70% (19 of 27 answered)" in _iface(headline).text(NAME)  # 19/27 = 70.4 %
    assert len(announced) == said  # same reading: nothing new to say

    qtbot.keyClick(shown.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert announced[said:] == ["No archetype named yet."]
    assert _iface(headline).text(NAME).startswith("No archetype named yet. ")


def test_filter_clear_buttons_have_names(shown):
    for filter_field in (shown.saved_tab.filter, shown.compare_tab.filter):
        buttons = filter_field.findChildren(QToolButton)
        assert buttons, "the filter has no clear button"
        for button in buttons:
            assert _iface(button).text(NAME) == "Clear the filter"


def _stop(widget):
    """The control a focus widget belongs to (a date field's focus is its inner line edit)."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, QAbstractSpinBox) else widget


def _walk(window, qtbot, key, modifier, inside):
    stops = []
    for _ in range(200):
        qtbot.keyClick(window.focusWidget(), key, modifier)
        widget = _stop(window.focusWidget())
        if not inside.isAncestorOf(widget):
            return stops
        stops.append(widget)
    pytest.fail("Tab never left the tab")


def test_tab_walks_the_tab_in_visual_order(shown, qtbot):
    tab = shown.assessment_tab
    # One question answered: Tab stops on its chosen option, on the first one elsewhere.
    chosen = tab.cards["q03"].buttons["q03c"]
    qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
    tab.sections.setFocus()
    stops = _walk(shown, qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, tab)
    questions = [
        chosen if qid == "q03" else next(iter(card.buttons.values()))
        for qid, card in tab.cards.items()
    ]
    expected = [
        tab.new_button,
        tab.save_button,
        tab.organization,
        tab.unit,
        tab.respondent,
        tab.role,
        tab.assessed_on,
        tab.round,
        tab.notes,
        *questions,
        tab.results.headline,
        tab.results.details,
        tab.target,  # the roadmap's text follows once there is a target
    ]
    assert stops == expected
    for widget in stops:
        assert _iface(widget).text(NAME), f"{widget!r} has no accessible name"

    # Shift+Tab goes back the same way.
    tab.target.setFocus()
    back = _walk(shown, qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, tab)
    assert back == [tab.sections, *expected][::-1][1:]
