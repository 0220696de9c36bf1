"""What a view shows when it has nothing to show: one line saying what to do next and one
button that does it (KDE HIG "placeholder message"), instead of a blank table or bare axes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from mlorg_desktop.ui.widgets.layout import hbox, vbox


class EmptyState(QWidget):
    """A centred message with one action; ``show_state`` changes both, so one widget serves
    every empty case of a view (nothing saved, nothing matches, nothing chosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton()
        self.button.clicked.connect(self._on_button_clicked)
        self._action: Callable[[], object] | None = None
        self.setLayout(vbox(None, self.message, hbox(None, self.button, None), None, margin=24))
        self.setFocusProxy(self.button)

    def show_state(self, message: str, button_text: str, action: Callable[[], object]) -> None:
        self.message.setText(message)
        self.button.setText(button_text)
        # The button's name alone would not say why it is offered: the message describes it.
        self.button.setAccessibleDescription(message)
        self._action = action

    def _on_button_clicked(self) -> None:
        if self._action is not None:
            self._action()
