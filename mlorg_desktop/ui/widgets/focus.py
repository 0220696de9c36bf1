"""Keyboard focus helpers: the Tab order of a list of widgets, a container's first Tab stop."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (each after the one before it)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def is_tab_stop(widget: QWidget) -> bool:
    """Whether Tab can stop on ``widget`` now (as Qt decides: policy, proxy, visible, enabled)."""
    policy = widget.focusPolicy().value
    return (
        policy & Qt.FocusPolicy.TabFocus.value == Qt.FocusPolicy.TabFocus.value
        and widget.focusProxy() is None
        and widget.isVisibleTo(widget.window())
        and widget.isEnabled()
    )


def first_tab_stop(container: QWidget) -> QWidget | None:
    """The first widget inside ``container``, in Tab order, that Tab can stop on."""
    start = container.window()
    widget = start.nextInFocusChain()
    while widget is not start:
        if container.isAncestorOf(widget) and is_tab_stop(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None
