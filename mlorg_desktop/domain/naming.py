"""The reading of a score: named, leaning, transitional or too few answers (docs/method.md).

Version 1 names the leader from 70% coverage. From version 2 on the leader is named only when
its lead is robust: even if every open question were answered with the strongest option of any
one other archetype, the leader would still lead it. Below a floor of answered questions nothing
is named; a close race, or evidence the respondent split between the top two, reads as
transitional.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlorg_desktop.domain.answers import Answer, Split
from mlorg_desktop.domain.questionnaire import COVERAGE_RULE, Option, Question, Questionnaire

NAMED = "named"
LEANING = "leaning"
TRANSITIONAL = "transitional"
TOO_FEW = "too few answers"
READINGS = (NAMED, LEANING, TRANSITIONAL, TOO_FEW)

CLOSE_MARGIN = 15.0  # points: a lead smaller than this is a close race, read as transitional
SPLITS_FOR_TRANSITION = 2  # split answers that give part of a question to the runner-up
RUNNER_UP_SHARE = 20.0  # ... while the runner-up holds at least a fifth of the evidence


@dataclass(frozen=True)
class Reading:
    kind: str
    # leaning: answers in line with the leader that would settle it;
    # too few answers: answers still needed to reach the floor; otherwise 0.
    settle: int = 0
    splits_between_top_two: int = 0
    # leaning: an archetype that the open questions could still put ahead of the leader
    challenger: str | None = None


@dataclass(frozen=True)
class Tally:
    """Evidence earned and possible per archetype: the sums a fit is the ratio of."""

    earned: dict[str, float]
    possible: dict[str, float]

    def fit(self, archetype_id: str) -> float:
        possible = self.possible[archetype_id]
        return 100.0 * self.earned[archetype_id] / possible if possible else 0.0

    def plus(self, question: Question, option: Option) -> Tally:
        earned, possible = dict(self.earned), dict(self.possible)
        for archetype_id, weight in question.max_evidence.items():
            possible[archetype_id] += weight
        for archetype_id, weight in option.evidence.items():
            earned[archetype_id] += weight
        return Tally(earned, possible)


def floor_count(questionnaire: Questionnaire) -> int:
    """The fewest answered questions that can carry a name (rounded up)."""
    return math.ceil(questionnaire.naming.floor * questionnaire.question_count - 1e-9)


def read(
    questionnaire: Questionnaire,
    tally: Tally,
    ranking: Sequence[str],
    leader: str | None,
    answered: int,
    open_questions: Sequence[Question],
    splits: Sequence[tuple[Question, Split]],
) -> Reading:
    """Apply the questionnaire's naming rule to one score's evidence."""
    floor = floor_count(questionnaire)
    if leader is None or answered < floor:
        return Reading(TOO_FEW, settle=max(floor - answered, 0))
    if questionnaire.naming.rule == COVERAGE_RULE:
        return Reading(NAMED)
    runner_up = ranking[1]
    between = sum(1 for q, s in splits if _splits_between(q, s, leader, runner_up))
    margin = tally.fit(leader) - tally.fit(runner_up)
    if margin < CLOSE_MARGIN or (
        between >= SPLITS_FOR_TRANSITION and tally.fit(runner_up) >= RUNNER_UP_SHARE
    ):
        return Reading(TRANSITIONAL, splits_between_top_two=between)
    challenger = overtaker(tally, leader, ranking, open_questions)
    if challenger is None:
        return Reading(NAMED, splits_between_top_two=between)
    # How many answers would settle it is worked out when someone reads it (answers_to_settle):
    # a list of thousands of assessments needs only the kind of reading.
    return Reading(LEANING, splits_between_top_two=between, challenger=challenger)


def overtaker(
    tally: Tally, leader: str, archetypes: Sequence[str], open_questions: Sequence[Question]
) -> str | None:
    """The first archetype (in ranking order) that would catch up with the leader if every open
    question were answered with its strongest option (ties: the one worst for the leader);
    None when no archetype could, which is what makes the lead robust."""
    for challenger in archetypes:
        if challenger == leader:
            continue
        earned_l, possible_l = tally.earned[leader], tally.possible[leader]
        earned_c, possible_c = tally.earned[challenger], tally.possible[challenger]
        for question in open_questions:
            option = _best_for(question, challenger, leader)
            earned_l += option.evidence.get(leader, 0.0)
            possible_l += question.max_evidence.get(leader, 0.0)
            earned_c += option.evidence.get(challenger, 0.0)
            possible_c += question.max_evidence.get(challenger, 0.0)
        fit_l = earned_l / possible_l if possible_l else 0.0
        fit_c = earned_c / possible_c if possible_c else 0.0
        if fit_l <= fit_c:
            return challenger
    return None


def is_robust(
    tally: Tally, leader: str, archetypes: Sequence[str], open_questions: Sequence[Question]
) -> bool:
    return overtaker(tally, leader, archetypes, open_questions) is None


def answers_to_settle(
    tally: Tally, leader: str, archetypes: Sequence[str], open_questions: Sequence[Question]
) -> int:
    """How many open questions, answered in line with the leader, would make its lead robust.

    The weightiest questions go first (they leave a challenger the most room); this is the
    count of answers along that order, so a respondent may settle it with fewer or need more
    if their answers go elsewhere.
    """
    order = sorted(
        range(len(open_questions)), key=lambda i: -_weight(open_questions[i], leader, archetypes)
    )
    remaining = list(open_questions)
    current = tally
    for k, index in enumerate(order, start=1):
        question = open_questions[index]
        current = current.plus(question, _best_for(question, leader, None))
        remaining.remove(question)
        if is_robust(current, leader, archetypes, remaining):
            return k
    return len(open_questions)


def _weight(question: Question, leader: str, archetypes: Sequence[str]) -> float:
    others = max((question.max_evidence.get(a, 0.0) for a in archetypes if a != leader), default=0)
    return question.max_evidence.get(leader, 0.0) + others


def _best_for(question: Question, archetype_id: str, against: str | None) -> Option:
    return question.strongest(archetype_id, against)


def top_archetypes(option: Option) -> frozenset[str]:
    if not option.evidence:
        return frozenset()
    top = max(option.evidence.values())
    return frozenset(a for a, w in option.evidence.items() if w == top)


def _splits_between(question: Question, split: Split, leader: str, runner_up: str) -> bool:
    """Whether the respondent's split gives part of this question to the runner-up: exactly
    one of its two halves is an answer typical of the runner-up (the other is the leader's,
    or a third archetype's)."""
    mainly = runner_up in top_archetypes(question.option(split.mainly))
    partly = runner_up in top_archetypes(question.option(split.partly))
    return mainly != partly


def answer_splits(pairs: Sequence[tuple[Question, Answer]]) -> list[tuple[Question, Split]]:
    return [(q, a) for q, a in pairs if isinstance(a, Split)]
