"""What an organization's rounds add to the sheet, on a case small enough to work out by hand."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.comparison import compare
from mlorg_desktop.domain.org_facts import (
    biggest_change,
    disagreement_words,
    organization_facts,
    pooled_records,
)
from mlorg_desktop.domain.summary import SummaryFacts, executive_summary

# Three respondents, two rounds (more than 60 days apart). Round 1: q01 a / c / b (one each:
# a third agree, a disagreement), q24 c c d and q25 c c e (two thirds: not a disagreement).
# Round 2: q01 d d d, q24 d d e, q25 e e f.
ROUND_1 = [("q01a", "q24c", "q25c"), ("q01c", "q24c", "q25c"), ("q01b", "q24d", "q25e")]
ROUND_2 = [("q01d", "q24d", "q25e"), ("q01d", "q24d", "q25e"), ("q01d", "q24e", "q25f")]
PEOPLE = ["Ana", "Ben", "Cy"]


def tiny_org(organization: str = "Tiny Co") -> list[Assessment]:
    out = []
    for r, (answers, day) in enumerate([(ROUND_1, "2025-01-1"), (ROUND_2, "2025-06-0")]):
        for i, chosen in enumerate(answers):
            out.append(
                Assessment(
                    id=f"{r + 1}{i + 1}{'0' * 6}-0000-4000-8000-000000000000",
                    organization=organization,
                    respondent=PEOPLE[i],
                    assessed_on=f"{day}{i + 1}",
                    questionnaire_version=2,
                    answers={option[:3]: option for option in chosen},
                )
            )
    return out


def test_agreement_positions_and_trend_by_hand(knowledge):
    (reading,) = pooled_records(tiny_org(), knowledge)
    first, second = reading.rounds
    # Agreement: mean over q01, q24, q25 of the share giving the most common answer.
    assert first.reading.agreement == pytest.approx((1 / 3 + 2 / 3 + 2 / 3) / 3)
    assert second.reading.agreement == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert [p.question_id for p in first.reading.disagreements] == ["q01"]
    assert second.reading.disagreements == []
    # Data ownership: q24 gives 35, 35, 70 then 70, 70, 95; q25 gives 40, 40, 70 then 70, 70, 95.
    before = ((35 + 35 + 70) / 3 + (40 + 40 + 70) / 3) / 2
    after = ((70 + 70 + 95) / 3 + (70 + 70 + 95) / 3) / 2
    (change,) = reading.trend
    assert change.position_change["data_ownership"] == pytest.approx(after - before)
    assert after - before == pytest.approx(30.0)
    # Independent's fit: possible 3 (q01) + 1 + 1; earned 0 (nobody chose q01d) + 1/3 + 1/3,
    # then 3 + 2/3 + 2/3.
    assert change.fit_change["independent"] == pytest.approx(100 * (13 / 3 - 2 / 3) / 5)


def test_summary_facts_name_the_biggest_change_and_the_split(knowledge):
    records = pooled_records(tiny_org(), knowledge)
    facts = organization_facts(records, knowledge.catalog)
    first_round = [a.id for a in records[0].rounds[0].round.assessments]
    second_round = [a.id for a in records[0].rounds[1].round.assessments]
    # The largest move is Independent's fit, (13/3 - 2/3) / 5 = +73 points, beyond Data
    # ownership's +30; round 1 has no previous round.
    for key in second_round:
        assert facts[key].change_since_previous == (
            "fit for Independent ML organization +73 since 2025-01-11"
        )
        assert facts[key].top_disagreement == ""
    for key in first_round:
        assert facts[key].change_since_previous == ""
        assert facts[key].top_disagreement.startswith("Q1 “Where do")
        assert facts[key].top_disagreement.endswith("(33% agree; answers split 1 / 1 / 1)")
    assert biggest_change(records[0].trend[0], knowledge.catalog).startswith("fit for Indep")
    assert disagreement_words(records[0].rounds[1].reading) == ""


def test_a_rounds_facts_are_said_once_and_the_others_point_there(knowledge):
    """Numbered as the sheet numbers them, the first respondent of a round (in that order, not
    by date) carries the round's facts; the others name its number."""
    people = tiny_org()
    records = pooled_records(people, knowledge)
    # Compared in this order: round 2's Cy first, then everyone else by date.
    order = [people[5].id] + [a.id for a in people if a is not people[5]]
    facts = organization_facts(records, knowledge.catalog, order)
    assert facts[people[0].id].round_size == 3 and facts[people[0].id].round_label == "2025-01-11"
    assert facts[people[0].id].top_disagreement.startswith("Q1 “Where do")
    assert facts[people[1].id] == facts[people[2].id] == SummaryFacts(same_round_as=2)
    carrier = facts[people[5].id]
    assert carrier.round_size == 3 and carrier.change_since_previous.startswith("fit for Indep")
    assert facts[people[3].id] == facts[people[4].id] == SummaryFacts(same_round_as=1)
    rows = compare(knowledge, [next(a for a in people if a.id == key) for key in order]).rows
    paragraphs = executive_summary(rows, knowledge.catalog, facts)
    assert (
        "Round 2025-06-01, 3 respondents together: Biggest change since the previous "
        in (paragraphs[0])
    )
    assert paragraphs[2].endswith("Same round as 2, whose paragraph gives the round's facts.")
    assert sum("Top disagreement" in p for p in paragraphs) == 1
    assert sum("Biggest change" in p for p in paragraphs) == 1


def test_only_records_with_several_respondents_or_rounds_are_pooled(knowledge, examples):
    alone = [a for a in examples if a.organization == "Cobalt Payments"]
    assert pooled_records(alone, knowledge) == ()
    both = pooled_records(alone + tiny_org(), knowledge)
    assert [r.record.organization for r in both] == ["Tiny Co"]
