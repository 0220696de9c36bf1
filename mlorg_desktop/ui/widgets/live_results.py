"""The Assessment tab's right-hand column: the live result above, the gap and roadmap below.

``show_answers`` scores the answers once and plans the target's roadmap from the same answers,
so the fit, the reading, the dimension positions and the steps always describe one state (the
saved answers, or What-if mode's copy).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from mlorg_desktop.domain.answer_guidance import likely_risks, likely_strengths
from mlorg_desktop.domain.answers import Answer
from mlorg_desktop.domain.gap import gap
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.domain.roadmap import KEEP, Roadmap, plan, resolve_target
from mlorg_desktop.domain.scoring import Score
from mlorg_desktop.ui.widgets.results_panel import ResultsPanel
from mlorg_desktop.ui.widgets.roadmap_panel import EMPTY_TEXT, RoadmapPanel

KEEP_WITHOUT_READING = (
    "“Keep what we are” plans for the archetype your answers read as. There are not enough "
    "answers for a reading yet: answer more questions, or pick an archetype as the target."
)


class LiveResults(QSplitter):
    """Result on top, roadmap below; the user can move the line between them."""

    def __init__(self, knowledge: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.knowledge = knowledge
        self.results = ResultsPanel(knowledge)
        self.roadmap = RoadmapPanel(knowledge.catalog)
        self.addWidget(self.results)
        self.addWidget(self.roadmap)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.score: Score | None = None
        self.plan: Roadmap | None = None

    def focus_chain(self) -> list[QWidget]:
        return self.results.focus_chain() + self.roadmap.focus_chain()

    def show_answers(
        self, questionnaire: Questionnaire, answers: Mapping[str, Answer], target: str
    ) -> Score:
        # Each widget repaints only if what it shows changed (the fit bars defer theirs, see
        # ResultsPanel): turning updates off for the whole column repainted all of it.
        catalog = self.knowledge.catalog
        result = self.knowledge.score(questionnaire.version, answers)
        resolved = resolve_target(target, result) if target else None
        self.plan = None
        if resolved is None:
            self.roadmap.show_empty(KEEP_WITHOUT_READING if target == KEEP else EMPTY_TEXT)
        else:
            self.plan = plan(
                questionnaire, catalog, answers, resolved, text=self.knowledge.roadmap_text
            )
            numbers = {q.id: n for n, q in enumerate(questionnaire.questions(), start=1)}
            lines = gap(result, resolved, catalog, questionnaire)
            self.roadmap.show_plan(self.plan, lines, numbers)
        guidance = self.knowledge.guidance(questionnaire.version, result)
        self.results.show_score(
            result,
            guidance,
            target=resolved,
            roadmap=self.plan,
            risks=likely_risks(questionnaire, self.knowledge.roadmap_text, answers),
            strengths=likely_strengths(result, catalog),
        )
        self.score = result
        return result
