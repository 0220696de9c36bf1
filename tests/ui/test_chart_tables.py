"""Every chart's text alternative: an accessible description of what it shows and a "Show as
Table" toggle, reached and pressed from the keyboard, whose table holds the plotted numbers.
Expected numbers come from domain scoring called here, not from the charts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from mlorg_desktop.domain.pooling import combine
from mlorg_desktop.domain.rounds import group_rounds
from mlorg_desktop.report.sheet import series_label
from tests.window_tools import show_active

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
CTRL = Qt.KeyboardModifier.ControlModifier


def _iface(widget):
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


def _whole(value) -> str:
    return "—" if value is None else str(round(value))


@pytest.fixture
def active(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_active(window, qtbot)
    return window


def _tab_to(widget, qtbot, start) -> None:
    """Press Tab from ``start`` until ``widget`` has focus, as a keyboard user gets there."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(60):
        if widget.hasFocus():
            return
        seen.append(
            QApplication.focusWidget().accessibleName() or type(QApplication.focusWidget()).__name__
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {widget.accessibleName()!r}: {seen}")


def _press(button, qtbot) -> None:
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_compare_charts_show_as_tables_of_the_scored_numbers(active, knowledge, qtbot):
    qtbot.keyClick(active, Qt.Key.Key_4, CTRL)
    tab = active.compare_tab
    qtbot.waitUntil(lambda: tab.radar is not None)
    chosen = sorted(active.store.all(), key=lambda a: a.assessed_on)[:3]
    tab.set_selected([a.id for a in chosen])
    area = tab.chart_area
    radar_view, bars_view = area.radar_view, area.bars_view
    dims, archetypes = knowledge.catalog.dimensions, knowledge.catalog.archetypes
    scores = [knowledge.score(a.questionnaire_version, a.answers) for a in chosen]

    toggle = radar_view.toggle
    # Qt serves a checkable push button as a two-state control (a toggle button on AT-SPI).
    assert _iface(toggle).role() == QAccessible.Role.CheckBox and _iface(toggle).state().checkable
    assert _iface(toggle).text(NAME) == "Show the radar chart as a table"
    assert toggle.isCheckable() and not radar_view.showing_table()
    description = _iface(tab.radar).text(DESCRIPTION)
    assert "3 assessments" in description and all(d.name in description for d in dims)
    _tab_to(toggle, qtbot, tab.filter)
    _press(toggle, qtbot)
    assert radar_view.showing_table() and radar_view.table.isVisible()
    assert not tab.radar.isVisible()
    assert _iface(toggle).state().checked
    cells = radar_view.table_cells()
    assert cells[0] == ["Assessment", *(d.short_name for d in dims)]
    assert cells[1:] == [
        [f"{n}. {series_label(a)}", *(_whole(s.positions[d.id]) for d in dims)]
        for n, (a, s) in enumerate(zip(chosen, scores, strict=True), start=1)
    ]

    # The fits, the bar chart's numbers, are text in the Compare tab too.
    _tab_to(bars_view.toggle, qtbot, toggle)
    _press(bars_view.toggle, qtbot)
    assert bars_view.showing_table()
    fits = bars_view.table_cells()
    assert fits[0] == ["Assessment", *(a.short_name for a in archetypes)]
    assert fits[1:] == [
        [f"{n}. {series_label(a)}", *(str(round(s.fits[x.id])) for x in archetypes)]
        for n, (a, s) in enumerate(zip(chosen, scores, strict=True), start=1)
    ]
    tips = [  # read as header data: see tests/ui/test_item_wrappers.py
        bars_view.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(1, 6)
    ]
    assert tips == [a.name for a in archetypes]  # the full names behind the short headers
    best = max(archetypes, key=lambda x: scores[0].fits[x.id])
    assert f"best fit {best.name}" in _iface(tab.bars).text(DESCRIPTION)

    # Reference profiles shown on the radar are rows of its table too.
    tab.overlay.setChecked(True)
    typical = [r[0] for r in radar_view.table_cells()[1:] if r[0].startswith("Typical")]
    assert len(typical) == 4  # Nascent has no reference profile
    # Pressed again, the chart comes back.
    _press(toggle, qtbot)
    assert not radar_view.showing_table() and tab.radar.isVisible()


def test_trend_chart_shows_as_a_table_of_each_rounds_combined_reading(active, knowledge, qtbot):
    qtbot.keyClick(active, Qt.Key.Key_5, CTRL)
    tab = active.current_tab()
    tab.select_organization("Vantage Retail Group", "Data & AI")
    view = tab.plot_view
    assert _iface(view.toggle).text(NAME) == "Show the trend chart as a table"
    assert "2 rounds" in _iface(tab.plot).text(DESCRIPTION)
    _tab_to(view.toggle, qtbot, tab.trend_choice)
    _press(view.toggle, qtbot)
    assert view.showing_table() and view.table.isVisible()
    people = [
        a
        for a in active.store.all()
        if (a.organization, a.unit) == ("Vantage Retail Group", "Data & AI")
    ]
    rounds = group_rounds(people)
    assert len(rounds) == 2
    archetypes = knowledge.catalog.archetypes
    want = [
        [
            r.label,
            r.first,
            *(
                str(
                    round(
                        combine(r.assessments, knowledge.bank, knowledge.catalog).score.fits[a.id]
                    )
                )
                for a in archetypes
            ),
        ]
        for r in rounds
    ]
    cells = view.table_cells()
    assert cells[0] == ["Round", "First day", *(a.short_name for a in archetypes)]
    assert cells[1:] == want
    # Switching the trend to positions switches the table with it.
    tab.trend_choice.setFocus()
    qtbot.keyClick(tab.trend_choice, Qt.Key.Key_Down)
    dims = knowledge.catalog.dimensions
    assert view.table_cells()[0] == ["Round", "First day", *(d.short_name for d in dims)]
    last = combine(rounds[-1].assessments, knowledge.bank, knowledge.catalog).score
    assert view.table_cells()[-1][2:] == [_whole(last.positions[d.id]) for d in dims]
