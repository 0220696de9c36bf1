"""What-if scenarios: named sets of answers kept with an assessment, never replacing its own.

A scenario is a copy of an assessment's answers that the user changed to see where the
organization would land. It is stored with the assessment (``Assessment.scenarios``), compared
like an assessment through ``scenario_view`` (a throwaway Assessment that is never stored), and
``changes`` lists how it differs from the saved answers, in question order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from mlorg_desktop.domain.answers import Answer

if TYPE_CHECKING:
    from mlorg_desktop.domain.assessment import Assessment
    from mlorg_desktop.domain.questionnaire import Questionnaire

SCENARIO_SEPARATOR = "~"  # scenario_view ids: "<assessment id>~<scenario id>"


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    answers: dict[str, Answer]
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Change:
    """One question answered differently in a scenario (None: not answered on that side)."""

    question_id: str
    saved: Answer | None
    scenario: Answer | None


def changes(
    saved_answers: Mapping[str, Answer],
    scenario_answers: Mapping[str, Answer],
    questionnaire: Questionnaire | None = None,
) -> list[Change]:
    """The questions whose answer differs, in question order (the questionnaire's when given,
    else by question id, which sorts the same way for ids like q01..q27)."""
    ids = set(saved_answers) | set(scenario_answers)
    if questionnaire is not None:
        ordered = [q.id for q in questionnaire.questions() if q.id in ids]
        ordered += sorted(ids - set(ordered))
    else:
        ordered = sorted(ids)
    return [
        Change(qid, saved_answers.get(qid), scenario_answers.get(qid))
        for qid in ordered
        if saved_answers.get(qid) != scenario_answers.get(qid)
    ]


def with_scenario(assessment: Assessment, scenario: Scenario) -> Assessment:
    """``assessment`` with ``scenario`` added, or replacing the one with the same id (kept in
    its place). The assessment's own answers are never touched."""
    kept = list(assessment.scenarios)
    for index, existing in enumerate(kept):
        if existing.id == scenario.id:
            kept[index] = scenario
            break
    else:
        kept.append(scenario)
    return replace(assessment, scenarios=tuple(kept))


def without_scenario(assessment: Assessment, scenario_id: str) -> Assessment:
    """``assessment`` without the scenario ``scenario_id`` (unchanged if it has none such)."""
    return replace(
        assessment, scenarios=tuple(s for s in assessment.scenarios if s.id != scenario_id)
    )


def scenario_view(assessment: Assessment, scenario: Scenario) -> Assessment:
    """An Assessment to score and compare: the scenario's answers, marked as a scenario in its
    id (``<assessment id>~<scenario id>``) and its label. Never stored."""
    return replace(
        assessment,
        id=f"{assessment.id}{SCENARIO_SEPARATOR}{scenario.id}",
        answers=dict(scenario.answers),
        scenarios=(),
        scenario_name=scenario.name,
        updated_at=scenario.updated_at,
    )


def is_scenario_id(assessment_id: str) -> bool:
    return SCENARIO_SEPARATOR in assessment_id
