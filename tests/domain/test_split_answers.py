"""Split answers ("mainly X, partly Y") through validation, the quick store check, exchange
files and a real store file: accepted only where a question allows them, kept exactly."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
)
from mlorg_desktop.domain.exchange import exchange_csv, exchange_json, parse_exchange_bytes
from mlorg_desktop.domain.stored_record import _quick
from mlorg_desktop.store import AssessmentStore

ID = "5f0c1a9e-8d7b-4c3a-9e2f-1b2c3d4e5f60"


def _hybrid() -> Assessment:
    return Assessment(
        id=ID,
        organization="Riverside Health",
        questionnaire_version=2,
        answers={
            "q01": Split("q01c", "q01d"),
            "q02": "q02d",
            "q03": "dont_know",
            "q26": Split("q26d", "q26f"),
        },
        assessed_on="2026-12-01",
        created_at="2026-12-01T10:00:00Z",
        updated_at="2026-12-01T10:00:00Z",
    )


def test_split_is_written_as_an_object_and_read_back(knowledge):
    record = assessment_to_dict(_hybrid())
    assert record["answers"]["q01"] == {"mainly": "q01c", "partly": "q01d"}
    assert record["answers"]["q02"] == "q02d"
    assert assessment_from_dict(record, knowledge.bank, "t") == _hybrid()
    assert _quick(record, knowledge.bank) == _hybrid()


@pytest.mark.parametrize(
    ("question", "value", "problem"),
    [
        ("q03", {"mainly": "q03a", "partly": "q03b"}, "takes one answer, not mainly/partly"),
        ("q01", {"mainly": "q01c", "partly": "q01c"}, "two different options"),
        ("q01", {"mainly": "q01c", "partly": "q02d"}, "is not an option of this question"),
        ("q01", {"mainly": "q01c"}, 'must be an option id, dont_know, not_applicable or {"mainly"'),
        ("q01", {"mainly": "q01c", "partly": "q01d", "also": "q01a"}, "must be an option id"),
        ("q01", ["q01c", "q01d"], "must be an option id"),
    ],
)
def test_bad_splits_are_refused_with_the_field_named(knowledge, question, value, problem):
    record = assessment_to_dict(_hybrid())
    record["answers"][question] = value
    with pytest.raises(AssessmentError) as caught:
        assessment_from_dict(record, knowledge.bank, "record 1")
    assert caught.value.field == f"answers.{question}" and problem in caught.value.problem
    assert _quick(record, knowledge.bank) is None


def test_version_1_never_takes_a_split(knowledge, examples):
    record = assessment_to_dict(examples[0])
    record["answers"]["q01"] = {"mainly": "q01a", "partly": "q01b"}
    with pytest.raises(AssessmentError, match="not mainly/partly"):
        assessment_from_dict(record, knowledge.bank, "record 1")


_VALUES = st.sampled_from(
    [
        "q01c",
        "q01d",
        "dont_know",
        {"mainly": "q01c", "partly": "q01d"},
        {"mainly": "q01d", "partly": "q01d"},
        {"mainly": "q01c", "partly": 3},
        {"mainly": "q03a", "partly": "q03b"},
        {"partly": "q01d"},
        {},
    ]
)


def test_quick_and_full_agree_on_split_shapes(knowledge):
    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.dictionaries(st.sampled_from(["q01", "q03", "q26", "q99"]), _VALUES),
        st.sampled_from([1, 2]),
    )
    def check(answers, version):
        record = {
            **assessment_to_dict(_hybrid()),
            "answers": answers,
            "questionnaire_version": version,
        }
        try:
            full = assessment_from_dict(record, knowledge.bank, "t")
        except AssessmentError:
            full = None
        quick = _quick(record, knowledge.bank)
        assert quick is None or quick == full

    check()


def test_exchange_round_trip_and_csv(knowledge):
    text = exchange_json([_hybrid()])
    assert json.loads(text)["assessments"][0]["answers"]["q26"] == {
        "mainly": "q26d",
        "partly": "q26f",
    }
    back = parse_exchange_bytes(text.encode(), knowledge, "file").assessments
    assert list(back) == [_hybrid()]
    assert "mainly q01c, partly q01d" in exchange_csv([_hybrid()], knowledge)


def test_store_keeps_splits_across_reopen_twice(tmp_path, knowledge):
    path = tmp_path / "assessments.json"
    for round_ in range(2):
        store = AssessmentStore(path, knowledge.bank)
        if round_ == 0:
            store.save(_hybrid())
        assert store.get(ID).answers == _hybrid().answers
        store.close()
    raw = json.loads(path.read_text(encoding="utf-8"))
    (record,) = raw["assessments"].values()
    assert record["answers"]["q01"] == {"mainly": "q01c", "partly": "q01d"}
