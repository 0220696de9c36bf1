"""The window remembers its last tab, splitter positions and the saved list's sort between
runs (a new window on the same settings file), and its title names the open assessment."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QSplitter

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.ui.main_window import MainWindow
from mlorg_desktop.ui.tabs.compare_tab import CompareTab
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


def _new_window(qtbot, knowledge, store, settings_file, messenger, tmp_path, opener=False):
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    paths = AppPaths(data_dir=tmp_path / "data", log_dir=tmp_path / "data" / "logs")
    target = (lambda parent: store) if opener else store
    window = MainWindow(knowledge, target, paths, settings, messenger)
    qtbot.addWidget(window)
    show_active(window, qtbot)
    return window


def _drag_handle(qtbot, splitter: QSplitter, index: int, dx: int) -> None:
    """Drag the splitter's handle ``index`` sideways by ``dx`` pixels with the mouse."""
    handle = splitter.handle(index)
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(dx, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(dx, 0))


def test_tab_splitters_and_sort_order_survive_a_restart(
    qtbot, knowledge, demo_store, messenger, tmp_path
):
    settings_file = tmp_path / "window.ini"
    window = _new_window(qtbot, knowledge, demo_store, settings_file, messenger, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    splitter = window.assessment_tab.findChild(QSplitter, "assessmentSplitter")
    qtbot.waitUntil(splitter.isVisible)
    QApplication.processEvents()
    before = splitter.sizes()
    _drag_handle(qtbot, splitter, 1, 60)
    moved = splitter.sizes()
    assert moved[0] > before[0] + 40  # the first column really grew
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    header = window.saved_tab.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2),
    )
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    first_org = window.saved_tab.model.index(0, 0).data()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert window.close()

    again = _new_window(
        qtbot, knowledge, demo_store, settings_file, messenger, tmp_path, opener=True
    )
    assert again.current_tab() is None or not isinstance(again.current_tab(), CompareTab)
    assert again.open_store()  # the tab comes back once the store is open (after first paint)
    assert isinstance(again.current_tab(), CompareTab)
    qtbot.keyClick(again, Qt.Key.Key_2, CTRL)
    restored = again.assessment_tab.findChild(QSplitter, "assessmentSplitter")
    qtbot.waitUntil(restored.isVisible)
    assert restored.sizes() == moved
    header = again.saved_tab.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    assert again.saved_tab.model.index(0, 0).data() == first_org
    again.close()


def test_a_tab_chosen_before_the_store_opens_is_kept(
    qtbot, knowledge, demo_store, messenger, tmp_path
):
    settings_file = tmp_path / "window.ini"
    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("main_window/tab", "compare")
    window = _new_window(
        qtbot, knowledge, demo_store, settings_file, messenger, tmp_path, opener=True
    )
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # builds the Assessment tab: opens the store
    assert window.has_store()
    assert window.tabs.currentIndex() == 1


def test_title_names_the_open_assessment_and_marks_changes(window, store, qtbot):
    acme = store.save(
        Assessment(
            id=str(uuid.uuid4()),
            organization="Acme",
            unit="Platform",
            questionnaire_version=2,
            assessed_on="2026-11-02",
        )
    )
    show_active(window, qtbot)
    assert window.windowTitle() == "MLOrg Desktop[*]"
    tab = window.saved_tab
    window.show_tab(tab)
    tab.select(acme.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # opens it in the Assessment tab
    assert window.windowTitle() == "Acme · Platform (2026-11-02)[*] — MLOrg Desktop"
    assert not window.isWindowModified()
    form = window.assessment_tab
    form.unit.setFocus()
    qtbot.keyClick(form.unit, Qt.Key.Key_End)
    qtbot.keyClicks(form.unit, " Team")
    assert window.windowTitle() == "Acme · Platform Team (2026-11-02)[*] — MLOrg Desktop"
    assert window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # a second one: a new, empty form
    assert window.windowTitle() == "New assessment[*] — MLOrg Desktop"
