"""One combined reading of a round: respondents' answers pooled question by question.

For each question the round holds a *distribution*: how much of the respondents' weight went to
each option (today every respondent gives one option weight 1; a split "mainly / partly"
answer plugs in at ``answer_distribution`` by spreading one respondent's weight over two
options). The combined score treats each question's distribution as one answer: an archetype
earns, on that question, the weighted mean of the evidence the given options carry, out of the
same maximum a single answer could earn; a dimension's position on that question is the weighted
mean of the positions given. Summed over questions exactly as ``domain.scoring.score`` does, so
one respondent's round scores exactly like that respondent's own assessment. Each respondent
therefore counts once per question, and nobody counts more for having answered more questions.

Agreement on a question is the share of the respondents who answered it (with a real option;
"don't know" and "not applicable" are counted apart) who gave its most common answer. A question
is a **disagreement** when that share is below two thirds. The round's agreement is the mean over
the questions at least two respondents answered.

``reading_for`` is the one place a combined score becomes a word: the questionnaire's own naming
rule (``domain.naming.read``: named / leaning / transitional / too few answers), applied to the
pooled evidence exactly as to one respondent's. A split answer spreads that respondent's weight
⅔ / ⅓ over its two options (``answer_distribution``); for counting who agrees, a split counts as
its *mainly* option.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from mlorg_desktop.domain.answers import Answer, Split, shares
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.naming import Tally, floor_count, read
from mlorg_desktop.domain.questionnaire import (
    SPECIAL_ANSWERS,
    Question,
    QuestionBank,
    Questionnaire,
)
from mlorg_desktop.domain.scoring import Score

DISAGREEMENT_SHARE = (2, 3)  # a question is a disagreement below 2/3 agreement


def reading_for(score: Score) -> str:
    """The reading of a (combined) score: named, leaning, transitional or too few answers."""
    return score.reading


def answer_distribution(answer: Answer) -> dict[str, float]:
    """How one respondent's answer spreads over options: all on one, or ⅔ / ⅓ for a split."""
    return dict(shares(answer))


@dataclass(frozen=True)
class QuestionPool:
    """What the respondents of a round answered to one question."""

    question: Question
    weights: dict[str, float]  # option id -> respondents' weight, in option order
    special: dict[str, int]  # "dont_know" / "not_applicable" -> respondents
    who: dict[str, tuple[Assessment, ...]] = field(compare=False)  # option or special -> people

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def answered(self) -> float:
        return sum(self.weights.values())

    @cached_property
    def modal(self) -> str | None:
        """The most common answer; a tie goes to the option listed first in the question."""
        if not self.weights:
            return None
        top = max(self.weights.values())
        return next(option for option, weight in self.weights.items() if weight == top)

    @property
    def tied(self) -> bool:
        top = max(self.weights.values(), default=0.0)
        return sum(1 for weight in self.weights.values() if weight == top) > 1

    @property
    def agreement(self) -> float | None:
        if not self.weights:
            return None
        return max(self.weights.values()) / self.answered

    @property
    def disagreement(self) -> bool:
        """Fewer than two thirds of those who answered gave the most common answer."""
        if not self.weights:
            return False
        num, den = DISAGREEMENT_SHARE
        return max(self.weights.values()) * den < num * self.answered


@dataclass(frozen=True)
class RoundReading:
    """The combined reading of a set of respondents (a round, or one role group of it)."""

    questionnaire: Questionnaire
    score: Score
    pools: dict[str, QuestionPool]  # question id -> pool, in questionnaire order
    respondents: int

    @property
    def reading(self) -> str:
        return reading_for(self.score)

    @cached_property
    def agreement(self) -> float | None:
        shares = [p.agreement for p in self.pools.values() if p.answered >= 2]
        return sum(s for s in shares if s is not None) / len(shares) if shares else None

    @cached_property
    def disagreements(self) -> list[QuestionPool]:
        return [p for p in self.pools.values() if p.disagreement]

    @cached_property
    def combined_answers(self) -> dict[str, str]:
        """Question id -> the most common answer, for questions someone answered."""
        return {qid: p.modal for qid, p in self.pools.items() if p.modal is not None}


def round_questionnaire(assessments: Sequence[Assessment], bank: QuestionBank) -> Questionnaire:
    """The newest questionnaire version among the respondents (answers to question ids it does
    not have are left out of the pooled reading)."""
    return bank.get(max(a.questionnaire_version for a in assessments))


def pool_answers(
    questionnaire: Questionnaire, assessments: Sequence[Assessment]
) -> dict[str, QuestionPool]:
    pools = {}
    for question in questionnaire.questions():
        weights = {o.id: 0.0 for o in question.options}
        special: dict[str, int] = {}
        who: dict[str, list[Assessment]] = {}
        for a in assessments:
            answer = a.answers.get(question.id)
            if answer is None or not question.accepts(answer):
                continue
            key = answer.mainly if isinstance(answer, Split) else answer
            who.setdefault(key, []).append(a)
            if isinstance(answer, str) and answer in SPECIAL_ANSWERS:
                special[answer] = special.get(answer, 0) + 1
                continue
            for option, weight in answer_distribution(answer).items():
                weights[option] += weight
        weights = {o: w for o, w in weights.items() if w > 0}
        if weights or special:
            pools[question.id] = QuestionPool(
                question, weights, special, {k: tuple(v) for k, v in who.items()}
            )
    return pools


def pooled_score(
    questionnaire: Questionnaire,
    catalog: Catalog,
    pools: Mapping[str, QuestionPool],
    respondents: int,
    answered_pairs: int,
) -> Score:
    """The combined Score: per question, the weighted mean of evidence and positions given."""
    archetypes = catalog.archetype_ids
    earned = dict.fromkeys(archetypes, 0.0)
    possible = dict.fromkeys(archetypes, 0.0)
    position_sums: dict[str, list[float]] = {d: [] for d in catalog.dimension_ids}
    modal_pairs: list[tuple[Question, Answer]] = []
    open_questions: list[Question] = []
    for question in questionnaire.questions():
        pool = pools.get(question.id)
        if pool is None or not pool.weights:
            if pool is None or "not_applicable" not in pool.special:
                open_questions.append(question)
            continue
        total = pool.answered
        for archetype_id, weight in question.max_evidence.items():
            possible[archetype_id] += weight
        per_dimension: dict[str, list[float]] = {}
        for option_id, weight in pool.weights.items():
            option = question.option(option_id)
            for archetype_id, evidence in option.evidence.items():
                earned[archetype_id] += evidence * weight / total
            for dimension_id, value in option.positions.items():
                sums = per_dimension.setdefault(dimension_id, [0.0, 0.0])
                sums[0] += value * weight
                sums[1] += weight
        for dimension_id, (value_sum, weight_sum) in per_dimension.items():
            position_sums[dimension_id].append(value_sum / weight_sum)
        modal_pairs.append((question, pool.modal or ""))
    fits = {a: (100.0 * earned[a] / possible[a] if possible[a] else 0.0) for a in archetypes}
    order = {a: i for i, a in enumerate(archetypes)}
    ranking = tuple(sorted(archetypes, key=lambda a: (-fits[a], order[a])))
    leader = ranking[0] if fits[ranking[0]] > 0 else None
    runner_up = ranking[1] if leader and len(ranking) > 1 else None
    total_questions = questionnaire.question_count
    slots = respondents * total_questions
    tally = Tally(earned, possible)
    reading = read(questionnaire, tally, ranking, leader, len(modal_pairs), open_questions, [])
    return Score(
        fits=fits,
        ranking=ranking,
        leader=leader,
        runner_up=runner_up,
        margin=fits[leader] - fits[runner_up] if leader and runner_up else 0.0,
        # The mean of the respondents' own coverages: a round of half-answered forms is not
        # named just because, between them, they touched every question.
        coverage=answered_pairs / slots if slots else 0.0,
        answered=len(modal_pairs),
        total=total_questions,
        positions={d: (sum(v) / len(v) if v else None) for d, v in position_sums.items()},
        reading_detail=reading,
        rule=questionnaire.naming.rule,
        floor=floor_count(questionnaire),
        answered_pairs=tuple(modal_pairs),
        archetype_order=archetypes,
        tally=tally,
        open_questions=tuple(open_questions),
    )


def combine(
    assessments: Sequence[Assessment], bank: QuestionBank, catalog: Catalog
) -> RoundReading:
    """The combined reading of ``assessments`` (at least one)."""
    questionnaire = round_questionnaire(assessments, bank)
    pools = pool_answers(questionnaire, assessments)
    answered_pairs = sum(
        1
        for a in assessments
        for question in questionnaire.questions()
        if a.answers.get(question.id) not in (None, *SPECIAL_ANSWERS)
        and question.accepts(a.answers[question.id])
    )
    score = pooled_score(questionnaire, catalog, pools, len(assessments), answered_pairs)
    return RoundReading(questionnaire, score, pools, len(assessments))
