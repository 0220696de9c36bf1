"""Every text colour of the archetype pages, the result panel's scales and the charts' labels
reaches WCAG AA (4.5:1) against the background it is drawn on, in the app's own palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette

from mlorg_desktop.report.contrast import contrast_ratio
from mlorg_desktop.ui.tabs.archetypes_tab import DIMENSIONS_ENTRY, archetype_html
from tests.window_tools import show_exposed

AA = 4.5


def _scale_pairs(scale) -> list[tuple[str, str, str]]:
    back = scale.background().name()
    text, muted, labels = scale.text_colors()
    pairs = [("text", text.name(), back), ("end labels", muted.name(), back)]
    pairs += [
        (m.label, c.name(), back)
        for m, c in zip([m for m in scale.markers() if m.value is not None], labels, strict=True)
    ]
    return pairs


def _assert_readable(where: str, pairs) -> None:
    for what, fg, bg in pairs:
        ratio = contrast_ratio(fg, bg)
        assert ratio >= AA, f"{where}: {what} {fg} on {bg} is {ratio:.2f}:1"


@pytest.fixture
def archetypes(window, qtbot):
    show_exposed(window, qtbot)
    return window.archetypes_tab


def test_archetype_and_dimension_pages(archetypes, knowledge, qtbot):
    window_bg = archetypes.palette().color(QPalette.ColorRole.Window).name()
    checked = 0
    for archetype in knowledge.catalog.archetypes:
        archetypes.select(archetype.id)
        page = archetypes.archetype_page
        for scale in page.scales.values():
            assert scale.background().name() == window_bg
            _assert_readable(archetype.name, _scale_pairs(scale))
            checked += 1
        # No white card on the grey page: the description shows the page's own background.
        text = page.text
        corner = text.mapTo(page.widget(), QPoint(text.width() - 3, 3))
        pixel = page.widget().grab().toImage().pixelColor(corner)
        assert pixel.name() == window_bg
        # Colours written into the description's HTML, if any, pass too.
        for colour in re.findall(
            r"color:\s*(#[0-9a-fA-F]{6})", archetype_html(archetype, knowledge.catalog)
        ):
            _assert_readable(archetype.name, [("html", colour, window_bg)])
        assert "color:gray" not in archetype_html(archetype, knowledge.catalog)
    archetypes.select(DIMENSIONS_ENTRY)
    for dimension_id, scale in archetypes.dimensions_page.scales.items():
        hollow = {m.label for m in scale.markers() if m.value is not None and m.hollow}
        assert "Research & Development" in hollow  # the pink one, drawn as text in its colour
        _assert_readable(dimension_id, _scale_pairs(scale))
        checked += 1
    assert checked == 3 * len(knowledge.catalog.archetypes) + 3


def test_result_panel_scales(window, demo_store, qtbot, make_window):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    tab = window.assessment_tab
    tab.open_assessment(demo_store.all()[0])
    for name, scale in tab.results.scales.items():
        assert any(m.hollow for m in scale.markers())  # the typical profile, in its colour
        _assert_readable(name, _scale_pairs(scale))


def test_chart_labels(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    tab = window.compare_tab
    window.show_tab(tab)
    qtbot.waitUntil(lambda: tab.radar is not None)
    tab.select_all()
    trend = window.organizations_tab.plot
    for chart in (tab.radar, tab.bars, trend):
        back = chart.backgroundBrush().color().name()
        pairs = [
            (f"{name} axis", chart.getPlotItem().getAxis(name).textPen().color().name(), back)
            for name in ("left", "bottom")
        ]
        _assert_readable(chart.accessibleName(), pairs)
    labels = [
        (item.toPlainText(), item.color.name(), tab.radar.backgroundBrush().color().name())
        for item, _x, _y in tab.radar.labels
    ]
    assert len(labels) == 3
    _assert_readable("radar", labels)
