"""Everything the app knows before the user says anything: the catalog and the question bank."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mlorg_desktop.domain.answers import Answer
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.carry_over import AnswerMap, CarriedOver, carry_over, load_answer_maps
from mlorg_desktop.domain.catalog import Catalog, load_catalog
from mlorg_desktop.domain.guidance import Guidance, guidance_for
from mlorg_desktop.domain.questionnaire import QuestionBank, load_question_bank
from mlorg_desktop.domain.roadmap_text import RoadmapText, load_roadmap_text
from mlorg_desktop.domain.scoring import Score, score


@dataclass(frozen=True)
class Knowledge:
    catalog: Catalog
    bank: QuestionBank
    answer_maps: dict[int, AnswerMap] = field(default_factory=dict)
    # What roadmap steps mean in practice (domain.roadmap_text); empty when built by hand.
    roadmap_text: RoadmapText = field(default_factory=lambda: RoadmapText({}, {}, {}))

    def score(self, questionnaire_version: int, answers: Mapping[str, Answer]) -> Score:
        return score(self.bank.get(questionnaire_version), self.catalog, answers)

    def reassess(self, original: Assessment) -> CarriedOver:
        """A dated copy of ``original`` on the newest questionnaire, answers carried over."""
        return carry_over(original, self.bank, self.answer_maps)

    def guidance(self, questionnaire_version: int, result: Score) -> Guidance | None:
        return guidance_for(result, self.bank.get(questionnaire_version), self.catalog)


def load_knowledge(resources: Path) -> Knowledge:
    """Load and validate the catalog and every questionnaire version under ``resources``."""
    catalog = load_catalog(resources / "catalog")
    bank = load_question_bank(resources / "questionnaire", catalog)
    maps = load_answer_maps(resources / "questionnaire", bank)
    text = load_roadmap_text(resources, bank, maps)
    return Knowledge(catalog=catalog, bank=bank, answer_maps=maps, roadmap_text=text)
