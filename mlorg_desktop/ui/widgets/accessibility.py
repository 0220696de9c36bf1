"""What screen readers get beyond a widget's own name: announcements of changes the user did
not move to, and names for the sub-controls Qt builds itself."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

# Qt's name for the action behind QLineEdit's clear button (setClearButtonEnabled).
_CLEAR_ACTION = "_q_qlineeditclearaction"


def announce(widget: QWidget, message: str) -> None:
    """Ask a screen reader to say ``message`` once it has finished what it is saying."""
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def name_clear_button(line_edit: QLineEdit, name: str) -> None:
    """Give the line edit's built-in clear button a name (Qt leaves it unnamed)."""
    action = line_edit.findChild(QAction, _CLEAR_ACTION)
    if action is not None:
        action.setText(name)
        action.setToolTip(name)
    for button in line_edit.findChildren(QToolButton):
        if action is None or button.defaultAction() is action:
            button.setAccessibleName(name)
