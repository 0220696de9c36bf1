"""Guidance that follows the answers: the known weak spots the answers lean into, with the
answers behind each, and the strengths of the archetypes the answers actually support.

The weak spots and the options that lean into them come from the roadmap text
(``resources/roadmap/roadmap-text.json``, ``domain.roadmap_text``); a spot counts when one of the
answers (a split answer's *mainly* option) is among its options. Strengths have no such tags:
an archetype's strengths are shown when the answers give it a real share of the fit (it leads,
or comes within ``CLOSE_FIT`` points of the leader), never the leader's alone by default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mlorg_desktop.domain.answers import Answer, Split, is_answered
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.domain.roadmap_text import RoadmapText
from mlorg_desktop.domain.scoring import Score

CLOSE_FIT = 10.0  # points behind the leader within which a runner-up's strengths show too


@dataclass(frozen=True)
class LikelyRisk:
    archetype_id: str  # whose known weak spot this is
    warning: str
    because: tuple[str, ...]  # "question — answer" for each answer that leans into it


@dataclass(frozen=True)
class LikelyStrength:
    archetype_id: str
    text: str
    fit: float


def _main_option(answer: Answer) -> str | None:
    if isinstance(answer, Split):
        return answer.mainly
    return answer if is_answered(answer) else None


def likely_risks(
    questionnaire: Questionnaire, text: RoadmapText, answers: Mapping[str, Answer]
) -> tuple[LikelyRisk, ...]:
    """Every weak spot (of any archetype) that at least one answer leans into, most answers
    first; a spot of the same words for two archetypes is listed once."""
    chosen: dict[str, str] = {}  # option id -> "question — answer"
    for question in questionnaire.questions():
        answer = answers.get(question.id)
        if answer is None:
            continue
        option = _main_option(answer)
        if option is not None:
            chosen[option] = f"{question.text} — “{question.answer_text(answer)}”"
    found: dict[str, LikelyRisk] = {}
    for archetype_id, spots in text.weaknesses.get(questionnaire.version, {}).items():
        for spot in spots:
            because = tuple(chosen[o] for o in sorted(spot.options) if o in chosen)
            if because and spot.warning not in found:
                found[spot.warning] = LikelyRisk(archetype_id, spot.warning, because)
    return tuple(sorted(found.values(), key=lambda r: -len(r.because)))


def likely_strengths(result: Score, catalog: Catalog) -> tuple[LikelyStrength, ...]:
    """The strengths of the leader and of any archetype within CLOSE_FIT of it."""
    if result.leader is None:
        return ()
    top = result.fits[result.leader]
    return tuple(
        LikelyStrength(a, text, result.fits[a])
        for a in result.ranking
        if result.fits[a] > 0 and top - result.fits[a] <= CLOSE_FIT
        for text in catalog.archetype(a).strengths
    )
