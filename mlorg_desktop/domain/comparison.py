"""Several assessments side by side: their scores, and the questions they answered differently."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.guidance import Guidance
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.scoring import Score

MAX_COMPARED = 8
UNANSWERED = "(no answer)"


@dataclass(frozen=True)
class ComparedAssessment:
    assessment: Assessment
    score: Score
    guidance: Guidance | None


@dataclass(frozen=True)
class Difference:
    """One question the compared assessments answered differently; answers in row order."""

    question_id: str
    question_text: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    rows: tuple[ComparedAssessment, ...]
    differences: tuple[Difference, ...]


def compare(
    knowledge: Knowledge,
    assessments: Sequence[Assessment],
    known: Mapping[str, ComparedAssessment] | None = None,
) -> Comparison:
    """Score each assessment and list the questions whose answers are not all the same.

    A row in ``known`` (an earlier comparison's, by id) is reused when it was made from this
    very assessment object: ticking one more in Compare scores only that one."""
    rows = []
    for a in assessments:
        earlier = known.get(a.id) if known else None
        if earlier is not None and earlier.assessment is a:
            rows.append(earlier)
            continue
        result = knowledge.score(a.questionnaire_version, a.answers)
        rows.append(
            ComparedAssessment(a, result, knowledge.guidance(a.questionnaire_version, result))
        )
    return Comparison(rows=tuple(rows), differences=tuple(_differences(knowledge, assessments)))


def _differences(knowledge: Knowledge, assessments: Sequence[Assessment]) -> list[Difference]:
    if len(assessments) < 2:
        return []
    # Question order follows the newest questionnaire among those compared.
    newest = knowledge.bank.get(max(a.questionnaire_version for a in assessments))
    out = []
    for question in newest.questions():
        answers = []
        comparable = []
        for a in assessments:
            # The same id means a different question in another version: not compared.
            if a.questionnaire_version != newest.version:
                answers.append(f"(questionnaire version {a.questionnaire_version})")
                continue
            answer = a.answers.get(question.id)
            text = UNANSWERED if answer is None else question.answer_text(answer)
            answers.append(text)
            comparable.append(text)
        if len(set(comparable)) > 1:
            out.append(Difference(question.id, question.text, tuple(answers)))
    return out


def radar_point(value: float, index: int, count: int) -> tuple[float, float]:
    """Where ``value`` (0-100) on spoke ``index`` of ``count`` lands, on a unit circle.

    Spoke 0 points straight up; spokes go clockwise. Value 100 lands on the unit circle.
    """
    angle = math.pi / 2 - 2 * math.pi * index / count
    radius = max(0.0, min(100.0, value)) / 100.0
    return radius * math.cos(angle), radius * math.sin(angle)
