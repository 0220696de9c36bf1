"""What the assessments' targets add to a comparison sheet, without Qt: per assessment with a
target, its roadmap (``domain.roadmap.plan``) and the gap on the design dimensions
(``domain.gap``); for the executive summary, the first steps in a few words each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.comparison import ComparedAssessment
from mlorg_desktop.domain.gap import GapLine, gap
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.roadmap import Roadmap, plan
from mlorg_desktop.domain.summary import SummaryFacts

ROAD_STEPS = 5  # the sheet shows a roadmap's first five steps
SUMMARY_STEPS = 2  # and the executive summary its first two (a few lines per assessment)


@dataclass(frozen=True)
class Road:
    number: int  # the assessment's number on the sheet
    assessment: Assessment
    roadmap: Roadmap
    gap: tuple[GapLine, ...]
    first_steps: tuple[str, ...]  # what the first steps mean in practice, in a few words


def sheet_roads(rows: Sequence[ComparedAssessment], knowledge: Knowledge) -> tuple[Road, ...]:
    """A road for every compared assessment that has a target, in the sheet's order."""
    roads = []
    for number, row in enumerate(rows, start=1):
        a = row.assessment
        if not a.target:
            continue
        questionnaire = knowledge.bank.get(a.questionnaire_version)
        roadmap = plan(
            questionnaire,
            knowledge.catalog,
            a.answers,
            a.target,
            steps=ROAD_STEPS,
            text=knowledge.roadmap_text,
        )
        lines = (
            gap(row.score, roadmap.target, knowledge.catalog, questionnaire)
            if roadmap.target
            else ()
        )
        steps = tuple(
            _in_practice(knowledge, questionnaire.version, s.question_id, s.to_option)
            + f" (fit {s.fit_after:.0f})"
            for s in roadmap.steps[:SUMMARY_STEPS]
        )
        roads.append(Road(number, a, roadmap, lines, steps))
    return tuple(roads)


def _in_practice(knowledge: Knowledge, version: int, question_id: str, option_id: str) -> str:
    question = knowledge.bank.get(version).question(question_id)
    return knowledge.roadmap_text.line(version, question, option_id).rstrip(".")


def road_facts(roads: Sequence[Road]) -> dict[str, SummaryFacts]:
    """Per assessment id with steps: the first steps, for the executive summary."""
    return {
        r.assessment.id: SummaryFacts(first_steps=r.first_steps) for r in roads if r.first_steps
    }


def merged(*sources: dict[str, SummaryFacts]) -> dict[str, SummaryFacts]:
    """The facts of several sources per assessment id; a later source's non-empty field wins."""
    out: dict[str, SummaryFacts] = {}
    for source in sources:
        for key, fact in source.items():
            was = out.get(key, SummaryFacts())
            out[key] = SummaryFacts(
                **{f.name: getattr(fact, f.name) or getattr(was, f.name) for f in fields(fact)}
            )
    return out
