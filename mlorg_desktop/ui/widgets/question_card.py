"""One question with its options as radio buttons whose text wraps; arrow keys move the choice.

Keyboard rules (issue 11): each card is one Tab stop, on its chosen option or, unanswered, on
its first option; arrow keys move between the options and Space chooses the focused one.

A question about structure (``allow_split``) also has a "Partly true as well" list, the card's
second Tab stop: the chosen option is what is *mainly* true, the list adds one that is *partly*
true (docs/method.md). Arrow keys change the list's choice; it is off until an option is chosen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QWidget,
)

from mlorg_desktop.domain.answers import Answer, Split
from mlorg_desktop.domain.questionnaire import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SPECIAL_LABELS,
    Question,
)

NOTHING_ELSE = "Nothing else"


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


class QuestionCard(QGroupBox):
    """One question as a group: screen readers hear "Question 3: <text>" on entering it, and
    each option's label relation points at the group (Qt relates a titled group box's
    children to it).

    Signals:
        answer_changed(question_id, answer): an option id, a special answer, a Split, or ''
            when cleared.
        option_focused(QRadioButton): an option got keyboard or mouse focus.
    """

    answer_changed = Signal(str, object)
    option_focused = Signal(QRadioButton)

    def __init__(self, number: int, question: Question, parent: QWidget | None = None) -> None:
        # The title stays short (a group box title does not wrap); the question's words are
        # a wrapping label inside, and the group's accessible name carries both.
        super().__init__(f"Question {number}", parent)
        self.question = question
        self.setAccessibleName(f"Question {number}: {question.text}")
        self.setObjectName(f"question_{question.id}")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.title = QLabel(f"<b>{escape(question.text)}</b>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0, 1, 2)
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
        self.partly: QComboBox | None = None
        if question.allow_split:
            self.partly = self._partly_list(number)
            hint = QLabel("Partly true as well:")
            hint.setToolTip(
                "If the organization is mixed, keep the option that is mainly true chosen "
                "above and pick here the one that is true for a smaller part of it."
            )
            grid.addWidget(hint, len(choices) + 1, 0, 1, 2)
            grid.addWidget(self.partly, len(choices) + 2, 0, 1, 2)
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setVisible(False)
        grid.addWidget(self.review, len(choices) + 3, 0, 1, 2)
        self.group.buttonToggled.connect(self._on_group_toggled)
        self._reset_tab_stop()
        self._sync_partly()

    def _partly_list(self, number: int) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(f"Partly true as well, question {number}")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(24)
        box.addItem(NOTHING_ELSE, "")
        for option in self.question.options:
            box.addItem(option.text, option.id)
            box.setItemData(box.count() - 1, option.text, Qt.ItemDataRole.ToolTipRole)
        box.currentIndexChanged.connect(self._on_partly_changed)
        return box

    def answer(self) -> Answer:
        """The chosen option (or special answer), a Split when a partly option is added, or ''."""
        checked = self.group.checkedButton()
        if not checked:
            return ""
        mainly = str(checked.property("answer_id"))
        partly = self._partly_id()
        return Split(mainly, partly) if partly and partly != mainly else mainly

    def set_answer(self, answer: Answer) -> None:
        """Show ``answer`` without emitting answer_changed ('' clears the choice)."""
        mainly, partly = (
            (answer.mainly, answer.partly) if isinstance(answer, Split) else (answer, "")
        )
        self.group.blockSignals(True)
        try:
            if mainly:
                self.buttons[mainly].setChecked(True)
            else:
                self._clear()
        finally:
            self.group.blockSignals(False)
        if self.partly is not None:
            self.partly.blockSignals(True)
            self.partly.setCurrentIndex(max(self.partly.findData(partly), 0))
            self.partly.blockSignals(False)
        self._reset_tab_stop()
        self._sync_partly()

    def set_review(self, previous: str) -> None:
        """Mark the question for review after re-assessing an older version ('' unmarks it)."""
        self.review.setText(
            f"<i>Please review: your earlier answer was “{escape(previous)}”, which this "
            "version asks differently.</i>"
            if previous
            else ""
        )
        self.review.setVisible(bool(previous))

    def focus_widgets(self) -> list[QWidget]:
        """Everything in the card Tab can reach, in order: the options, then the partly list."""
        widgets: list[QWidget] = list(self.options())
        if self.partly is not None:
            widgets.append(self.partly)
        return widgets

    def _partly_id(self) -> str:
        if self.partly is None or not self.partly.isEnabled():
            return ""
        return str(self.partly.currentData() or "")

    def _sync_partly(self) -> None:
        """The partly list is usable once a real option is chosen, and never offers that one."""
        if self.partly is None:
            return
        checked = self.group.checkedButton()
        mainly = str(checked.property("answer_id")) if checked else ""
        real = mainly in {o.id for o in self.question.options}
        self.partly.setEnabled(real)
        model = self.partly.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(1, self.partly.count()):
            item = model.item(row)
            item.setEnabled(self.partly.itemData(row) != mainly)
        if self.partly.currentData() == mainly or not real:
            self.partly.blockSignals(True)
            self.partly.setCurrentIndex(0)
            self.partly.blockSignals(False)

    def _on_partly_changed(self, _index: int) -> None:
        self.answer_changed.emit(self.question.id, self.answer())

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
        if watched in self.group.buttons():
            if event.type() == QEvent.Type.FocusOut:
                self._reset_tab_stop()
            elif event.type() == QEvent.Type.FocusIn and isinstance(watched, QRadioButton):
                self.option_focused.emit(watched)
        return super().eventFilter(watched, event)

    def _on_group_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self._reset_tab_stop()
            self._sync_partly()
            self.set_review("")
            self.answer_changed.emit(self.question.id, self.answer())
