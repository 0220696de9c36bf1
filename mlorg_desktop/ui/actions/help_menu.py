"""The Help menu: User Guide (F1), Keyboard Shortcuts and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from mlorg_desktop.ui.main_window import MainWindow


def build_help_menu(window: MainWindow) -> None:
    w = window
    menu = w.menuBar().addMenu("&Help")
    w.guide_action = QAction("&User Guide", w)
    w.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    w.guide_action.setStatusTip("How to assess, compare and print, and what the numbers mean")
    w.guide_action.triggered.connect(lambda: show_guide(w))
    w.shortcuts_action = QAction("&Keyboard Shortcuts", w)
    w.shortcuts_action.setStatusTip("Every shortcut of the menus")
    w.shortcuts_action.triggered.connect(lambda: show_shortcuts(w))
    w.about_action = QAction("&About MLOrg Desktop", w)
    w.about_action.triggered.connect(lambda: show_about(w))
    menu.addActions([w.guide_action, w.shortcuts_action])
    menu.addSeparator()
    menu.addAction(w.about_action)


def show_guide(window: MainWindow) -> None:
    """The guide opens beside the window (not modal, so the app stays usable while reading);
    one viewer per window, brought forward by the next F1."""
    from mlorg_desktop.ui.dialogs.guide import GuideDialog

    if window.guide is None:
        window.guide = GuideDialog(window)
    window.guide.show()
    window.guide.raise_()
    window.guide.activateWindow()


def show_shortcuts(window: MainWindow) -> None:
    from mlorg_desktop.ui.dialogs import shortcuts

    shortcuts.show_shortcuts(window)


def show_about(window: MainWindow) -> None:
    from mlorg_desktop.ui.dialogs.about import AboutDialog

    AboutDialog(window.paths.store_file, window.paths.log_dir, window).exec()
