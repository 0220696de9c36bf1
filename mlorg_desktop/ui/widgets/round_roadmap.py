"""A round's target and roadmap: the target set for every respondent at once, and the steps
planned from the round's answers (each question's most common answer, ``round_answers``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.gap import gap
from mlorg_desktop.domain.org_report import ReadRound
from mlorg_desktop.domain.roadmap import KEEP, Roadmap, plan, resolve_target, round_answers
from mlorg_desktop.domain.roadmap_text import RoadmapText
from mlorg_desktop.ui.widgets.layout import hbox, vbox
from mlorg_desktop.ui.widgets.roadmap_panel import plan_html
from mlorg_desktop.ui.widgets.target_picker import TargetPicker
from mlorg_desktop.ui.widgets.text_view import TextView

ROUND_DETAIL = 8  # steps shown in detail: the round's panel also holds its disagreements


def round_target(item: ReadRound) -> str | None:
    """The target the round's respondents share; None when they differ."""
    targets = {a.target for a in item.round.assessments}
    return targets.pop() if len(targets) == 1 else None


class RoundRoadmap(QGroupBox):
    """Signals:
    target_chosen(str): the user set the round's target (the tab writes it to the store).
    """

    target_chosen = Signal(str)

    def __init__(
        self, catalog: Catalog, text: RoadmapText | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Target and roadmap of the round", parent)
        self.catalog = catalog
        self.text = text
        self.roadmap: Roadmap | None = None
        self.target = TargetPicker(catalog, name="Target of the round")
        self.target.setToolTip(
            "The archetype this organization wants to become. Setting it here sets it on the "
            "assessment of every respondent of the round."
        )
        self.target.target_chosen.connect(self.target_chosen)
        label = QLabel("Round's target archet&ype:")
        label.setBuddy(self.target)
        self.view = TextView()
        self.view.setAccessibleName("Roadmap of the round")
        self.setLayout(vbox(hbox(label, self.target, None), self.view))

    def show_round(self, item: ReadRound) -> None:
        shared = round_target(item)
        self.target.set_target(shared)
        reading = item.reading
        self.roadmap = None
        if shared is None:
            self.view.show_html(
                "<p>The respondents of this round have different targets. Pick one above to "
                "set it for all of them and see the round's roadmap.</p>"
            )
            return
        if not shared:
            self.view.show_html(
                "<p>No target for this round yet: pick the archetype the organization wants "
                "to become to see the steps, planned from the round's most common answers.</p>"
            )
            return
        resolved = resolve_target(shared, reading.score)
        if resolved is None:
            what = "“Keep what we are” needs" if shared == KEEP else "The roadmap needs"
            self.view.show_html(f"<p>{escape(what)} a combined reading first.</p>")
            return
        questionnaire = reading.questionnaire
        answers = round_answers(reading.pools)
        self.roadmap = plan(questionnaire, self.catalog, answers, resolved, text=self.text)
        numbers = {q.id: n for n, q in enumerate(questionnaire.questions(), start=1)}
        name = self.catalog.archetype(resolved).name
        lines = gap(reading.score, resolved, self.catalog, questionnaire)
        intro = (
            f"<h3>Road to {escape(name)}</h3><p>Planned from each question's most common "
            "answer in this round.</p>"
        )
        self.view.show_html(
            intro + plan_html(self.roadmap, lines, numbers, name, self.catalog, ROUND_DETAIL)
        )
