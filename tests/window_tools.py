"""Showing a window in a test and waiting until it is really there.

pytest-qt's ``qtbot.waitExposed(w)`` and ``qtbot.waitActive(w)`` are context managers: called
bare, as this suite did in 45 places, they return at once and wait for nothing. On the xcb
platform the window is then mapped and activated some time later, and a shortcut pressed before
that (Ctrl+S, Ctrl+N: window shortcuts reach only the active window) silently does nothing; CI
saw it as a save that never happened. ``tests/test_suite_rules.py`` keeps the bare calls out.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def show_exposed(widget: QWidget, qtbot, timeout: int = 5000) -> QWidget:
    """Show ``widget`` and return once its window is exposed (mapped and paintable)."""
    widget.show()

    def exposed() -> bool:
        handle = widget.windowHandle()
        return handle is not None and handle.isExposed()

    qtbot.waitUntil(exposed, timeout=timeout)
    return widget


def show_active(window: QWidget, qtbot, timeout: int = 5000) -> QWidget:
    """Show ``window``, activate it and return once Qt counts it as the active window, so that
    keys pressed next reach its shortcuts and its focus widget as a user's would."""
    show_exposed(window, qtbot, timeout)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=timeout)
    return window
