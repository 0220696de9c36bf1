"""A word-wrapped label that remembers its height for each width until its text changes.

QLabel lays its rich text out again on every ``heightForWidth`` call, and a layout asks several
times per pass (more inside a scroll area, whose content settles over passes): for the
Organizations view that was most of a selection's layout time. The answer for a width depends
only on the text, the font and the style, so it is kept until one of them changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

_RESETS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)


class WrappedLabel(QLabel):
    """A QLabel with word wrap on whose height for a width is worked out once per text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in _RESETS:
            self._heights.clear()
        super().changeEvent(event)
