"""No Python wrapper outlives the Qt item it stands for.

Some PySide calls hand back an item Qt made itself (a header item made by
``setHorizontalHeaderLabels``) and keep its Python wrapper alive as a child of the model. When
the model is cleared, Qt deletes the item but the wrapper stays registered under the old address;
the next Qt object allocated there (a table's selection model, in CI) then comes back to Python
as that item ("'QStandardItem' object has no attribute 'selectionChanged'"), or Shiboken frees
it twice ("free(): invalid pointer"). Items the app makes in Python are safe: their destructor
tells Shiboken. So after every view has been filled and refilled, no wrapper of a Qt-made item
may still be alive."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mlorg_desktop.ui.smoke_checks import kept_qt_made_items
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


def test_refilled_views_keep_no_wrapper_of_a_qt_made_item(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_active(window, qtbot)
    assert kept_qt_made_items() == []
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    tab = window.compare_tab
    qtbot.waitUntil(lambda: tab.radar is not None)
    ids = [a.id for a in sorted(demo_store.all(), key=lambda a: a.assessed_on)]
    for _ in range(2):  # filled, then refilled: the second fill is where a kept wrapper dies
        tab.set_selected(ids[:3])
        for view in (tab.chart_area.radar_view, tab.chart_area.bars_view):
            qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
        tab.overlay.setChecked(not tab.overlay.isChecked())
        tab.set_selected(ids[3:5])
        tab.clear()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    organizations = window.current_tab()
    for _ in range(2):
        organizations.select_organization("Vantage Retail Group", "Data & AI")
        qtbot.mouseClick(organizations.plot_view.toggle, Qt.MouseButton.LeftButton)
    assert kept_qt_made_items() == []
