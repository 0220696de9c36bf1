"""What screen readers get beyond a widget's own name: rich text as plain words, announcements
of changes the user did not move to, and names for the sub-controls Qt builds itself."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QTextDocument
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

# Qt's name for the action behind QLineEdit's clear button (setClearButtonEnabled).
_CLEAR_ACTION = "_q_qlineeditclearaction"


def plain_text(html: str) -> str:
    """The words of a rich-text label on one line, blocks joined as sentences are."""
    document = QTextDocument()
    document.setHtml(html)
    blocks = [line.strip() for line in document.toPlainText().splitlines() if line.strip()]
    joined = " ".join(b if b[-1] in ".:!?" else f"{b}." for b in blocks)
    return re.sub(r"\s+", " ", joined)


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
