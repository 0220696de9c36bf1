"""The Compare list and the legend keep what tells series apart (unit, respondent, date) when
space is short; reference profiles never wear an assessment's colour."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from mlorg_desktop.report.palette import OKABE_ITO
from mlorg_desktop.report.sheet_html import series_label
from tests.window_tools import show_exposed

LONG_ORG = (
    "Meridian Bank International Holdings and Retail Services Group, "
    "Northern Europe, Baltic and Nordic Region Operations and Technology"
)


@pytest.fixture
def rounds(examples):
    """One long-named organization assessed three times by the same person."""
    base = next(e for e in examples if e.organization == "Meridian Bank")
    return [
        replace(
            base,
            id=f"00000000-0000-4000-8000-00000000010{i}",
            organization=LONG_ORG,
            unit="Group AI",
            respondent="Priya Raman",
            assessed_on=f"2026-0{i + 1}-15",
        )
        for i in range(3)
    ]


@pytest.fixture
def compare(make_window, store, rounds, qtbot):
    store.import_many(rounds)
    window = make_window(store)
    window.resize(1500, 800)
    show_exposed(window, qtbot)
    window.show_tab(window.compare_tab)
    qtbot.waitUntil(lambda: window.compare_tab.radar is not None)
    return window


def _click_checkbox(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 10, rect.center().y())
    )


def test_compare_list_keeps_unit_respondent_and_date(compare, rounds, qtbot):
    tab = compare.compare_tab
    view = tab.list
    delegate = view.itemDelegate()
    model = view.model()
    shown = [delegate.displayed_text(view, model.index(r, 0)) for r in range(model.rowCount())]
    assert len(shown) == 3
    for a in rounds:
        tail = f" · Group AI · Priya Raman ({a.assessed_on})"
        assert any(text.endswith(tail) for text in shown), (tail, shown)
    # Space really is short: the organization gave way (and the full label is the tooltip).
    assert all("…" in text and LONG_ORG not in text for text in shown)
    tips = {model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(3)}
    assert tips == {series_label(a) for a in rounds}


def test_legend_keeps_the_dates_apart(compare, rounds, qtbot):
    compare.resize(1024, 760)  # the smallest window: the legend is narrower than the labels
    tab = compare.compare_tab
    for row in range(3):
        _click_checkbox(qtbot, tab.list, row)
    assert len(tab.selected_ids()) == 3
    legend = tab.legend
    delegate = legend.itemDelegate()
    shown = [delegate.displayed_text(legend, legend.model().index(r, 0)) for r in range(3)]
    dates = sorted(a.assessed_on for a in rounds)
    assert sorted(t[-11:-1] for t in shown) == dates, shown
    assert [t.split(".")[0] for t in shown] == ["1", "2", "3"]  # numbered as on paper
    for text in shown:
        assert "…" in text  # the legend is narrower than these labels ...
        assert legend.fontMetrics().horizontalAdvance(text) <= legend.viewport().width()


def test_reference_profiles_never_reuse_a_series_colour(compare, qtbot):
    tab = compare.compare_tab
    for row in range(3):
        _click_checkbox(qtbot, tab.list, row)
    qtbot.mouseClick(
        tab.overlay, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.overlay.height() // 2)
    )
    assert tab.overlay.isChecked()
    assert len(tab.radar.references) == 4
    series = {c.upper() for c in OKABE_ITO}
    colours = [r.opts["pen"].color().name().upper() for r in tab.radar.references]
    assert not series & set(colours), colours
    assert len(set(colours)) == len(colours)  # and the references differ from one another


def test_fit_label_gives_way_in_order(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from mlorg_desktop.ui.widgets.series_labels import fit_label

    metrics = QFontMetrics(QFont())
    head, tail = LONG_ORG, " · Group AI · Priya Raman (2026-03-15)"
    assert fit_label(metrics, head, tail, 10_000) == head + tail
    roomy = fit_label(metrics, head, tail, metrics.horizontalAdvance(tail) + 60)
    assert roomy.endswith("…" + tail) and roomy.startswith("Meri")
    narrow = metrics.horizontalAdvance(tail) - 40
    tight = fit_label(metrics, head, tail, narrow)
    assert tight.startswith("…") and tight.endswith(" (2026-03-15)")
    assert metrics.horizontalAdvance(tight) <= narrow
