"""Pooling respondents: hand-computed combined fits and positions, agreement and the 2/3 rule."""

from __future__ import annotations

import uuid

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.naming import TOO_FEW
from mlorg_desktop.domain.pooling import combine


def person(answers: dict[str, str], role: str = "", name: str = "") -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization="Acme",
        questionnaire_version=1,
        answers=answers,
        role=role,
        respondent=name,
    )


def pooled(knowledge, *answer_sets):
    return combine([person(a) for a in answer_sets], knowledge.bank, knowledge.catalog)


def test_fits_are_the_mean_evidence_per_question(knowledge):
    # q01c gives embedded 3, ml_first 1; q01d gives independent 3, ml_first 1; the most any
    # q01 option gives each archetype is 3. Pooled: embedded 1.5/3, independent 1.5/3,
    # ml_first 1/3.
    reading = pooled(knowledge, {"q01": "q01c"}, {"q01": "q01d"})
    fits = reading.score.fits
    assert fits["embedded"] == pytest.approx(50.0)
    assert fits["independent"] == pytest.approx(50.0)
    assert fits["ml_first"] == pytest.approx(100 / 3)
    assert fits["nascent"] == fits["rnd"] == 0.0
    # A tie goes to catalog order (as in single scoring); 2 answers of 2 x 25 questions.
    assert reading.score.leader == "embedded"
    assert reading.score.coverage == pytest.approx(2 / 50)
    assert reading.score.primary is None and reading.reading == TOO_FEW


def test_positions_are_pooled_per_question_then_averaged(knowledge):
    # q03: 20 (q03b), 75 (q03c), no position (q03a) -> 47.5 on that question.
    # q19: only the first respondent, 10 (q19a). Dimension = (47.5 + 10) / 2 = 28.75
    # (pooling all answers flat would give (20 + 75 + 10) / 3 = 35).
    reading = pooled(knowledge, {"q03": "q03b", "q19": "q19a"}, {"q03": "q03c"}, {"q03": "q03a"})
    assert reading.score.positions["se_vs_research"] == pytest.approx(28.75)
    assert reading.score.positions["data_ownership"] is None


@pytest.mark.parametrize(
    ("answers", "agreement", "disagreement"),
    [
        (["q01c", "q01c", "q01d"], 2 / 3, False),  # exactly two thirds: not a disagreement
        (["q01c", "q01c", "q01c", "q01d", "q01e"], 3 / 5, True),  # a majority, but below 2/3
        (["q01c", "q01c", "q01d", "q01e"], 2 / 4, True),
        (["q01c", "q01c", "q01c", "q01d"], 3 / 4, False),
        (["q01c", "q01d", "q01e"], 1 / 3, True),
        (["q01c"], 1.0, False),
    ],
)
def test_two_thirds_rule(knowledge, answers, agreement, disagreement):
    reading = pooled(knowledge, *({"q01": a} for a in answers))
    pool = reading.pools["q01"]
    assert pool.agreement == pytest.approx(agreement)
    assert pool.disagreement is disagreement
    assert [p.question_id for p in reading.disagreements] == (["q01"] if disagreement else [])


def test_special_answers_are_not_counted_as_answering(knowledge):
    # Two real answers agree; "don't know" does not dilute them.
    reading = pooled(knowledge, {"q02": "q02c"}, {"q02": "q02c"}, {"q02": "dont_know"})
    pool = reading.pools["q02"]
    assert pool.weights == {"q02c": 2.0} and pool.special == {"dont_know": 1}
    assert pool.agreement == 1.0 and not pool.disagreement
    assert [a.answers["q02"] for a in pool.who["dont_know"]] == ["dont_know"]


def test_round_agreement_is_the_mean_over_questions_two_or_more_answered(knowledge):
    reading = pooled(
        knowledge,
        {"q01": "q01c", "q02": "q02c", "q03": "q03c"},
        {"q01": "q01c", "q02": "q02d"},
        {"q01": "q01d", "q02": "q02d"},
        {"q01": "q01c"},
    )
    # q01: 3 of 4 agree; q02: 2 of 3; q03 has one answer and is left out.
    assert reading.agreement == pytest.approx((3 / 4 + 2 / 3) / 2)
    assert reading.pools["q01"].modal == "q01c" and reading.pools["q02"].modal == "q02d"
    assert reading.combined_answers == {"q01": "q01c", "q02": "q02d", "q03": "q03c"}
    assert pooled(knowledge, {"q01": "q01c"}).agreement is None


def test_one_respondent_pools_to_their_own_score(knowledge, examples):
    for example in examples:
        own = knowledge.score(example.questionnaire_version, example.answers)
        reading = combine([example], knowledge.bank, knowledge.catalog)
        assert reading.score.fits == pytest.approx(own.fits)
        assert reading.score.positions == pytest.approx(own.positions)
        assert reading.score.coverage == pytest.approx(own.coverage)
        assert reading.score.primary == own.primary
        # The same naming rule on the same evidence: the same reading, leaning and all.
        assert reading.reading == own.reading
