"""The Compare tab: selection, charts and legend follow it, updates from elsewhere, lazy charts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from mlorg_desktop.domain.comparison import radar_point
from mlorg_desktop.ui.dialogs import dialogs
from tests.window_tools import show_exposed


@pytest.fixture
def compare(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    window.show_tab(window.compare_tab)
    qtbot.waitUntil(lambda: window.compare_tab.radar is not None)
    return window


def _tick(tab, row: int) -> None:
    item = tab.items.item(row)
    item.setCheckState(Qt.CheckState.Checked)


def test_series_and_legend_follow_the_selection(compare):
    tab = compare.compare_tab
    assert tab.radar.series == [] and tab.legend.count() == 0
    for row in range(3):
        _tick(tab, row)
    assert len(tab.radar.series) == 3 and len(tab.radar.polygons) == 3
    assert len(tab.bars.bars) == 3 and tab.legend.count() == 3
    assert tab.table.rowCount() == 3
    tab.items.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert len(tab.radar.series) == 2 and tab.legend.count() == 2
    # Chart items are reused: what is no longer compared is hidden, not left on the chart.
    scene = [i for i in tab.radar.getPlotItem().listDataItems() if i.isVisible()]
    assert len(scene) - 7 == 2  # 4 rings + 3 spokes are the radar's own lines
    assert sum(bar.isVisible() for bar in tab.bars._bar_pool) == 2
    assert sum(p.isVisible() for p in tab.radar._polygon_pool) == 2
    tab.overlay.setChecked(True)
    assert len(tab.radar.references) == 4  # Nascent has no reference profile
    assert tab.legend.count() == 2 + 4
    tab.overlay.setChecked(False)
    assert tab.radar.references == [] and not any(
        r.isVisible() for r in tab.radar._reference_items or []
    )


def test_radar_series_points_sit_where_the_geometry_says(compare, knowledge):
    tab = compare.compare_tab
    _tick(tab, 0)
    row = tab.comparison.rows[0]
    xs, ys = tab.radar.series[0].getData()
    for i, dimension in enumerate(knowledge.catalog.dimensions):
        expected = radar_point(row.score.positions[dimension.id] or 0, i, 3)
        assert (xs[i], ys[i]) == pytest.approx(expected)
    assert (xs[-1], ys[-1]) == (xs[0], ys[0])  # closed polygon


def test_at_most_eight(compare, demo_store, examples, store):
    from dataclasses import replace

    tab = compare.compare_tab
    extra = [
        replace(examples[0], id=f"00000000-0000-4000-8000-{i:012d}", unit=f"U{i}") for i in range(4)
    ]
    demo_store.import_many(extra)
    for a in extra:
        tab.on_assessment_saved(a.id)
    for row in range(tab.items.rowCount()):
        _tick(tab, row)
    assert len(tab.selected_ids()) == 8
    assert "At most 8" in tab.status.text()
    assert len(tab.radar.series) == 8


def test_select_all_of_one_organization(compare, qtbot):
    tab = compare.compare_tab
    rows = [
        r
        for r in range(tab.proxy.rowCount())
        if tab.proxy.index(r, 0).data().startswith("Meridian Bank")
    ]
    tab.list.setCurrentIndex(tab.proxy.index(rows[0], 0))
    tab.select_org.click()
    assert len(tab.selected_ids()) == 2
    assert tab.comparison.differences  # the two Meridian assessments differ
    # The tree is filled when its page is shown (not on every tick): open it as a user does.
    bar = tab.details.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tab.details.currentWidget() is tab.differences
    assert tab.differences.topLevelItemCount() == len(tab.comparison.differences)
    first = tab.comparison.differences[0]
    assert tab.differences.topLevelItem(0).text(0) == first.question_text
    # Ticking another while the page is open refills it at once.
    tab.clear()
    assert tab.differences.topLevelItemCount() == 1  # "Choose two or more…"


def test_charts_update_on_save_and_delete_elsewhere(compare, qtbot, monkeypatch):
    tab, saved, editor = compare.compare_tab, compare.saved_tab, compare.assessment_tab
    tab.select_all()
    first_id = tab.selected_ids()[0]
    before = tab.comparison.rows[0].score.fits.copy()
    # Edit the first chosen assessment in the Assessment tab: answer everything "a" (Nascent).
    saved.select(first_id)
    saved.open_selected()
    for card in editor.cards.values():
        card.buttons[card.question.options[0].id].click()
    compare.save_action.trigger()
    after = tab.comparison.rows[0].score.fits
    assert after != before and after["nascent"] == 100
    # Deleting it elsewhere removes its series; undo puts it back in the list.
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: True)
    saved.select(first_id)
    saved.delete_selected()
    assert first_id not in tab.selected_ids()
    assert len(tab.radar.series) == len(tab.selected_ids()) == 7
    compare.undo_delete_action.trigger()
    assert tab.items.rowCount() == 15


@pytest.fixture
def dark_application(qapp):
    """A dark system palette, as a dark desktop theme gives the application."""
    before = qapp.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#17181a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def test_dark_palette_renders(dark_application, make_window, demo_store, qtbot):
    """The Compare tab's own charts, built under a dark palette, paint a dark background with
    light axes (read back from the rendered pixels, not from the chart's settings)."""
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    window.show_tab(window.compare_tab)
    tab = window.compare_tab
    qtbot.waitUntil(lambda: tab.radar is not None)
    tab.select_all()
    for chart in (tab.radar, tab.bars):
        qtbot.waitUntil(lambda chart=chart: chart.isVisible() and chart.width() > 100)
        image = chart.grab().toImage()
        corner = image.pixelColor(3, 3)
        assert corner == QColor("#17181a"), chart
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 4)
            for y in range(0, image.height(), 4)
        }
        assert "#ffffff" not in colours  # no light background left anywhere
        axis = chart.getPlotItem().getAxis("left")
        assert axis.textPen().color() == QColor("#e8eaed")


def test_pyqtgraph_and_hidden_tabs_load_only_when_needed(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtCore import QSettings
        from mlorg_desktop.domain.knowledge import load_knowledge
        from mlorg_desktop.paths import AppPaths
        from mlorg_desktop.resources import resources_dir
        from mlorg_desktop.store import AssessmentStore
        from mlorg_desktop.ui.app import FirstPaintWatcher, create_application
        from mlorg_desktop.ui.main_window import MainWindow
        from mlorg_desktop.ui.dialogs.msgbox import Messenger
        k = load_knowledge(resources_dir())
        app = create_application(resources_dir())
        root = Path({str(tmp_path)!r})
        store = AssessmentStore(root / "a.json", k.bank)
        w = MainWindow(k, store, AppPaths(root, root / "logs"),
                       QSettings(str(root / "s.ini"), QSettings.Format.IniFormat), Messenger(True))
        watcher = FirstPaintWatcher(w)
        w.show()
        while not watcher.painted:
            app.processEvents()
        print("after paint:", "pyqtgraph" in sys.modules, "numpy" in sys.modules)
        tabs = ("assessment_tab", "saved_tab", "compare_tab")
        later = ["mlorg_desktop.ui.tabs." + m for m in tabs]
        print("loaded later:", [m for m in later + ["PySide6.QtPrintSupport"] if m in sys.modules])
        w.show_tab(w.compare_tab)
        app.processEvents()
        print("after compare:", "pyqtgraph" in sys.modules)
    """)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "after paint: False False" in out
    assert "loaded later: []" in out  # only the visible tab is built before the first paint
    assert "after compare: True" in out


def test_a_series_follows_its_assessment_when_an_earlier_one_is_unticked(compare, qtbot):
    """Ticking redraws only what changed: when the first of two is unticked (Space on its row),
    the second becomes the first series, and that series must show its points."""
    tab = compare.compare_tab

    def press_space_on(row: int) -> None:
        tab.list.setCurrentIndex(tab.proxy.mapFromSource(tab.items.index(row, 0)))
        qtbot.keyClick(tab.list, Qt.Key.Key_Space)

    press_space_on(0)
    press_space_on(1)
    assert len(tab.selected_ids()) == 2
    first_xs, first_ys = (list(v) for v in tab.radar.series[0].getData())
    second_xs, second_ys = (list(v) for v in tab.radar.series[1].getData())
    assert (first_xs, first_ys) != (second_xs, second_ys)  # two different profiles
    second_id = tab.comparison.rows[1].assessment.id
    press_space_on(0)
    assert tab.selected_ids() == [second_id]
    xs, ys = (list(v) for v in tab.radar.series[0].getData())
    assert (xs, ys) == (second_xs, second_ys)
    assert tab.table.rowCount() == 1
