"""What-if scenarios: kept beside the answers, never in them; listed changes; validation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
)
from mlorg_desktop.domain.scenario import (
    Change,
    Scenario,
    changes,
    scenario_view,
    with_scenario,
    without_scenario,
)

AID = "5f0c1a9e-8d7b-4c3a-9e2f-1b2c3d4e5f60"
SID = "0d6a2b7c-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
STAMP = "2026-11-28T10:00:00Z"


def _assessment(**fields) -> Assessment:
    base = dict(
        id=AID,
        organization="Quanta Labs",
        questionnaire_version=2,
        answers={"q01": "q01c", "q03": "q03b", "q14": Split("q14d", "q14b")},
        assessed_on="2026-11-27",
        created_at=STAMP,
        updated_at=STAMP,
    )
    base.update(fields)
    return Assessment(**base)


def _scenario(sid=SID, name="Central ML group", **answers) -> Scenario:
    saved = {"q01": "q01d", "q03": "q03b", "q14": "q14e", "q24": "q24d"}
    saved.update(answers)
    return Scenario(id=sid, name=name, answers=saved, created_at=STAMP, updated_at=STAMP)


def test_changes_are_listed_in_question_order_against_the_saved_answers(knowledge):
    saved = _assessment().answers
    found = changes(saved, _scenario().answers, knowledge.bank.get(2))
    assert found == [
        Change("q01", "q01c", "q01d"),
        Change("q14", Split("q14d", "q14b"), "q14e"),
        Change("q24", None, "q24d"),
    ]
    assert changes(saved, dict(saved)) == []


def test_with_scenario_adds_or_replaces_and_never_touches_the_answers():
    original = _assessment()
    answers_before = dict(original.answers)
    first = with_scenario(original, _scenario())
    assert first.answers == answers_before and original.scenarios == ()
    second = with_scenario(first, _scenario(sid="1d6a2b7c-1e2f-4a3b-8c4d-5e6f7a8b9c0d", name="B"))
    renamed = with_scenario(second, _scenario(name="Central ML group, data too"))
    assert [s.name for s in renamed.scenarios] == ["Central ML group, data too", "B"]
    assert renamed.answers == answers_before
    assert [s.name for s in without_scenario(renamed, SID).scenarios] == ["B"]
    assert without_scenario(renamed, "no-such-id").scenarios == renamed.scenarios


def test_a_scenario_view_scores_the_scenario_and_says_so(knowledge):
    assessment = with_scenario(_assessment(respondent="Ada"), _scenario())
    view = scenario_view(assessment, assessment.scenarios[0])
    assert view.id == f"{AID}~{SID}"
    assert view.answers == _scenario().answers and view.scenarios == ()
    assert view.is_scenario and not assessment.is_scenario
    assert view.label == "Quanta Labs · Ada · What if: Central ML group (2026-11-27)"
    assert assessment.answers["q01"] == "q01c"


def test_reassessing_keeps_the_target_and_drops_the_scenarios():
    again = with_scenario(_assessment(target="independent"), _scenario()).reassessed()
    assert again.target == "independent" and again.scenarios == ()


def test_targets_and_scenarios_survive_the_record_round_trip(knowledge):
    assessment = with_scenario(_assessment(target="ml_first"), _scenario(q25=Split("q25e", "q25c")))
    record = assessment_to_dict(assessment)
    assert record["target"] == "ml_first"
    assert record["scenarios"][0]["answers"]["q25"] == {"mainly": "q25e", "partly": "q25c"}
    assert assessment_from_dict(record, knowledge.bank, "test") == assessment
    keep = replace(assessment, target="keep")
    assert assessment_from_dict(assessment_to_dict(keep), knowledge.bank, "test").target == "keep"


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"target": "skunkworks"}, "target", "valid targets: 'keep'"),
        ({"target": "Independent"}, "target", "is not a target"),
        (
            {"scenarios": [{"id": SID, "name": "x", "answers": {"q01": "q02a"}}]},
            "scenarios[0].answers.q01",
            "not an option",
        ),
        (
            {
                "scenarios": [
                    {
                        "id": SID,
                        "name": "x",
                        "answers": {"q03": {"mainly": "q03a", "partly": "q03b"}},
                    }
                ]
            },
            "scenarios[0].answers.q03",
            "takes one answer",
        ),
        ({"scenarios": [{"id": SID, "name": " ", "answers": {}}]}, "scenarios[0].name", ""),
        ({"scenarios": [{"id": "nope", "name": "x", "answers": {}}]}, "scenarios[0].id", ""),
        (
            {
                "scenarios": [
                    {"id": SID, "name": "x", "answers": {}},
                    {"id": SID, "name": "y", "answers": {}},
                ]
            },
            "scenarios[1].id",
            "earlier scenario",
        ),
        ({"scenarios": [{"id": SID, "name": "x", "answers": {}, "colour": 1}]}, "scenarios[0]", ""),
    ],
)
def test_bad_targets_and_scenarios_are_refused_with_their_field(knowledge, change, field, problem):
    record = {**assessment_to_dict(_assessment()), **change}
    with pytest.raises(AssessmentError) as error:
        assessment_from_dict(record, knowledge.bank, "record 1")
    assert error.value.field.startswith(field)
    assert problem in error.value.problem
    if field == "target" and "valid" in problem:
        for archetype in knowledge.catalog.archetype_ids:
            assert archetype in error.value.problem


def test_a_scenario_split_is_accepted_where_the_question_allows_it(knowledge):
    record = {
        **assessment_to_dict(_assessment()),
        "scenarios": [
            {"id": SID, "name": "Hybrid", "answers": {"q01": {"mainly": "q01d", "partly": "q01c"}}}
        ],
    }
    assessment = assessment_from_dict(record, knowledge.bank, "record 1")
    assert assessment.scenarios[0].answers == {"q01": Split("q01d", "q01c")}
