"""What the What-if mode shows above the form: that it works on a copy, the answers changed
against the saved ones, and the buttons to keep the copy as a scenario or drop it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.domain.scenario import Change
from mlorg_desktop.ui.widgets.layout import hbox, vbox

NO_ANSWER = "(no answer)"


def change_text(change: Change, questionnaire: Questionnaire, number: int) -> str:
    """“Q7. question — saved answer → what-if answer”."""
    question = questionnaire.question(change.question_id)
    saved = question.answer_text(change.saved) if change.saved else NO_ANSWER
    scenario = question.answer_text(change.scenario) if change.scenario else NO_ANSWER
    return f"Q{number}. {question.text} — {saved} → {scenario}"


class WhatIfBar(QFrame):
    """Shown only in What-if mode; the tab's ``WhatIfMode`` fills it and owns the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfBar")
        # A tinted frame: the mode must be unmistakable while the questions look as always.
        self.setStyleSheet(
            "#whatIfBar { background: #FFF4D6; border: 1px solid #D9A400; border-radius: 4px; }"
        )
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.changes = QListWidget()
        self.changes.setAccessibleName("Answers changed against the saved assessment")
        self.changes.setMaximumHeight(110)
        self.changes.setWordWrap(True)
        self.save_button = QPushButton("Save as Scenario…")
        self.save_button.setToolTip(
            "Keep these answers as a named scenario of the assessment; its own answers stay"
        )
        self.discard_button = QPushButton("Discard and leave")
        self.discard_button.setToolTip("Drop the what-if answers and return to the saved ones")
        self.changes.setMinimumWidth(400)
        self.title.setMinimumWidth(280)
        self.title.setMaximumWidth(420)
        self.setLayout(
            hbox(
                vbox(self.title, hbox(self.save_button, self.discard_button, None), None),
                self.changes,
                margin=6,
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._texts: list[str] = []  # the changes listed now
        self.hide()

    def show_state(
        self,
        scenario_name: str,
        changes: Sequence[Change],
        questionnaire: Questionnaire,
    ) -> None:
        numbers = {q.id: n for n, q in enumerate(questionnaire.questions(), start=1)}
        where = f"scenario “{escape(scenario_name)}”" if scenario_name else "a new scenario"
        self.title.setText(
            f"<b>What if…</b> — you are changing a copy ({where}). The assessment's saved "
            f"answers stay as they are. <b>{plural(len(changes), 'answer')} changed.</b>"
        )
        texts = [change_text(c, questionnaire, numbers[c.question_id]) for c in changes]
        if texts == self._texts and self.changes.count():
            return  # the list says this already; refilling it lays it out again
        self._texts = texts
        self.changes.clear()
        for text in texts:
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.changes.addItem(item)
        if not changes:
            self.changes.addItem(
                "No answer changed yet: change any answer below to see what it would do."
            )
