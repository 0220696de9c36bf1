"""Help ▸ Keyboard Shortcuts: every shortcut of the window's menus, read from the actions
themselves when the dialog opens, so the list cannot drift from what the keys do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mlorg_desktop.ui.widgets.layout import MARGIN, vbox


def in_place_rows() -> list[tuple[str, str, str]]:
    """Keys that belong to a list or a question rather than to a menu action (the Saved list's
    Delete key is the same standard key its event filter matches)."""
    native = QKeySequence.SequenceFormat.NativeText
    delete = QKeySequence(QKeySequence.StandardKey.Delete).toString(native)
    enter = QKeySequence(Qt.Key.Key_Return).toString(native)
    space = QKeySequence(Qt.Key.Key_Space).toString(native)
    return [
        ("Saved assessments", "Delete the selected assessment", delete),
        ("Saved assessments", "Open the selected assessment", enter),
        ("Compare", "Tick or untick the highlighted assessment", space),
        ("Assessment", "Choose an answer within a question", "Up, Down"),
    ]


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action with a shortcut, in menu order; keys in the
    platform's own spelling (an action can have several, e.g. Redo)."""
    rows = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            rows.extend(_rows_of(_plain(menu.title()), action))
    return rows


def _rows_of(menu: str, action: QAction) -> list[tuple[str, str, str]]:
    keys = [k for k in action.shortcuts() if not k.isEmpty()]
    if action.isSeparator() or not keys:
        return []
    spelled = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    return [(menu, _plain(action.text()), spelled)]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(window) + in_place_rows()
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu or place", "Action", "Keys"])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            "Inside a text field, the usual editing keys (Ctrl+Z, Ctrl+C, Ctrl+V…) act on the "
            "field. Alt with an underlined letter reaches a menu, tab, button or field."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.setLayout(vbox(self.table, note, buttons, margin=MARGIN))
        self.resize(640, 620)
        self.table.setFocus()


def show_shortcuts(window: QMainWindow) -> None:
    ShortcutsDialog(window, window).exec()
