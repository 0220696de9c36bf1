"""The Edit menu: Undo / Redo of a delete, the clipboard on the focused text, and Find.

Undo and Redo use the platform's keys (Ctrl+Z; Ctrl+Y, or Ctrl+Shift+Z on KDE); inside a text
field those keys stay the field's own undo, as everywhere else on the desktop. Cut, Copy, Paste
and Select All act on the text field that has focus and are enabled only when they would do
something there; their shortcuts are shown in the menu but left to the fields themselves (a
window-wide Ctrl+A would take Select All away from the lists). Find (Ctrl+F) puts the cursor in
the filter of the Compare list when that tab is open, else in the Saved tab's filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from mlorg_desktop.ui.main_window import MainWindow

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


class TextFocus(QObject):
    """The text field the user was last in. Alt+E hands keyboard focus to the menu bar, so the
    window's own focus widget is no longer the field when the menu opens, and a QLineEdit
    drops its selection when focus goes to the menu bar: the selection is kept here."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.widget: TextWidget | None = None
        self.selection: tuple[int, int] | None = None  # a line edit's (start, length)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit | QPlainTextEdit | QTextEdit) and new.window() is self._window:
            if new is not self.widget:
                self._forget()
                self.widget = new
                new.destroyed.connect(self._on_widget_destroyed)
                new.installEventFilter(self)
        elif new is not None and not isinstance(new, QMenuBar | QMenu):
            self._forget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Runs before the line edit's own focus-out, which is where it deselects.
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            edit = self.widget
            if isinstance(edit, QLineEdit) and edit.hasSelectedText():
                self.selection = (edit.selectionStart(), len(edit.selectedText()))
            else:
                self.selection = None
        return False

    def restore_selection(self) -> None:
        edit = self.widget
        if isinstance(edit, QLineEdit) and self.selection and not edit.hasSelectedText():
            edit.setSelection(*self.selection)

    def _forget(self) -> None:
        if self.widget is not None:
            self.widget.removeEventFilter(self)
            self.widget.destroyed.disconnect(self._on_widget_destroyed)
        self._on_widget_destroyed()

    def _on_widget_destroyed(self) -> None:
        # The field is gone (its C++ side first): only drop the references.
        self.widget = None
        self.selection = None


def build_edit_menu(window: MainWindow) -> None:
    w = window
    menu = w.menuBar().addMenu("&Edit")
    w.undo_delete_action = _action(
        w,
        "&Undo Delete",
        QKeySequence.StandardKey.Undo,
        "Bring back the last deleted assessment",
        lambda: w.saved_tab.undo_delete(),
    )
    w.redo_delete_action = _action(
        w,
        "&Redo Delete",
        QKeySequence.StandardKey.Redo,
        "Delete again the assessment that Undo Delete brought back",
        lambda: w.saved_tab.redo_delete(),
    )
    for action in (w.undo_delete_action, w.redo_delete_action):
        action.setEnabled(False)
    menu.addActions([w.undo_delete_action, w.redo_delete_action])
    menu.addSeparator()

    w.text_actions = {}
    w.text_focus = TextFocus(w)
    for name, text, key, tip in (
        ("cut", "Cu&t", QKeySequence.StandardKey.Cut, "Move the selected text to the clipboard"),
        ("copy", "&Copy", QKeySequence.StandardKey.Copy, "Copy the selected text"),
        ("paste", "&Paste", QKeySequence.StandardKey.Paste, "Insert the clipboard's text"),
        ("select_all", "Select &All", QKeySequence.StandardKey.SelectAll, "Select all the text"),
    ):
        action = _action(w, text, key, tip, lambda _=False, n=name: _on_text(w, n))
        # Shown in the menu; the focused field handles the key itself.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        w.text_actions[name] = action
        menu.addAction(action)
    menu.aboutToShow.connect(lambda: update_text_actions(w))
    update_text_actions(w)
    menu.addSeparator()

    w.find_action = _action(
        w,
        "&Find",
        QKeySequence.StandardKey.Find,
        "Filter the saved assessments (in Compare: the list to compare)",
        lambda: find(w),
    )
    menu.addAction(w.find_action)
    w.edit_menu = menu


def _action(
    window: QWidget, text: str, key: QKeySequence.StandardKey, tip: str, slot: object
) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(key))
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def focused_text(window: MainWindow) -> TextWidget | None:
    """The text field the Edit menu acts on: the focused one, or the one focus left for the
    menu bar."""
    widget = window.focusWidget()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget
    last = window.text_focus.widget
    return last if isinstance(widget, QMenuBar | QMenu) and last is not None else None


def _has_selection(widget: TextWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.hasSelectedText()
    return widget.textCursor().hasSelection()


def update_text_actions(window: MainWindow) -> None:
    widget = focused_text(window)
    if widget is window.text_focus.widget:
        window.text_focus.restore_selection()
    editable = widget is not None and not widget.isReadOnly()
    selected = widget is not None and _has_selection(widget)
    actions = window.text_actions
    actions["cut"].setEnabled(editable and selected)
    actions["copy"].setEnabled(selected)
    actions["paste"].setEnabled(editable)
    actions["select_all"].setEnabled(widget is not None)


def _on_text(window: MainWindow, name: str) -> None:
    widget = focused_text(window)
    if widget is not None:
        if widget is window.text_focus.widget:
            window.text_focus.restore_selection()
        getattr(widget, {"select_all": "selectAll"}.get(name, name))()


def find(window: MainWindow) -> None:
    """Put the cursor in the filter that narrows what the user is looking at."""
    compare = window.built("compare")
    tab = compare if compare is not None and window.current_tab() is compare else None
    if tab is None:
        tab = window.saved_tab
        window.show_tab(tab)
    tab.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
    tab.filter.selectAll()
