"""The archetype browser shows each archetype's content and works by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mlorg_desktop.ui.tabs.archetypes_tab import DIMENSIONS_ENTRY, ArchetypesTab
from tests.window_tools import show_exposed


@pytest.fixture
def tab(qtbot, knowledge):
    widget = ArchetypesTab(knowledge.catalog)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    show_exposed(widget, qtbot)
    return widget


@pytest.mark.parametrize("archetype_id", ["nascent", "rnd", "embedded", "independent", "ml_first"])
def test_selecting_an_archetype_shows_its_content(tab, knowledge, archetype_id):
    archetype = knowledge.catalog.archetype(archetype_id)
    tab.select(archetype_id)
    text = tab.archetype_page.text.toPlainText()
    assert archetype.name in text and archetype.what_it_is in text
    assert archetype.reports_to in text
    for item in archetype.strengths + archetype.weaknesses + archetype.typical_organizations:
        assert item in text
    assert "No archetype is better" in text
    for dimension in knowledge.catalog.dimensions:
        scale = tab.archetype_page.scales[dimension.id]
        (marker,) = scale.markers()
        assert marker.value == archetype.reference_position(dimension.id)
        assert tab.archetype_page.notes[dimension.id].text() == (
            archetype.placements[dimension.id].note
        )
    assert tab.pages.currentWidget() is tab.archetype_page


def test_dimensions_view_explains_both_ends(tab, knowledge):
    tab.select(DIMENSIONS_ENTRY)
    assert tab.pages.currentWidget() is tab.dimensions_page
    for dimension in knowledge.catalog.dimensions:
        scale = tab.dimensions_page.scales[dimension.id]
        assert len(scale.markers()) == 5
        assert dimension.low_label in scale.accessibleDescription()


def test_keyboard_moves_through_the_list(tab, qtbot, knowledge):
    tab.list.setFocus()
    assert tab.current_entry() == "nascent"
    qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    assert tab.current_entry() == "embedded"
    assert knowledge.catalog.archetype("embedded").tagline in tab.archetype_page.text.toPlainText()
    qtbot.keyClick(tab.list, Qt.Key.Key_End)
    assert tab.current_entry() == DIMENSIONS_ENTRY


def test_text_is_selectable(tab):
    flags = tab.archetype_page.text.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse


def test_layout_fits_the_minimum_size(tab):
    tab.resize(1024, 700)
    assert tab.list.width() >= 200 and tab.pages.width() >= 600
