"""Small layout helpers and named spacing constants, so views read top to bottom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

SPACING = 8
MARGIN = 12
SECTION_GAP = 18


def _fill(layout: QBoxLayout, items: tuple[QWidget | QLayout | int | None, ...]) -> QBoxLayout:
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def vbox(
    *items: QWidget | QLayout | int | None, margin: int = 0, spacing: int = SPACING
) -> QVBoxLayout:
    """A vertical layout of widgets and layouts; ``None`` is a stretch, an int a fixed gap."""
    layout = QVBoxLayout()
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    _fill(layout, items)
    return layout


def hbox(
    *items: QWidget | QLayout | int | None, margin: int = 0, spacing: int = SPACING
) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    _fill(layout, items)
    return layout


def container(layout: QLayout, parent: QWidget | None = None) -> QWidget:
    widget = QWidget(parent)
    widget.setLayout(layout)
    return widget


def settle_layout(levels: int) -> None:
    """Run posted layout requests now, ``levels`` rounds deep, before the next paint. Left to
    the event loop, each level (a wrapped label, its group, a scroll area's content, the scroll
    area) is laid out after a paint of the level before: several paints of a half laid-out
    view. Each round here posts the next level's request. It flushes the whole application's
    pending layouts, not only the caller's."""
    for _ in range(levels):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
