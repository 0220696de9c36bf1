"""The roadmap: step 1 is the best single change, every fit is the scoring's, targets resolve."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.roadmap import KEEP, RoadmapError, plan, resolve_target
from mlorg_desktop.domain.scoring import score

GAIN_TIE = 1e-9


def _brute_force_best(questionnaire, catalog, answers, target):
    """Every single change (any question to any of its single options): the largest gain of
    the target's fit and the first change (question order, then option order) reaching it."""
    base = score(questionnaire, catalog, answers).fits[target]
    gains = []
    for question in questionnaire.questions():
        for option in question.options:
            if answers.get(question.id) == option.id:
                continue
            changed = {**answers, question.id: option.id}
            gains.append(
                (score(questionnaire, catalog, changed).fits[target] - base, question.id, option.id)
            )
    best = max(g for g, _, _ in gains)
    first = next((q, o) for g, q, o in gains if g >= best - GAIN_TIE)
    return best, first


def _check_plan(knowledge, version, answers, target):
    questionnaire = knowledge.bank.get(version)
    catalog = knowledge.catalog
    roadmap = plan(questionnaire, catalog, answers, target, text=knowledge.roadmap_text)
    archetype = roadmap.target
    best, first = _brute_force_best(questionnaire, catalog, answers, archetype)
    if best <= GAIN_TIE:
        # No change gains: any steps only answer open questions so the target can be named.
        assert all(step.settles for step in roadmap.steps)
    else:
        step = roadmap.steps[0]
        assert (step.question_id, step.to_option) == first
        assert step.gain == pytest.approx(best, abs=GAIN_TIE)
    current = dict(answers)
    assert roadmap.current_fit == pytest.approx(
        score(questionnaire, catalog, answers).fits[archetype]
    )
    for step in roadmap.steps:
        assert step.from_answer == current.get(step.question_id)
        current[step.question_id] = step.to_option
        assert step.fit_after == pytest.approx(
            score(questionnaire, catalog, current).fits[archetype], abs=1e-9
        )
        if step.settles:  # answers an open question with the target's strongest option
            assert step.from_answer in (None, "dont_know")
            assert step.gain == pytest.approx(0.0, abs=GAIN_TIE)
        else:
            assert step.gain > GAIN_TIE
    settling = [step.settles for step in roadmap.steps]
    assert settling == sorted(settling)  # no gaining step after a settling one
    final = score(questionnaire, catalog, current)
    assert roadmap.final_fit == pytest.approx(final.fits[archetype])
    assert roadmap.reaches_target == (final.primary == archetype)
    return roadmap


def test_demo_assessments_first_step_is_the_best_single_change_and_fits_are_exact(
    knowledge, examples
):
    for assessment in examples[:6]:
        for target in (*knowledge.catalog.archetype_ids, KEEP):
            roadmap = _check_plan(
                knowledge, assessment.questionnaire_version, assessment.answers, target
            )
            # Every demo assessment answers every question: the target can always be reached.
            assert roadmap.reaches_target, (assessment.label, target, roadmap.note)
            assert "named reading" in roadmap.note and "not" not in roadmap.note


@st.composite
def _v2_answers(draw, questionnaire):
    answers = {}
    for question in questionnaire.questions():
        kind = draw(st.sampled_from(["skip", "option", "option", "special", "split"]))
        ids = [o.id for o in question.options]
        if kind == "option":
            answers[question.id] = draw(st.sampled_from(ids))
        elif kind == "special":
            answers[question.id] = draw(st.sampled_from(question.valid_answers()[len(ids) :]))
        elif kind == "split" and question.allow_split:
            mainly, partly = draw(st.permutations(ids))[:2]
            answers[question.id] = Split(mainly, partly)
    return answers


def test_random_answer_sets_first_step_is_the_best_single_change(knowledge):
    questionnaire = knowledge.bank.get(2)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_v2_answers(questionnaire), st.sampled_from([*knowledge.catalog.archetype_ids, KEEP]))
    def check(answers, target):
        if target == KEEP and score(questionnaire, knowledge.catalog, answers).leader is None:
            return
        _check_plan(knowledge, 2, answers, target)

    check()


def test_a_small_case_computed_by_hand(knowledge):
    # Independent ML organization, questionnaire 2. q01c gives it 0 of 3; q03b gives 1 of 2
    # (q03a is its strongest, 2): 1 / 5 = 20. Moving q01 to q01d: 4 / 5 = 80 (+60), more than
    # q03 to q03a (3 / 5 = 60) or answering an open question with a 3 (4 / 8 = 50). Then q03
    # to q03a: 5 / 5 = 100 (+20, against 7 / 8 = 87.5 for an open question). Nothing gains
    # after that, and two answers are far below the floor of 11: the steps that follow answer
    # open questions with the target's strongest option, weightiest first (its 3 plus another
    # archetype's 3: q02, q04, q05, ... in question order) until the reading names it.
    questionnaire = knowledge.bank.get(2)
    answers = {"q01": "q01c", "q03": "q03b"}
    roadmap = plan(
        questionnaire, knowledge.catalog, answers, "independent", text=knowledge.roadmap_text
    )
    assert roadmap.current_fit == pytest.approx(20.0)
    gaining = [s for s in roadmap.steps if not s.settles]
    assert [(s.question_id, s.to_option) for s in gaining] == [("q01", "q01d"), ("q03", "q03a")]
    assert [s.fit_after for s in gaining] == pytest.approx([80.0, 100.0])
    assert [s.gain for s in gaining] == pytest.approx([60.0, 20.0])
    settling = roadmap.steps[2:]
    assert [s.question_id for s in settling[:4]] == ["q02", "q04", "q05", "q06"]
    assert [s.to_option for s in settling[:4]] == ["q02d", "q04d", "q05d", "q06d"]
    assert all(s.settles and s.from_answer is None and s.fit_after == 100.0 for s in settling)
    assert len(roadmap.steps) >= 2 + 9  # at least up to the floor of 11 answers
    assert roadmap.final_fit == pytest.approx(100.0)
    assert roadmap.reaches_target and roadmap.final_reading == "named"
    assert f"(the last {len(settling)} answer open questions in line with" in roadmap.note
    first = roadmap.steps[0]
    assert first.from_text == questionnaire.question("q01").option("q01c").text
    assert first.section_title == "Where ML work sits"
    assert "central ML group" in first.meaning
    limited = plan(questionnaire, knowledge.catalog, answers, "independent", steps=2)
    assert [s.to_option for s in limited.steps] == ["q01d", "q03a"]
    assert not limited.reaches_target and limited.final_reading == "too few answers"
    assert limited.note == (
        "After the first 2 steps, Independent ML organization is still not the named reading: "
        "too few questions have a real answer for any archetype to be named (9 more needed)."
    )


def test_a_target_no_answers_can_name_says_why(knowledge):
    # A hand-made questionnaire where every answer that counts for R&D counts as much for
    # Nascent: R&D can reach 100 but never lead, because ties go to the catalog's order.
    from mlorg_desktop.domain.questionnaire import (
        ROBUST_RULE,
        Naming,
        Option,
        Question,
        Questionnaire,
        Section,
    )

    def question(qid, shared, other):
        return Question(
            id=qid,
            text=f"Question {qid}",
            options=(
                Option(f"{qid}a", "Shared", {"nascent": shared, "rnd": shared}, {}),
                Option(f"{qid}b", "Other", {"embedded": other}, {}),
            ),
            allow_not_applicable=False,
            section_id="s",
        )

    small = Questionnaire(
        version=9,
        title="Small",
        instructions="",
        sections=(Section("s", "S", "", (question("q1", 2, 2), question("q2", 1, 3))),),
        naming=Naming(ROBUST_RULE, 0.5),
    )
    roadmap = plan(small, knowledge.catalog, {"q1": "q1b"}, "rnd")
    # q1 -> q1a: 2 / 2 = 100 (+100); answering q2 with q2a keeps 3 / 3 = 100 and gains nothing.
    assert [(s.question_id, s.to_option, s.settles) for s in roadmap.steps] == [
        ("q1", "q1a", False)
    ]
    assert roadmap.steps[0].fit_after == pytest.approx(100.0)
    assert not roadmap.reaches_target
    assert roadmap.note == (
        "With the one step made, Research & Development is still not the named reading: "
        "Nascent / ad-hoc fits just as well (100 each) and is listed first."
    )


def test_keep_plans_for_todays_leader(knowledge, examples):
    embedded = next(a for a in examples if a.organization == "Cobalt Payments")
    questionnaire = knowledge.bank.get(embedded.questionnaire_version)
    today = score(questionnaire, knowledge.catalog, embedded.answers)
    assert resolve_target(KEEP, today) == today.leader == "embedded"
    roadmap = plan(questionnaire, knowledge.catalog, embedded.answers, KEEP)
    assert roadmap.target == "embedded" and roadmap.kept
    assert resolve_target("", today) is None
    nobody = plan(questionnaire, knowledge.catalog, {}, KEEP)
    assert nobody.target == "" and nobody.steps == () and "nothing to keep" in nobody.note


def test_an_unknown_target_names_the_valid_ones(knowledge):
    with pytest.raises(RoadmapError) as error:
        plan(knowledge.bank.get(2), knowledge.catalog, {}, "skunkworks")
    message = str(error.value)
    assert "'skunkworks'" in message
    for valid in ("keep", "nascent", "rnd", "embedded", "independent", "ml_first"):
        assert valid in message
