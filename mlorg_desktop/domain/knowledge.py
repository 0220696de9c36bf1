"""Everything the app knows before the user says anything: the catalog and the question bank."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mlorg_desktop.domain.catalog import Catalog, load_catalog

if TYPE_CHECKING:
    # Imported where used: the first screen (the archetypes) needs none of them, and start-up
    # is measured against a bare window (benchmarks/startup_blackbox.py).
    from mlorg_desktop.domain.answers import Answer
    from mlorg_desktop.domain.assessment import Assessment
    from mlorg_desktop.domain.carry_over import AnswerMap, CarriedOver
    from mlorg_desktop.domain.guidance import Guidance
    from mlorg_desktop.domain.questionnaire import QuestionBank
    from mlorg_desktop.domain.roadmap_text import RoadmapText
    from mlorg_desktop.domain.scoring import Score


@dataclass(frozen=True)
class BankParts:
    """The question bank and what is read and checked against it, loaded as one."""

    bank: QuestionBank
    answer_maps: dict[int, AnswerMap]
    roadmap_text: RoadmapText


class Knowledge:
    """The catalog, and the question bank with its answer maps and roadmap text.

    The bank part is loaded (and validated, all of it) by ``load_bank`` or on the first use
    of ``bank``, ``answer_maps`` or ``roadmap_text``; the window defers it past its first
    paint, everything else loads it at once (``load_knowledge``). Nothing ever sees a part of
    it: the parts are built first and published together. Immutable once loaded.
    """

    __slots__ = ("_catalog", "_load_parts", "_lock", "_parts")

    def __init__(self, catalog: Catalog, load_parts: Callable[[], BankParts]) -> None:
        self._catalog = catalog
        self._load_parts = load_parts
        self._parts: BankParts | None = None
        self._lock = threading.Lock()

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def bank(self) -> QuestionBank:
        return self.load_bank().bank

    @property
    def answer_maps(self) -> dict[int, AnswerMap]:
        return self.load_bank().answer_maps

    @property
    def roadmap_text(self) -> RoadmapText:
        return self.load_bank().roadmap_text

    @property
    def bank_loaded(self) -> bool:
        return self._parts is not None

    def load_bank(self) -> BankParts:
        """The bank part, loaded now if it is not yet; raises what its loading raises (a
        damaged questionnaire), and again on the next try."""
        parts = self._parts
        if parts is None:
            with self._lock:
                if self._parts is None:
                    self._parts = self._load_parts()
                parts = self._parts
        return parts

    def score(self, questionnaire_version: int, answers: Mapping[str, Answer]) -> Score:
        from mlorg_desktop.domain.scoring import score

        return score(self.bank.get(questionnaire_version), self.catalog, answers)

    def reassess(self, original: Assessment) -> CarriedOver:
        """A dated copy of ``original`` on the newest questionnaire, answers carried over."""
        from mlorg_desktop.domain.carry_over import carry_over

        return carry_over(original, self.bank, self.answer_maps)

    def guidance(self, questionnaire_version: int, result: Score) -> Guidance | None:
        from mlorg_desktop.domain.guidance import guidance_for

        return guidance_for(result, self.bank.get(questionnaire_version), self.catalog)


def load_knowledge(resources: Path, *, defer_bank: bool = False) -> Knowledge:
    """Load and validate the catalog and every questionnaire version under ``resources``
    (with ``defer_bank``, the questionnaires, answer maps and roadmap text on first use)."""
    catalog = load_catalog(resources / "catalog")
    knowledge = Knowledge(catalog, lambda: load_bank_parts(resources, catalog))
    if not defer_bank:
        knowledge.load_bank()
    return knowledge


def load_bank_parts(resources: Path, catalog: Catalog) -> BankParts:
    from mlorg_desktop.domain.carry_over import load_answer_maps
    from mlorg_desktop.domain.questionnaire import load_question_bank
    from mlorg_desktop.domain.roadmap_text import load_roadmap_text

    bank = load_question_bank(resources / "questionnaire", catalog)
    maps = load_answer_maps(resources / "questionnaire", bank)
    text = load_roadmap_text(resources, bank, maps)
    return BankParts(bank=bank, answer_maps=maps, roadmap_text=text)
