"""Archetype fit, dimension positions, coverage and the answers behind them. Pure and deterministic.

Fit of an archetype = evidence the chosen options give it / the most evidence the same answered
questions could have given it, on 0-100. A split answer ("mainly X, partly Y") gives 2/3 of X's
evidence and 1/3 of Y's. Changing an answer to one with more evidence for an archetype, or
answering a new question with its strongest option for that archetype, can only raise that
archetype's fit. The reading (named, leaning, ...) is decided in ``naming``; docs/method.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from mlorg_desktop.domain.answers import DONT_KNOW, Answer, is_answered, shares
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.naming import (
    LEANING,
    NAMED,
    Reading,
    Tally,
    answer_splits,
    answers_to_settle,
    floor_count,
    read,
)
from mlorg_desktop.domain.questionnaire import COVERAGE_RULE, Question, Questionnaire

LABEL_COVERAGE = 0.70
EXPLANATION_SIZE = 6


@dataclass(frozen=True)
class Contribution:
    """One answered question and what it says about the archetypes."""

    question_id: str
    question_text: str
    section_id: str
    answer_text: str
    weight_for_leader: float
    points_to: str  # the archetype this answer supports most
    weight_for_points_to: float


@dataclass(frozen=True)
class Score:
    fits: dict[str, float]
    ranking: tuple[str, ...]
    leader: str | None  # best fit, even when the label is withheld; None without any evidence
    runner_up: str | None
    margin: float
    coverage: float  # 0..1, share of questions answered with a real option
    answered: int
    total: int
    positions: dict[str, float | None]
    reading_detail: Reading
    rule: str  # the questionnaire version's naming rule
    floor: int  # the fewest answered questions that can carry a name
    # The answered questions, kept so the explanation is built only when someone reads it:
    # listing thousands of assessments needs the fit and coverage, not the reasons.
    answered_pairs: tuple[tuple[Question, Answer], ...] = field(repr=False, compare=False)
    archetype_order: tuple[str, ...] = field(repr=False, compare=False)
    # Kept for answers_to_settle, which only the explanation of a leaning reading needs.
    tally: Tally = field(repr=False, compare=False)
    open_questions: tuple[Question, ...] = field(repr=False, compare=False)

    @cached_property
    def settle(self) -> int:
        """Leaning: answers in line with the leader that would make its lead robust; too few
        answers: answers still needed to reach the floor; otherwise 0."""
        if self.reading == LEANING and self.leader:
            return answers_to_settle(self.tally, self.leader, self.ranking, self.open_questions)
        return self.reading_detail.settle

    @cached_property
    def contributions(self) -> tuple[Contribution, ...]:
        """Every answer that carries archetype evidence, with the archetype it supports most."""
        return _contributions(list(self.answered_pairs), self.leader, self.archetype_order)

    @property
    def supporting(self) -> tuple[Contribution, ...]:
        """The answers that support the leading archetype most, strongest first."""
        ranked = sorted(
            (c for c in self.contributions if c.weight_for_leader > 0),
            key=lambda c: -c.weight_for_leader,
        )
        return tuple(ranked[:EXPLANATION_SIZE])

    @property
    def pointing_elsewhere(self) -> tuple[Contribution, ...]:
        """The answers that fit another archetype better, most divergent first."""
        ranked = sorted(
            (c for c in self.contributions if c.points_to != self.leader),
            key=lambda c: -(c.weight_for_points_to - c.weight_for_leader),
        )
        return tuple(ranked[:EXPLANATION_SIZE])

    @property
    def reading(self) -> str:
        """``named``, ``leaning``, ``transitional`` or ``too few answers``."""
        return self.reading_detail.kind

    @property
    def label_shown(self) -> bool:
        return self.reading == NAMED

    @property
    def primary(self) -> str | None:
        """The named archetype, or None when the reading names none."""
        return self.leader if self.label_shown else None

    @property
    def withheld_reason(self) -> str:
        """Why no archetype is named; empty when one is. Version 1's wording is kept."""
        if self.label_shown or self.rule != COVERAGE_RULE:
            return ""
        needed = _answers_needed(self.total, self.answered)
        if self.leader is None:
            return (
                "No answer so far carries evidence for any archetype. Answer the questions "
                "with what your organization does today to see a fit."
            )
        return (
            f"Only {self.answered} of {self.total} questions ({self.coverage:.0%}) have a real "
            f"answer; an archetype is named from {LABEL_COVERAGE:.0%} on. Answer {needed} more "
            "to see it. The fit scores below are provisional."
        )


def score(questionnaire: Questionnaire, catalog: Catalog, answers: Mapping[str, Answer]) -> Score:
    """Score ``answers`` (question id -> option id, split or special answer) against the catalog."""
    archetypes = catalog.archetype_ids
    earned = dict.fromkeys(archetypes, 0.0)
    possible = dict.fromkeys(archetypes, 0.0)
    position_sums: dict[str, list[float]] = {d: [] for d in catalog.dimension_ids}
    answered: list[tuple[Question, Answer]] = []
    open_questions: list[Question] = []
    for question in questionnaire.questions():
        answer = answers.get(question.id)
        if not is_answered(answer):
            if answer is None or answer == DONT_KNOW:
                open_questions.append(question)
            continue
        assert answer is not None
        answered.append((question, answer))
        for archetype_id, weight in question.max_evidence.items():
            possible[archetype_id] += weight
        if isinstance(answer, str):
            option = question.option(answer)
            for archetype_id, weight in option.evidence.items():
                earned[archetype_id] += weight
            for dimension_id, value in option.positions.items():
                position_sums[dimension_id].append(value)
            continue
        placed: dict[str, list[tuple[float, float]]] = {}
        for option_id, share in shares(answer):
            option = question.option(option_id)
            for archetype_id, weight in option.evidence.items():
                earned[archetype_id] += share * weight
            for dimension_id, value in option.positions.items():
                placed.setdefault(dimension_id, []).append((share, value))
        for dimension_id, parts in placed.items():
            total_share = sum(share for share, _ in parts)
            position_sums[dimension_id].append(sum(sh * v for sh, v in parts) / total_share)

    fits = {a: (100.0 * earned[a] / possible[a] if possible[a] else 0.0) for a in archetypes}
    order = {a: i for i, a in enumerate(archetypes)}
    ranking = tuple(sorted(archetypes, key=lambda a: (-fits[a], order[a])))
    leader = ranking[0] if fits[ranking[0]] > 0 else None
    runner_up = ranking[1] if leader and len(ranking) > 1 else None
    margin = fits[leader] - fits[runner_up] if leader and runner_up else 0.0
    positions = {d: (sum(v) / len(v) if v else None) for d, v in position_sums.items()}
    total = questionnaire.question_count
    reading = read(
        questionnaire,
        Tally(earned, possible),
        ranking,
        leader,
        len(answered),
        open_questions,
        answer_splits(answered),
    )
    return Score(
        fits=fits,
        ranking=ranking,
        leader=leader,
        runner_up=runner_up,
        margin=margin,
        coverage=len(answered) / total if total else 0.0,
        answered=len(answered),
        total=total,
        positions=positions,
        reading_detail=reading,
        rule=questionnaire.naming.rule,
        floor=floor_count(questionnaire),
        answered_pairs=tuple(answered),
        archetype_order=archetypes,
        tally=Tally(earned, possible),
        open_questions=tuple(open_questions),
    )


def answer_evidence(question: Question, answer: Answer) -> dict[str, float]:
    """The evidence one answer gives each archetype (a split blends its two options)."""
    evidence: dict[str, float] = {}
    for option_id, share in shares(answer):
        for archetype_id, weight in question.option(option_id).evidence.items():
            evidence[archetype_id] = evidence.get(archetype_id, 0.0) + share * weight
    return evidence


def _contributions(
    answered: list[tuple[Question, Answer]], leader: str | None, archetypes: tuple[str, ...]
) -> tuple[Contribution, ...]:
    if leader is None:
        return ()
    contributions = []
    for question, answer in answered:
        evidence = answer_evidence(question, answer)
        if not evidence:
            continue
        # The strongest archetype of this answer; ties go to the leader, then catalog order.
        top = max(evidence.values())
        if evidence.get(leader, 0.0) == top:
            points_to = leader
        else:
            points_to = next(a for a in archetypes if evidence.get(a, 0.0) == top)
        contributions.append(
            Contribution(
                question_id=question.id,
                question_text=question.text,
                section_id=question.section_id,
                answer_text=question.answer_text(answer),
                weight_for_leader=evidence.get(leader, 0.0),
                points_to=points_to,
                weight_for_points_to=evidence[points_to],
            )
        )
    return tuple(contributions)


def _answers_needed(total: int, answered: int) -> int:
    needed = 0
    while total and (answered + needed) / total < LABEL_COVERAGE:
        needed += 1
    return needed
