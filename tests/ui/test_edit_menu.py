"""Edit menu by the keyboard: Undo / Redo of a delete with the platform's keys, Find focusing
the filter, and Cut / Copy / Paste / Select All on the focused text field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from mlorg_desktop.ui.dialogs import dialogs
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


def _press_sequence(widget, standard: QKeySequence.StandardKey) -> None:
    """Press the platform's keys for ``standard`` (Redo is Ctrl+Y or Ctrl+Shift+Z by desktop)."""
    combo = QKeySequence(standard)[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_undo_and_redo_a_delete_with_the_keyboard(qtbot, make_window, demo_store, monkeypatch):
    window = show_active(make_window(demo_store), qtbot)
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: True)
    saved = window.saved_tab
    window.show_tab(saved)
    assert window.redo_delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    for _round in range(2):  # the whole cycle twice, on two different rows
        saved.table.setFocus()
        qtbot.waitUntil(saved.table.hasFocus)
        saved.table.selectRow(_round)
        victim = saved.selected_id()
        QTest.keyClick(saved.table, Qt.Key.Key_Delete)
        assert victim not in demo_store and len(demo_store) == 14
        assert not window.redo_delete_action.isEnabled()
        _press_sequence(saved.table, QKeySequence.StandardKey.Undo)
        assert victim in demo_store and len(demo_store) == 15
        assert window.redo_delete_action.isEnabled() and not window.undo_delete_action.isEnabled()
        _press_sequence(saved.table, QKeySequence.StandardKey.Redo)
        assert victim not in demo_store and saved.model.row_of(victim) < 0
        assert window.undo_delete_action.isEnabled() and not window.redo_delete_action.isEnabled()
        _press_sequence(saved.table, QKeySequence.StandardKey.Undo)
        assert victim in demo_store and saved.model.row_of(victim) >= 0
        saved.select(victim)
        QTest.keyClick(saved.table, Qt.Key.Key_Delete)  # a new delete ends what could be redone
        assert not window.redo_delete_action.isEnabled()
        _press_sequence(saved.table, QKeySequence.StandardKey.Undo)
        assert len(demo_store) == 15


def test_ctrl_f_focuses_the_filter_of_saved_or_compare(qtbot, make_window, demo_store):
    window = show_active(make_window(demo_store), qtbot)
    assert window.current_tab() is window.archetypes_tab
    for _round in range(2):
        QTest.keyClick(window, Qt.Key.Key_F, CTRL)
        saved = window.saved_tab
        assert window.current_tab() is saved
        qtbot.waitUntil(saved.filter.hasFocus)
        qtbot.keyClicks(saved.filter, "meridian")
        assert saved.model.rowCount() == 2
        saved.filter.clear()
        window.show_tab(window.compare_tab)
        window.compare_tab.list.setFocus()
        qtbot.waitUntil(window.compare_tab.list.hasFocus)
        QTest.keyClick(window, Qt.Key.Key_F, CTRL)
        assert window.current_tab() is window.compare_tab
        qtbot.waitUntil(window.compare_tab.filter.hasFocus)
        window.show_tab(window.archetypes_tab)


def test_cut_copy_paste_and_select_all_work_on_the_focused_field(qtbot, window):
    window = show_active(window, qtbot)
    tab = window.assessment_tab
    window.show_tab(tab)
    actions = window.text_actions
    tab.organization.setFocus()
    qtbot.waitUntil(tab.organization.hasFocus)
    qtbot.keyClicks(tab.organization, "Meridian Bank")

    def choose(mnemonic: Qt.Key) -> None:
        """Alt+E opens the Edit menu; the item's underlined letter chooses it."""
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(window.edit_menu.isVisible)
        QTest.keyClick(window.edit_menu, mnemonic)
        qtbot.waitUntil(lambda: not window.edit_menu.isVisible())

    choose(Qt.Key.Key_A)  # Select All
    assert tab.organization.selectedText() == "Meridian Bank"
    choose(Qt.Key.Key_C)  # Copy
    assert QGuiApplication.clipboard().text() == "Meridian Bank"
    tab.unit.setFocus()
    qtbot.waitUntil(tab.unit.hasFocus)
    choose(Qt.Key.Key_P)  # Paste
    assert tab.unit.text() == "Meridian Bank"
    choose(Qt.Key.Key_A)
    choose(Qt.Key.Key_T)  # Cut
    assert tab.unit.text() == "" and QGuiApplication.clipboard().text() == "Meridian Bank"
    # Nothing to act on: a list has focus, so the text actions are off.
    tab.sections.setFocus()
    qtbot.waitUntil(tab.sections.hasFocus)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.edit_menu.isVisible)
    assert [actions[n].isEnabled() for n in ("cut", "copy", "paste", "select_all")] == [
        False,
        False,
        False,
        False,
    ]
    QTest.keyClick(window.edit_menu, Qt.Key.Key_Escape)
