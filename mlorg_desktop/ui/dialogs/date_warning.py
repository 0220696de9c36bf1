"""A warning under a date field when the date is after today (a typo, or a wrong clock)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel


def future_date_warning(edit: QDateEdit) -> QLabel:
    """A label that shows itself while ``edit`` holds a date after today; saving still works."""
    label = QLabel()
    label.setObjectName("futureDateWarning")
    label.setWordWrap(True)
    label.setStyleSheet("color: #9a5b00;")  # Okabe-Ito orange, darkened for contrast

    def update(day: QDate) -> None:
        today = date.today()
        ahead = day > QDate(today.year, today.month, today.day)
        label.setText(
            f"⚠ {day.toString('yyyy-MM-dd')} is after today ({today.isoformat()}). "
            "Check the date before saving."
            if ahead
            else ""
        )
        label.setVisible(ahead)

    edit.dateChanged.connect(update)
    update(edit.date())
    return label
