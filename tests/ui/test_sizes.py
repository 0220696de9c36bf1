"""At the window's minimum size (1024x700), and at 1280x800 (what 1920x1200 is at a scale
factor of 1.5, in the logical pixels Qt lays out in), nothing is clipped: the radar's axis
labels lie inside the chart, the bar chart's labels do not overlap, the result panel does not
scroll sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from mlorg_desktop.ui.main_window import MINIMUM_SIZE
from tests.window_tools import show_exposed

SIZES = [MINIMUM_SIZE, (1280, 800)]


def settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(20)


@pytest.fixture
def sized(make_window, demo_store, qtbot):
    def build(size):
        window = make_window(demo_store)
        window.resize(*size)
        show_exposed(window, qtbot)
        assert (window.width(), window.height()) == size
        return window

    return build


def test_the_window_does_not_shrink_below_its_minimum(sized):
    window = sized(MINIMUM_SIZE)
    window.resize(900, 600)
    assert (window.width(), window.height()) == MINIMUM_SIZE


@pytest.mark.parametrize("size", SIZES)
def test_result_panel_never_scrolls_sideways(sized, qtbot, size):
    window = sized(size)
    tab = window.assessment_tab
    window.show_tab(tab)
    for assessment in window.store.all()[:2]:  # a second one, of another reading
        tab.open_assessment(assessment)
        settle(qtbot)
        panel = tab.results
        assert panel.isVisible()
        assert not panel.horizontalScrollBar().isVisible()
        assert panel.widget().width() <= panel.viewport().width()


def _tick_rects(axis) -> list[QRectF]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [rect for rect, _flags, _text in texts], [text for _r, _f, text in texts]


@pytest.mark.parametrize("size", SIZES)
def test_chart_labels_fit_and_do_not_overlap(sized, qtbot, knowledge, size):
    window = sized(size)
    tab = window.compare_tab
    window.show_tab(tab)
    qtbot.waitUntil(lambda: tab.radar is not None)
    tab.select_all()
    settle(qtbot)
    radar = tab.radar
    inside = QRectF(radar.viewport().rect())
    for item, _x, _y in radar.labels:
        box = item.sceneBoundingRect()
        assert inside.contains(box), f"{item.toPlainText()!r} at {box} leaves {inside}"
    rects, texts = _tick_rects(tab.bars.getPlotItem().getAxis("bottom"))
    assert len(texts) == len(knowledge.catalog.archetypes)  # every group is labelled
    assert texts == [a.short_name for a in knowledge.catalog.archetypes]  # in full, here
    for left, right in zip(rects, rects[1:], strict=False):
        assert left.right() < right.left(), f"{left} overlaps {right}"


@pytest.mark.parametrize("size", SIZES)
def test_organization_tables_never_scroll_sideways(sized, qtbot, size):
    # The demo's two-round organization, both rounds: the disagreements and the by-role answers
    # fit their width (long texts are cut with an ellipsis and shown whole in the tooltip).
    window = sized(size)
    window.show_tab(window.organizations_tab)
    tab = window.current_tab()
    tab.select_organization("Vantage Retail Group", "Data & AI")
    for row in range(tab.rounds.count()):
        tab.rounds.setCurrentRow(row)
        settle(qtbot)
        for tree in (tab.panel.disagreements, tab.panel.by_role):
            assert tree.topLevelItemCount() > 0, tree.accessibleName()
            assert not tree.horizontalScrollBar().isVisible(), (tree.accessibleName(), row)
