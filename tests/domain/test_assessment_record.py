"""The assessment record itself: its label, a re-assessment copy, timestamps, and where an
error is reported. Expected values written out by hand."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest

from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_from_dict,
    utc_now_iso,
    validate_fields,
)
from mlorg_desktop.domain.stored_record import stored_assessment

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _record(**changes):
    record = {
        "id": "00000000-0000-4000-8000-000000000007",
        "organization": "Acme",
        "unit": "Risk",
        "respondent": "Rosa",
        "role": "CTO",
        "assessed_on": "2025-03-04",
        "notes": "",
        "questionnaire_version": 1,
        "answers": {"q01": "q01b"},
        "created_at": "2025-03-04T09:00:00Z",
        "updated_at": "2025-03-05T09:00:00Z",
    }
    record.update(changes)
    return record


def test_label_names_organization_unit_respondent_and_date():
    a = Assessment(id="x", organization="Acme", questionnaire_version=1, assessed_on="2025-03-04")
    assert a.label == "Acme (2025-03-04)"
    b = Assessment(
        id="x",
        organization="Acme",
        questionnaire_version=1,
        unit="Risk",
        respondent="Rosa",
        assessed_on="2025-03-04",
    )
    assert b.label == "Acme · Risk · Rosa (2025-03-04)"


def test_timestamps_are_whole_seconds_in_utc():
    assert STAMP.fullmatch(utc_now_iso())


def test_reassessment_is_a_new_record_dated_today_with_the_same_answers(knowledge):
    before = assessment_from_dict(_record(), knowledge.bank, "test")
    again = before.reassessed(date(2026, 5, 6))
    assert again.id != before.id and uuid.UUID(again.id).version == 4
    assert again.assessed_on == "2026-05-06"
    assert STAMP.fullmatch(again.created_at) and again.created_at == again.updated_at
    assert again.created_at != before.created_at
    assert again.answers == {"q01": "q01b"} and again.answers is not before.answers
    assert (again.organization, again.unit, again.respondent, again.role) == (
        "Acme",
        "Risk",
        "Rosa",
        "CTO",
    )
    assert before.reassessed().assessed_on == date.today().isoformat()


def test_a_record_without_timestamps_gets_them_and_a_present_one_is_kept(knowledge):
    record = _record()
    del record["created_at"], record["updated_at"]
    a = assessment_from_dict(record, knowledge.bank, "test")
    assert STAMP.fullmatch(a.created_at) and STAMP.fullmatch(a.updated_at)
    kept = assessment_from_dict(_record(), knowledge.bank, "test")
    assert (kept.created_at, kept.updated_at) == ("2025-03-04T09:00:00Z", "2025-03-05T09:00:00Z")
    with pytest.raises(AssessmentError) as caught:
        assessment_from_dict(_record(created_at="yesterday"), knowledge.bank, "test")
    assert caught.value.field == "created_at"


def test_a_stored_record_that_fails_is_reported_where_it_is(knowledge):
    with pytest.raises(AssessmentError) as caught:
        stored_assessment(_record(answers={"q01": "nope"}), knowledge.bank, "store: record 3")
    assert caught.value.where == "store: record 3"
    assert caught.value.field == "answers.q01"


def test_optional_fields_may_be_missing_and_read_as_empty(knowledge):
    record = _record()
    for name in ("unit", "respondent", "role", "notes"):
        del record[name]
    a = assessment_from_dict(record, knowledge.bank, "test")
    assert (a.unit, a.respondent, a.role, a.notes) == ("", "", "", "")
    nulls = assessment_from_dict(
        _record(unit=None, respondent=None, role=None, notes=None), knowledge.bank, "test"
    )
    assert (nulls.unit, nulls.respondent, nulls.role, nulls.notes) == ("", "", "", "")


_GOOD = dict(
    id="00000000-0000-4000-8000-000000000007",
    organization="Acme",
    questionnaire_version=1,
    answers={"q01": "q01b"},
    assessed_on="2025-03-04",
    created_at="2025-03-04T09:00:00Z",
    updated_at="2025-03-04T09:00:00Z",
)


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (
            {"id": "abc"},
            "id",
            "'abc' is not a UUID (upper or lower case; hyphens, braces and a urn:uuid: "
            "prefix optional)",
        ),
        ({"organization": "  "}, "organization", "is required and must not be blank"),
        ({"unit": "u" * 201}, "unit", "is 201 characters long; the limit is 200"),
        ({"respondent": "a\tb"}, "respondent", "contains a control character"),
        ({"role": "a\x7fb"}, "role", "contains a control character"),
        ({"notes": "n" * 20_001}, "notes", "is 20001 characters long; the limit is 20000"),
        ({"notes": "bell\x07"}, "notes", "contains a control character"),
        (
            {"assessed_on": "2025-02-30"},
            "assessed_on",
            "'2025-02-30' is not a date like 2026-11-27",
        ),
        (
            {"created_at": "soon"},
            "created_at",
            "'soon' is not an ISO 8601 timestamp with a zone, like 2026-11-27T09:00:00Z",
        ),
        # Well formed but no real month: the calendar check's words.
        ({"updated_at": "2025-13-01T00:00:00Z"}, "updated_at", "is not an ISO 8601 timestamp"),
        (
            {"answers": {"q99": "q99a"}},
            "answers.q99",
            "no such question in questionnaire version 1",
        ),
        ({"answers": {"q01": "q02a"}}, "answers.q01", "'q02a' is not an option of this question"),
    ],
)
def test_each_rule_names_its_field_and_problem(knowledge, change, field, problem):
    """The words a user reads in an error, one invalid field at a time."""
    with pytest.raises(AssessmentError) as caught:
        validate_fields(Assessment(**{**_GOOD, **change}), knowledge.bank, "here")
    assert (caught.value.where, caught.value.field, caught.value.problem) == (
        "here",
        field,
        problem,
    )


def test_an_unknown_questionnaire_version_is_named(knowledge):
    with pytest.raises(AssessmentError) as caught:
        validate_fields(Assessment(**{**_GOOD, "questionnaire_version": 9}), knowledge.bank, "x")
    assert caught.value.field == "questionnaire_version"
    assert "9" in caught.value.problem and caught.value.problem != "None"


def test_limits_are_inclusive(knowledge):
    validate_fields(
        Assessment(**{**_GOOD, "organization": "o" * 200, "notes": "n\tn\n" + "n" * 19_996}),
        knowledge.bank,
        "here",
    )
