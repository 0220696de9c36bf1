"""What an organization's rounds add to a comparison sheet, without Qt.

When the compared assessments include several respondents of one round, or several rounds of one
organization, the sheet reads those records whole (``domain.org_report.read_record``) and the
executive summary says, for each respondent's assessment, the biggest change since the previous
round and the question their round disagrees on most (``SummaryFacts``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.org_report import RecordReading, read_record
from mlorg_desktop.domain.pooling import QuestionPool, RoundReading
from mlorg_desktop.domain.questionnaire import SPECIAL_LABELS
from mlorg_desktop.domain.rounds import organizations
from mlorg_desktop.domain.summary import SummaryFacts
from mlorg_desktop.domain.trend import RoundChange


def pooled_records(
    assessments: Sequence[Assessment],
    knowledge: Knowledge,
    role_groups: Mapping[str, str] | None = None,
) -> tuple[RecordReading, ...]:
    """The organization records among ``assessments`` that have something to pool: a round with
    two or more respondents, or two or more rounds. Only the compared assessments count."""
    records = [
        r
        for r in organizations(assessments)
        if len(r.rounds) > 1 or any(x.respondents > 1 for x in r.rounds)
    ]
    return tuple(read_record(r, knowledge, role_groups) for r in records)


def question_number(reading: RoundReading, question_id: str) -> int:
    for number, question in enumerate(reading.questionnaire.questions(), start=1):
        if question.id == question_id:
            return number
    raise KeyError(question_id)


def answer_text(pool: QuestionPool, answer: str) -> str:
    if answer in SPECIAL_LABELS:
        return SPECIAL_LABELS[answer]
    return pool.question.option(answer).text


def count_text(weight: float) -> str:
    """A respondent count; a split answer gives ⅔ and ⅓ of one respondent."""
    return f"{weight:.0f}" if float(weight).is_integer() else f"{weight:.1f}"


def given_answers(pool: QuestionPool) -> list[tuple[str, str]]:
    """(answer text, how many gave it), most given first; "don't know" and "not applicable"
    last. Ties keep the question's option order."""
    options = sorted(pool.weights.items(), key=lambda item: -item[1])
    out = [(answer_text(pool, o), count_text(w)) for o, w in options]
    out += [(answer_text(pool, s), str(n)) for s, n in pool.special.items()]
    return out


def top_disagreement(reading: RoundReading) -> QuestionPool | None:
    """The disagreement with the lowest agreement; ties go to the earlier question."""
    pools = reading.disagreements
    if not pools:
        return None
    return min(pools, key=lambda p: p.agreement if p.agreement is not None else 1.0)


def disagreement_words(reading: RoundReading) -> str:
    """The round's top disagreement in a few words, or "" when it has none: the question and
    how the answers split, e.g. "Q24 “Who deploys models to production?” (50% agree; answers
    split 2 / 2)"."""
    pool = top_disagreement(reading)
    if pool is None:
        return ""
    number = question_number(reading, pool.question_id)
    split = " / ".join(count for _, count in given_answers(pool))
    return (
        f"Q{number} “{pool.question.text}” ({pool.agreement or 0:.0%} agree; answers split {split})"
    )


def biggest_change(change: RoundChange, catalog: Catalog) -> str:
    """The largest move between two rounds, among every position and fit, in words such as
    "Data ownership +30 since 2025-10"; "" when nothing moved. Ties: positions before fits,
    then catalog order."""
    candidates: list[tuple[float, str]] = []
    for dimension in catalog.dimensions:
        value = change.position_change.get(dimension.id)
        if value is not None:
            candidates.append((value, dimension.name))
    for archetype in catalog.archetypes:
        value = change.fit_change.get(archetype.id)
        if value is not None:
            candidates.append((value, f"fit for {archetype.name}"))
    if not candidates:
        return ""
    value, name = max(candidates, key=lambda c: abs(c[0]))  # max keeps the first of equals
    if round(value) == 0:
        return ""
    return f"{name} {value:+.0f} since {change.before.label}"


def organization_facts(
    readings: Sequence[RecordReading], catalog: Catalog, order: Sequence[str] = ()
) -> dict[str, SummaryFacts]:
    """Per assessment id: its round's change since the previous round and top disagreement.

    ``order`` is the compared assessments' ids as the sheet numbers them. When several of them
    share a round, the first in that order carries the round's facts and the others say which
    number has them, so the summary does not repeat one round's facts per respondent. Without
    ``order`` every respondent's entry has its round's facts."""
    position = {key: index for index, key in enumerate(order)}
    facts: dict[str, SummaryFacts] = {}
    for reading in readings:
        for index, item in enumerate(reading.rounds):
            change = reading.trend[index - 1] if index else None  # trend[i]: round i to i + 1
            fact = SummaryFacts(
                change_since_previous=biggest_change(change, catalog) if change else "",
                top_disagreement=disagreement_words(item.reading),
            )
            if fact == SummaryFacts():
                continue
            members = sorted(
                (a.id for a in item.round.assessments), key=lambda k: position.get(k, len(order))
            )
            first, *others = members
            if not others or first not in position:  # alone, or no numbering to point to
                facts.update(dict.fromkeys(members, fact))
                continue
            facts[first] = replace(fact, round_size=len(members), round_label=item.round.label)
            for key in others:
                facts[key] = SummaryFacts(same_round_as=position[first] + 1)
    return facts
