"""A strip above the tabs saying the store is open read-only, and why, for as long as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

BANNER_NAME = "readOnlyBanner"


def show_read_only_banner(window: QMainWindow, reason: str) -> QToolBar:
    """Show (or update) the banner; it cannot be moved, floated or hidden from a menu."""
    bar = window.findChild(QToolBar, BANNER_NAME)
    if bar is None:
        bar = QToolBar(window)
        bar.setObjectName(BANNER_NAME)
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        label = QLabel()
        label.setObjectName(f"{BANNER_NAME}Text")
        label.setWordWrap(True)
        # A wrapping label asks for little width; in a tool bar it must take the whole row.
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A warning colour that reads in light and dark themes alike.
        label.setStyleSheet("QLabel { background: #fff3cd; color: #4d3800; padding: 6px 10px; }")
        bar.addWidget(label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    label = bar.findChild(QLabel, f"{BANNER_NAME}Text")
    label.setText(f"<b>Read-only:</b> {_escape(reason)} Nothing you change can be saved.")
    bar.show()
    return bar


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
