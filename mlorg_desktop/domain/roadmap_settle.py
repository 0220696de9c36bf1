"""Settling steps: open questions to answer once no change raises the target's fit any more.

When the ranked steps have taken the target's fit as far as answers can, the target may still
not be named: too few questions have a real answer, or the open questions could still put
another archetype ahead (docs/method.md, the naming rule). Answering open questions ("Don't
know" or blank) with the target's strongest option changes that without lowering the fit.
The weightiest questions go first, in the order ``naming.answers_to_settle`` counts them
(ties: question order); the steps stop as soon as the target is named.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.naming import NAMED, Tally, answer_splits, read
from mlorg_desktop.domain.questionnaire import Question, Questionnaire
from mlorg_desktop.domain.scoring import Score


def _weight(question: Question, archetype: str, archetypes: Sequence[str]) -> float:
    others = max(
        (question.max_evidence.get(a, 0.0) for a in archetypes if a != archetype), default=0.0
    )
    return question.max_evidence.get(archetype, 0.0) + others


def settling_answers(
    questionnaire: Questionnaire,
    catalog: Catalog,
    result: Score,
    archetype: str,
) -> list[tuple[Question, str]]:
    """The open questions to answer, and how, for ``archetype`` to be named; [] when it
    already is, when another archetype leads, or when answering every open question would
    still not name it (the roadmap's note then says why)."""
    if result.primary == archetype or result.leader not in (archetype, None):
        return []
    archetypes = catalog.archetype_ids
    order = {a: i for i, a in enumerate(archetypes)}
    open_questions = list(result.open_questions)
    queue = sorted(open_questions, key=lambda q: -_weight(q, archetype, archetypes))
    splits = answer_splits(list(result.answered_pairs))
    tally = Tally(dict(result.tally.earned), dict(result.tally.possible))
    answered = result.answered
    chosen: list[tuple[Question, str]] = []
    for question in queue:
        ranking = sorted(archetypes, key=lambda a: (-tally.fit(a), order[a]))
        rival = next((a for a in ranking if a != archetype), None)
        option = question.strongest(archetype, rival)
        tally = tally.plus(question, option)
        open_questions.remove(question)
        answered += 1
        chosen.append((question, option.id))
        ranking = sorted(archetypes, key=lambda a: (-tally.fit(a), order[a]))
        leader = ranking[0] if tally.fit(ranking[0]) > 0 else None
        reading = read(questionnaire, tally, ranking, leader, answered, open_questions, splits)
        if reading.kind == NAMED and leader == archetype:
            return chosen
    return []
