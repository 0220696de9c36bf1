"""Help by the keyboard: F1 opens the shipped guide in the app's own viewer, its contents list
moves through the sections, and Help ▸ Keyboard Shortcuts lists the menus' real shortcuts."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mlorg_desktop.ui.dialogs.guide import GuideDialog, guide_file
from mlorg_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from tests.window_tools import show_active

NATIVE = QKeySequence.SequenceFormat.NativeText


def test_f1_opens_the_guide_and_its_contents_walk_the_sections(qtbot, window):
    window = show_active(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    assert isinstance(guide, GuideDialog)
    qtbot.waitUntil(guide.isVisible)
    qtbot.waitUntil(guide.contents.hasFocus)
    titles = [guide.contents.item(i).text() for i in range(guide.contents.count())]
    assert titles[:3] == [
        "The five archetypes",
        "Assessing an organization",
        "What the numbers mean",
    ]
    assert {"Printing and PDF", "The organization view", "Where your data lives"} <= set(titles)
    text = guide.text.toPlainText()
    for term in ("Fit", "Margin", "Coverage", "Named", "Leaning towards", "Transitional"):
        assert term in text
    bar = guide.text.verticalScrollBar()
    assert guide.contents.currentRow() == 0 and bar.value() == 0
    first = bar.value()
    QTest.keyClick(guide.contents, Qt.Key.Key_Down)
    QTest.keyClick(guide.contents, Qt.Key.Key_Down)  # "What the numbers mean"
    assert guide.contents.currentItem().text() == "What the numbers mean"
    assert bar.value() > first
    numbers_at = bar.value()
    QTest.keyClick(guide.contents, Qt.Key.Key_End)
    assert bar.value() > numbers_at or bar.value() == bar.maximum()
    # Tab goes to the text, which the keyboard scrolls.
    QTest.keyClick(guide.contents, Qt.Key.Key_Tab)
    qtbot.waitUntil(guide.text.hasFocus)
    # F1 again brings the same viewer forward; Escape closes it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert window.guide is guide and guide.isVisible()
    qtbot.waitUntil(guide.isActiveWindow)
    QTest.keyClick(guide.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())


def test_the_guides_pictures_are_shipped_and_load(qtbot):
    html = guide_file().read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) >= 3
    dialog = GuideDialog(None)
    qtbot.addWidget(dialog)
    for name in pictures:
        assert (guide_file().parent / name).is_file(), name
        image = dialog.text.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(name)
        )
        assert image is not None and not image.isNull(), name
    assert "http" not in html  # the guide links nowhere outside itself


def test_keyboard_shortcuts_lists_the_real_actions(qtbot, window):
    window = show_active(window, qtbot)
    seen = []
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ShortcutsDialog):
            QTimer.singleShot(20, read_and_close)
            return
        table = dialog.table
        seen.append(
            [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
        )
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    for new_key in (None, "Ctrl+Alt+S"):  # twice; the second time after a key changed
        if new_key:
            window.save_action.setShortcut(QKeySequence(new_key))
        QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Help menu
        qtbot.waitUntil(help_menu.isVisible)
        QTimer.singleShot(0, read_and_close)
        QTest.keyClick(help_menu, Qt.Key.Key_K)  # Keyboard Shortcuts
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    first, second = seen
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(NATIVE)
    assert ("File", "Save Assessment", save) in first
    assert ("File", "Save Assessment", "Ctrl+Alt+S") in second
    assert ("Help", "User Guide", "F1") in first
    assert ("Edit", "Find", "Ctrl+F") in first
    assert ("View", "Compare", "Ctrl+4") in first
    assert ("Saved assessments", "Delete the selected assessment", "Del") in first
    # Every menu action that has a key is listed, once.
    keyed = [
        a
        for top in window.menuBar().actions()
        for a in top.menu().actions()
        if not a.isSeparator() and not a.shortcut().isEmpty()
    ]
    menu_rows = [row for row in first if row[0] in ("File", "Edit", "View", "Help")]
    assert len(menu_rows) == len(keyed) == len(set(menu_rows))
