"""What moved between consecutive rounds of one organization: every fit, every position, and
the questions whose combined (most common) answer changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mlorg_desktop.domain.pooling import RoundReading
from mlorg_desktop.domain.rounds import Round


@dataclass(frozen=True)
class AnswerChange:
    question_id: str
    before: str | None  # None: nobody answered it in the earlier round
    after: str | None


@dataclass(frozen=True)
class RoundChange:
    before: Round
    after: Round
    fit_change: dict[str, float]  # archetype -> points (after - before)
    position_change: dict[str, float | None]  # None when either round has no position
    answers_changed: tuple[AnswerChange, ...]


def round_change(before: Round, after: Round, old: RoundReading, new: RoundReading) -> RoundChange:
    fits = {a: new.score.fits[a] - old.score.fits.get(a, 0.0) for a in new.score.fits}
    positions: dict[str, float | None] = {}
    for dimension, value in new.score.positions.items():
        earlier = old.score.positions.get(dimension)
        positions[dimension] = None if value is None or earlier is None else value - earlier
    was, now = old.combined_answers, new.combined_answers
    order = [q.id for q in new.questionnaire.questions()]
    order += [q for q in was if q not in order]
    changed = tuple(
        AnswerChange(q, was.get(q), now.get(q))
        for q in order
        if (q in was or q in now) and was.get(q) != now.get(q)
    )
    return RoundChange(before, after, fits, positions, changed)


def trend(rounds: Sequence[tuple[Round, RoundReading]]) -> list[RoundChange]:
    """One change per consecutive pair of rounds, oldest first."""
    return [
        round_change(rounds[i][0], rounds[i + 1][0], rounds[i][1], rounds[i + 1][1])
        for i in range(len(rounds) - 1)
    ]
