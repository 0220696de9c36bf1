"""Read-only rich text that grows with its content and stays selectable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget


class TextView(QTextBrowser):
    """Read-only rich text that grows with its content and stays selectable by keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Text on the page, not a white card on a grey page: the same background as the
        # native sections around it, so every colour is checked against one background. The
        # style sheet alone does it (the viewport fills with its transparent base); asking for
        # viewport() here made PySide build ~65 widget classes before the first paint (20 ms).
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def show_html(self, html: str) -> None:
        """setHtml, skipped when the text is unchanged (a relayout costs milliseconds)."""
        if html != getattr(self, "_shown_html", None):
            self._shown_html = html
            self.setHtml(html)

    def _fit_height(self) -> None:
        self.setFixedHeight(int(self.document().size().height()) + 8)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_height()
