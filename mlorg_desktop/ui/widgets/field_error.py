"""An error shown next to the field it is about, not in a modal box (KDE and GNOME guidelines):
red text under the field, the field's accessible description, and focus moved to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from mlorg_desktop.ui.widgets.accessibility import announce

# Dark red: 6.9:1 on Qt's light grey window colour (#efefef), above WCAG AA's 4.5:1 for text.
ERROR_COLOUR = "#a40000"


class FieldError(QLabel):
    """The error line under ``field``; hidden until ``show_error``, gone once the field has text."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__()
        self.field = field
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._description = field.accessibleDescription()
        self.hide()
        field.textChanged.connect(self._on_field_text_changed)

    def show_error(self, text: str) -> None:
        """Say what is wrong beside the field and put the cursor there."""
        self.setText(f"⚠ {text}")
        self.show()
        self.field.setAccessibleDescription(text)
        self.field.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; }}")
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.field, text)

    def clear_error(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.setText("")
        self.field.setAccessibleDescription(self._description)
        self.field.setStyleSheet("")

    def _on_field_text_changed(self, text: str) -> None:
        if text.strip():
            self.clear_error()
