"""One question with its options as radio buttons whose text wraps; arrow keys move the choice.

Keyboard rules (issue 11): each card is one Tab stop, on its chosen option or, unanswered, on
its first option; arrow keys move between the options and Space chooses the focused one.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from mlorg_desktop.domain.questionnaire import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SPECIAL_LABELS,
    Question,
)


class _OptionLabel(QLabel):
    """The wrapped text of an option; clicking it chooses the option like clicking the button."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self._button = button
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        # No setBuddy(): a buddy label turns "&" into a mnemonic, and "R&D" would lose its "&".
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._button.click()
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


class QuestionCard(QFrame):
    """Signals: answer_changed(question_id, answer) — answer is '' when cleared."""

    answer_changed = Signal(str, str)

    def __init__(self, number: int, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"question_{question.id}")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        title = QLabel(f"<b>{number}. {escape(question.text)}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        grid.addWidget(title, 0, 0, 1, 2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        choices = [(o.id, o.text) for o in question.options]
        choices.append((DONT_KNOW, SPECIAL_LABELS[DONT_KNOW]))
        if question.allow_not_applicable:
            choices.append((NOT_APPLICABLE, SPECIAL_LABELS[NOT_APPLICABLE]))
        for row, (answer_id, text) in enumerate(choices, start=1):
            button = QRadioButton()
            button.setAccessibleName(text)
            button.setAccessibleDescription(f"Answer to question {number}: {question.text}")
            button.setProperty("answer_id", answer_id)
            label = _OptionLabel(
                escape(text) if answer_id not in SPECIAL_LABELS else f"<i>{escape(text)}</i>",
                button,
            )
            self.group.addButton(button)
            button.installEventFilter(self)
            self.buttons[answer_id] = button
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.group.buttonToggled.connect(self._on_group_toggled)
        self._reset_tab_stop()

    def answer(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("answer_id")) if checked else ""

    def set_answer(self, answer: str) -> None:
        """Show ``answer`` without emitting answer_changed ('' clears the choice)."""
        self.group.blockSignals(True)
        try:
            if answer:
                self.buttons[answer].setChecked(True)
            else:
                self._clear()
        finally:
            self.group.blockSignals(False)
        self._reset_tab_stop()

    def tab_stop(self) -> QRadioButton:
        """The option Tab reaches: the chosen one, or the first while nothing is chosen."""
        checked = self.group.checkedButton()
        return checked if isinstance(checked, QRadioButton) else self.options()[0]

    def options(self) -> list[QRadioButton]:
        """The option buttons from top to bottom (the order arrow keys and Tab follow)."""
        return list(self.buttons.values())

    def _clear(self) -> None:
        # An exclusive group refuses to uncheck its checked button: lift that for a moment.
        self.group.setExclusive(False)
        for button in self.options():
            button.setChecked(False)
        self.group.setExclusive(True)

    def _reset_tab_stop(self) -> None:
        # Qt keeps only the last *focused* option of a group as its Tab stop (a radio button's
        # focusInEvent removes Tab focus from the others) and never undoes that. Left alone,
        # the next assessment's Tab lands on an option focused in the previous one, and a Down
        # then chooses the option after it. So the card says which option is the stop.
        stop = self.tab_stop()
        for button in self.options():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Leaving the card after arrowing to an option without choosing it must not leave that
        # option remembered as the stop: an unanswered question is entered at its first option.
        if event.type() == QEvent.Type.FocusOut and watched in self.group.buttons():
            self._reset_tab_stop()
        return super().eventFilter(watched, event)

    def _on_group_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self._reset_tab_stop()
            self.answer_changed.emit(self.question.id, str(button.property("answer_id")))
