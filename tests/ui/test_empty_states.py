"""Empty states: each view with nothing to show says what to do next in one line and offers
one button that does it; actions that cannot apply are disabled. Driven by keys and clicks."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.tabs.assessment_tab import AssessmentTab
from tests.window_tools import show_active, show_exposed

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def person(org: str, day: str = "2026-02-02") -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization=org,
        questionnaire_version=1,
        assessed_on=day,
        answers={"q01": "q01d"},
    )


@pytest.fixture
def shown(make_window, qtbot):
    def build(target=None):
        window = make_window(target)
        show_active(window, qtbot)
        return window

    return build


def _description(widget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Description)


def test_empty_saved_tab_offers_a_new_assessment(shown, qtbot):
    window = shown()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tab = window.saved_tab
    assert tab.stack.currentWidget() is tab.empty and tab.empty.isVisible()
    assert not tab.table.isVisible()
    assert tab.empty.message.text() == "No saved assessments yet."
    assert tab.empty.button.text() == "New Assessment"
    assert _description(tab.empty.button) == "No saved assessments yet."
    # Nothing to open, re-assess, delete or filter.
    assert not any(b.isEnabled() for b in (tab.open_button, tab.reassess_button, tab.delete_button))
    assert not tab.filter.isEnabled()
    tab.empty.button.setFocus()
    qtbot.keyClick(tab.empty.button, Qt.Key.Key_Space)
    assert isinstance(window.current_tab(), AssessmentTab)


def test_saved_list_returns_when_the_first_is_saved_and_leaves_with_the_last(
    shown, qtbot, monkeypatch
):
    window = shown()
    tab = window.saved_tab
    for name in ("First Co", "Second Co"):  # twice: the empty state goes and comes back
        form = window.assessment_tab
        window.show_tab(form)
        form.start_new()
        qtbot.keyClicks(form.organization, name)
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
        qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
        assert tab.stack.currentWidget() is tab.table and tab.table.isVisible()
        assert tab.filter.isEnabled()
        monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, label: True)
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Down)
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
        assert tab.stack.currentWidget() is tab.empty and tab.empty.isVisible()
        assert tab.empty.button.hasFocus()  # focus stays on the page, on its one button
        assert not tab.delete_button.isEnabled()


def test_filter_without_match_offers_to_clear_it(make_window, store, qtbot):
    store.save(person("Acme"))
    store.save(person("Beta"))
    window = make_window()
    show_exposed(window, qtbot)
    tab = window.saved_tab
    window.show_tab(tab)
    for needle in ("zebra", "quokka"):  # twice
        tab.filter.setFocus()
        qtbot.keyClicks(tab.filter, needle)
        assert tab.stack.currentWidget() is tab.empty
        assert tab.empty.message.text() == f"No assessment matches “{needle}”."
        assert tab.empty.button.text() == "Clear Filter"
        assert tab.count.text() == "0 of 2 shown"
        assert not tab.open_button.isEnabled()
        qtbot.mouseClick(tab.empty.button, LEFT)
        assert tab.filter.text() == "" and tab.model.rowCount() == 2
        assert tab.stack.currentWidget() is tab.table
    qtbot.keyClicks(tab.filter, "acm")
    assert tab.stack.currentWidget() is tab.table and tab.model.rowCount() == 1


def test_empty_compare_tab_has_no_bare_axes(shown, qtbot):
    window = shown()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    tab = window.compare_tab
    area = tab.chart_area
    qtbot.waitUntil(lambda: tab.radar is not None)
    assert area.stack.currentWidget() is area.empty and not tab.radar.isVisible()
    assert area.empty.message.text().startswith("No saved assessments to compare yet")
    assert not tab.clear_button.isEnabled() and not tab.select_org.isEnabled()
    assert not tab.filter.isEnabled()
    qtbot.mouseClick(area.empty.button, LEFT)
    assert isinstance(window.current_tab(), AssessmentTab)


def test_compare_tab_asks_to_tick_and_ticks_from_its_button(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    tab = window.compare_tab
    window.show_tab(tab)
    qtbot.waitUntil(lambda: tab.radar is not None)
    area = tab.chart_area
    total = len(demo_store.all())
    assert total > 8
    for _ in range(2):  # tick from the empty state, clear, and again
        assert area.stack.currentWidget() is area.empty
        assert (
            area.empty.message.text()
            == "Tick up to 8 assessments in the list to compare them here."
        )
        assert area.empty.button.text() == "Tick the First 8"
        assert not tab.clear_button.isEnabled()
        qtbot.mouseClick(area.empty.button, LEFT)
        assert len(tab.selected_ids()) == 8
        assert area.stack.currentWidget() is area.drawn and tab.radar.isVisible()
        assert len(tab.radar.series) == 8 and tab.clear_button.isEnabled()
        qtbot.mouseClick(tab.clear_button, LEFT)
        assert tab.selected_ids() == []


def test_empty_organizations_tab_imports_from_its_button(shown, qtbot, monkeypatch, tmp_path):
    window = shown()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    tab = window.current_tab()
    assert tab.stack.currentWidget() is tab.empty and tab.empty.isVisible()
    assert "File ▸ Import…" in tab.empty.message.text()
    assert tab.empty.button.text() == "Import…"
    answers = tmp_path / "answers.json"
    answers.write_text(exchange_json([person("Acme"), person("Acme")]), encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: [answers])
    tab.empty.button.setFocus()
    qtbot.keyClick(tab.empty.button, Qt.Key.Key_Space)
    assert tab.stack.currentIndex() == 1 and tab.organizations.count() == 1
    assert tab.current_record().organization == "Acme"
