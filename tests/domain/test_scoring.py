"""Scoring: ranges, coverage rule, monotonicity, determinism, examples and guidance."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlorg_desktop.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from mlorg_desktop.domain.scoring import LABEL_COVERAGE

EXPECTED = {
    "Harbour Freight Logistics": "nascent",
    "Northline Energy": "rnd",
    "Cobalt Payments": "embedded",
    "Meridian Bank": "independent",
    "Quanta Labs": "ml_first",
}


def _answers_strategy(knowledge):
    questions = list(knowledge.bank.latest.questions())
    return st.fixed_dictionaries(
        {}, optional={q.id: st.sampled_from(q.valid_answers()) for q in questions}
    )


def test_examples_are_classified_as_intended(knowledge, examples):
    # The multi-respondent organization's people disagree on purpose (see test_pooling).
    singles = [e for e in examples if e.organization != "Vantage Retail Group"]
    assert len(singles) == 6 and len(examples) == 15
    for example in singles:
        result = knowledge.score(example.questionnaire_version, example.answers)
        assert result.primary == EXPECTED[example.organization], example.organization
        assert result.coverage >= LABEL_COVERAGE
        assert result.margin > 10


def test_reassessment_a_year_later_moves_towards_its_reference(knowledge, examples):
    before, after = sorted(
        (e for e in examples if e.organization == "Meridian Bank"), key=lambda e: e.assessed_on
    )
    assert after.assessed_on[:4] == str(int(before.assessed_on[:4]) + 1)
    old = knowledge.score(1, before.answers)
    new = knowledge.score(1, after.answers)
    assert new.positions["data_ownership"] > old.positions["data_ownership"] + 20


def test_all_dont_know_gives_no_coverage_and_no_label(knowledge):
    answers = {q.id: DONT_KNOW for q in knowledge.bank.latest.questions()}
    result = knowledge.score(1, answers)
    assert result.coverage == 0 and result.primary is None and result.leader is None
    assert all(v == 0 for v in result.fits.values())
    assert "evidence" in result.withheld_reason
    assert knowledge.guidance(1, result) is None


def test_low_coverage_withholds_the_label_but_keeps_scores(knowledge, examples):
    example = next(e for e in examples if e.organization == "Quanta Labs")
    partial = dict(list(example.answers.items())[:10])
    result = knowledge.score(1, partial)
    assert result.leader == "ml_first" and result.primary is None
    assert result.fits["ml_first"] > 0
    assert "10 of 25" in result.withheld_reason and "Answer 8 more" in result.withheld_reason


def test_explanation_traces_to_question_text(knowledge, examples):
    example = next(e for e in examples if e.organization == "Cobalt Payments")
    result = knowledge.score(1, example.answers)
    questionnaire = knowledge.bank.get(1)
    for c in result.supporting + result.pointing_elsewhere:
        assert questionnaire.question(c.question_id).text == c.question_text
    assert result.supporting[0].weight_for_leader == 3
    assert any(c.points_to == "rnd" for c in result.pointing_elsewhere)


def test_guidance_names_conflicting_section_and_dimension_gap(knowledge, examples):
    meridian_2025 = next(e for e in examples if e.assessed_on == "2025-10-15")
    result = knowledge.score(1, meridian_2025.answers)
    guidance = knowledge.guidance(1, result)
    assert guidance.archetype_id == "independent"
    assert guidance.risks == knowledge.catalog.archetype("independent").weaknesses
    assert any("Data and compute" in c and "Nascent" in c for c in guidance.conflicts)
    data_note = next(n for n in guidance.dimension_notes if n.dimension_id == "data_ownership")
    assert "Data consumer" in data_note.text

    meridian_2026 = next(e for e in examples if e.assessed_on == "2026-10-20")
    later = knowledge.guidance(1, knowledge.score(1, meridian_2026.answers))
    assert not any("Data and compute" in c for c in later.conflicts)
    assert "close to" in next(
        n.text for n in later.dimension_notes if n.dimension_id == "data_ownership"
    )


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_scores_stay_in_range_and_are_deterministic(knowledge, data):
    answers = data.draw(_answers_strategy(knowledge))
    first = knowledge.score(1, answers)
    second = knowledge.score(1, dict(reversed(list(answers.items()))))
    assert first == second
    assert all(0 <= v <= 100 for v in first.fits.values())
    assert all(v is None or 0 <= v <= 100 for v in first.positions.values())
    assert 0 <= first.coverage <= 1 and 0 <= first.margin <= 100
    real = [a for a in answers.values() if a not in (DONT_KNOW, NOT_APPLICABLE)]
    assert first.answered == len(real)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_more_evidence_for_an_archetype_never_lowers_its_fit(knowledge, data):
    answers = data.draw(_answers_strategy(knowledge))
    archetype = data.draw(st.sampled_from(knowledge.catalog.archetype_ids))
    question = data.draw(st.sampled_from(list(knowledge.bank.latest.questions())))
    current = answers.get(question.id)
    current_weight = (
        question.option(current).evidence.get(archetype, 0)
        if current and current not in (DONT_KNOW, NOT_APPLICABLE)
        else None
    )
    stronger = [
        o
        for o in question.options
        if current_weight is None
        and o.evidence.get(archetype, 0)
        == max(x.evidence.get(archetype, 0) for x in question.options)
        or current_weight is not None
        and o.evidence.get(archetype, 0) >= current_weight
    ]
    choice = data.draw(st.sampled_from(stronger))
    before = knowledge.score(1, answers).fits[archetype]
    after = knowledge.score(1, {**answers, question.id: choice.id}).fits[archetype]
    assert after >= before - 1e-9
