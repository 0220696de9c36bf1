"""Every Alt+letter does one thing: walk the widgets of each tab, menu and dialog and check
that no two mnemonics that can be active together share a letter."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QMenu, QWidget

from mlorg_desktop.ui.actions.form_actions import FormSettingsDialog
from tests.window_tools import show_exposed

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter Alt+ reaches in a Qt label ("&&" is a literal ampersand)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def test_mnemonic_reader():
    assert mnemonic("Sa&ved assessments") == "v"
    assert mnemonic("R&&D and more") is None
    assert mnemonic("Show &archetype") == "a"


def widget_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic in ``root`` that is shown: buttons, group boxes, and
    labels with a buddy (a label without one has no mnemonic)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = QGroupBox.title(widget)  # a subclass may hide title() behind an attribute
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            found.append((letter, text))
    return found


def clashes(pairs: list[tuple[str, str]]) -> list[list[str]]:
    counts = Counter(letter for letter, _ in pairs)
    return [sorted(t for letter, t in pairs if letter == c) for c, n in counts.items() if n > 1]


def window_level(window) -> list[tuple[str, str]]:
    """Always active while the window has focus: the menu bar's menus and the tab bar."""
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    return [(mnemonic(t), t) for t in texts if mnemonic(t)]


def test_each_tab_with_the_menu_bar_and_tab_bar_has_unique_mnemonics(qtbot, window):
    show_exposed(window, qtbot)
    assert ("a", "&Archetypes") in window_level(window)
    for tab in (
        window.archetypes_tab,
        window.assessment_tab,
        window.saved_tab,
        window.compare_tab,
        window.organizations_tab,
    ):
        window.show_tab(tab)
        pairs = window_level(window) + widget_mnemonics(tab)
        assert clashes(pairs) == [], type(tab).__name__
    # The Compare tab's overlay toggle once took Alt+A from the Archetypes tab.
    assert mnemonic(window.compare_tab.overlay.text()) != "a"


def test_every_menu_has_unique_mnemonics(window):
    menus = [a.menu() for a in window.menuBar().actions()]
    assert len(menus) == 4 and all(isinstance(m, QMenu) for m in menus)
    for menu in menus:
        pairs = [(mnemonic(a.text()), a.text()) for a in menu.actions() if mnemonic(a.text())]
        labelled = [a for a in menu.actions() if not a.isSeparator()]
        assert len(pairs) == len(labelled), f"{menu.title()}: an item has no mnemonic"
        assert clashes(pairs) == [], menu.title()


def _dialog_pairs(qtbot, dialog: QDialog) -> list[tuple[str, str]]:
    qtbot.addWidget(dialog)
    show_exposed(dialog, qtbot)
    return widget_mnemonics(dialog)


def test_dialogs_have_unique_mnemonics(qtbot, window, demo_store, make_window, knowledge):
    from mlorg_desktop.ui.dialogs.about import AboutDialog
    from mlorg_desktop.ui.dialogs.guide import GuideDialog
    from mlorg_desktop.ui.dialogs.sheet_options import SheetOptionsDialog
    from mlorg_desktop.ui.dialogs.shortcuts import ShortcutsDialog

    demo = make_window(demo_store)
    chosen = demo_store.all()[:3]
    data = demo.printing.sheet(chosen)
    dialogs = [
        FormSettingsDialog(None),
        AboutDialog(window.paths.store_file, window.paths.log_dir, None),
        GuideDialog(None),
        ShortcutsDialog(window, None),
        SheetOptionsDialog(demo.printing.options, data, None),
    ]
    for dialog in dialogs:
        pairs = _dialog_pairs(qtbot, dialog)
        assert clashes(pairs) == [], type(dialog).__name__
