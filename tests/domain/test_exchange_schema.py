"""The published JSON Schema is the importer's definition of structure: one corpus, one verdict.

Every file below is judged three ways: by the reference validator (jsonschema, as anyone
reading the published schema would), by the app's own compiled schema (fastjsonschema), and
by the importer. Structural cases must get the same verdict from all three; the few things a
schema cannot say (MEANING) are valid to the schema and refused by the importer.
"""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from mlorg_desktop.domain.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ExchangeError,
    exchange_document,
    parse_exchange_document,
)
from mlorg_desktop.domain.exchange_schema import load_schema, schema_path

FIRST = ("assessments", 0)
SCENARIO = "6b1d0c52-8f3e-4a7b-9c21-3e5f7a9b0d14"


def _set(path, value):
    def change(doc):
        target = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _record(field, value):
    return _set((*FIRST, field), value)


def _drop(field):
    return lambda doc: doc["assessments"][0].pop(field)


# name -> (change, valid?)
STRUCTURE = {
    "the demo file as shipped": (lambda d: None, True),
    # The eight cases on which the old hand validator and the schema disagreed:
    "version written as 1.0": (_record("questionnaire_version", 1.0), True),
    "format_version written as 1.0": (_set(("format_version",), 1.0), True),
    "lower-case t and z in a timestamp": (_record("created_at", "2026-11-27t09:00:00z"), False),
    "unit null": (_record("unit", None), True),
    "id in braces": (lambda d: _record("id", "{" + d["assessments"][0]["id"] + "}")(d), True),
    "id without hyphens": (
        lambda d: _record("id", d["assessments"][0]["id"].replace("-", ""))(d),
        True,
    ),
    "id in upper case": (lambda d: _record("id", d["assessments"][0]["id"].upper())(d), True),
    "timestamp without a zone": (_record("updated_at", "2026-11-27T09:00:00"), False),
    "C0 control character in a name": (_record("unit", "a\x01b"), False),
    "C1 control character in a name": (_record("role", "a\x85b"), False),
    "C0 control character in notes": (_record("notes", "a\x07b"), False),
    "C1 control character in notes": (_record("notes", "a\x9bb"), False),
    # and more:
    "line breaks and tabs in notes": (_record("notes", "one\ntwo\r\n\tthree"), True),
    "trailing line break in the organization": (_record("organization", "Quanta\n"), False),
    "trailing line break in the date": (_record("assessed_on", "2026-11-27\n"), False),
    "non-ASCII digits in the date": (_record("assessed_on", "٢٠٢٦-١١-٢٧"), False),
    "basic-format date": (_record("assessed_on", "20261127"), False),
    "blank organization": (_record("organization", "  "), False),
    "missing organization": (_drop("organization"), False),
    "missing answers": (_drop("answers"), False),
    "no timestamps at all": (lambda d: (_drop("created_at")(d), _drop("updated_at")(d)), True),
    "timestamp with an offset and fraction": (
        _record("created_at", "2026-11-27T09:00:00.250+01:00"),
        True,
    ),
    "201-character respondent": (_record("respondent", "x" * 201), False),
    "200-character respondent": (_record("respondent", "x" * 200), True),
    "20,001-character notes": (_record("notes", "x" * 20_001), False),
    "questionnaire version as text": (_record("questionnaire_version", "1"), False),
    "questionnaire version 1.5": (_record("questionnaire_version", 1.5), False),
    "questionnaire version true": (_record("questionnaire_version", True), False),
    "questionnaire version 0": (_record("questionnaire_version", 0), False),
    "answer not text": (lambda d: d["assessments"][0]["answers"].__setitem__("q01", 3), False),
    "answer key not a question id": (
        lambda d: d["assessments"][0]["answers"].__setitem__("x1", "q01a"),
        False,
    ),
    "id not a UUID": (_record("id", "abc"), False),
    "id missing one hyphen": (
        lambda d: _record("id", d["assessments"][0]["id"].replace("-", "", 1))(d),
        False,
    ),
    "wrong format name": (_set(("format",), "other"), False),
    "future format version": (_set(("format_version",), 9), False),
    "assessments not a list": (_set(("assessments",), {}), False),
    "record not an object": (_set(FIRST, "a record"), False),
    "empty list of assessments": (_set(("assessments",), []), True),
    "exported_at not a timestamp": (_set(("exported_at",), "yesterday"), False),
    # Targets and what-if scenarios (optional; schema 4 of the store):
    "target null": (_record("target", None), True),
    "target keep": (_record("target", "keep"), True),
    "target not text": (_record("target", 3), False),
    "target in capitals": (_record("target", "Independent"), False),
    "scenarios null": (_record("scenarios", None), True),
    "scenarios not a list": (_record("scenarios", {}), False),
    "a valid scenario": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {"q01": "q01a"}}]),
        True,
    ),
    "a scenario without a name": (_record("scenarios", [{"id": SCENARIO, "answers": {}}]), False),
    "a scenario with a blank name": (
        _record("scenarios", [{"id": SCENARIO, "name": " ", "answers": {}}]),
        False,
    ),
    "a scenario with a field of its own": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {}, "colour": "red"}]),
        False,
    ),
    "a scenario answer not text": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {"q01": 3}}]),
        False,
    ),
    "101 scenarios": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {}}] * 101),
        False,
    ),
}
TOP_LEVEL = {
    "wrong format name",
    "future format version",
    "assessments not a list",
    "exported_at not a timestamp",
}

# valid to any schema validator; refused by the importer, naming this field
MEANING = {
    "option of another question": (
        lambda d: d["assessments"][0]["answers"].__setitem__("q01", "q02a"),
        "answers.q01",
    ),
    "question not in the questionnaire": (
        lambda d: d["assessments"][0]["answers"].__setitem__("q99", "q99a"),
        "answers.q99",
    ),
    "questionnaire version not shipped": (
        _record("questionnaire_version", 7),
        "questionnaire_version",
    ),
    "impossible calendar date": (_record("assessed_on", "2026-02-30"), "assessed_on"),
    "impossible time": (_record("created_at", "2026-11-27T25:00:00Z"), "created_at"),
    "one id twice in two spellings": (
        lambda d: _set(("assessments", 1, "id"), d["assessments"][0]["id"].upper())(d),
        "id",
    ),
    "target not an archetype": (_record("target", "skunkworks"), "target"),
    "scenario answer of another question": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {"q01": "q02a"}}]),
        "scenarios[0].answers.q01",
    ),
    "one scenario id twice": (
        _record("scenarios", [{"id": SCENARIO, "name": "x", "answers": {}}] * 2),
        "scenarios[1].id",
    ),
}


@pytest.fixture(scope="module")
def reference():
    return jsonschema.Draft7Validator(json.loads(schema_path().read_text(encoding="utf-8")))


@pytest.fixture
def valid_doc(resources) -> dict:
    return json.loads((resources / "examples" / "demo-assessments.json").read_text())


def _importer(doc, knowledge) -> ExchangeError | None:
    try:
        parse_exchange_document(doc, knowledge, "corpus.json")
    except ExchangeError as exc:
        return exc
    return None


def _mutated(doc, change):
    doc = copy.deepcopy(doc)
    change(doc)
    return doc


def test_the_schema_itself_is_a_valid_draft_7_schema():
    jsonschema.Draft7Validator.check_schema(load_schema())


@pytest.mark.parametrize("name", sorted(STRUCTURE))
def test_schema_and_importer_give_the_same_verdict(name, valid_doc, knowledge, reference):
    change, valid = STRUCTURE[name]
    doc = _mutated(valid_doc, change)
    assert reference.is_valid(doc) is valid, list(reference.iter_errors(doc))[:1]
    error = _importer(doc, knowledge)
    assert (error is None) is valid, error
    if error is not None:
        assert error.where.startswith("corpus.json")
        assert error.field and error.problem
        if name not in TOP_LEVEL:
            assert "assessment #1" in error.where, error


@pytest.mark.parametrize("name", sorted(MEANING))
def test_what_a_schema_cannot_say_is_checked_by_the_importer(name, valid_doc, knowledge, reference):
    change, field = MEANING[name]
    doc = _mutated(valid_doc, change)
    assert reference.is_valid(doc)
    error = _importer(doc, knowledge)
    assert error is not None and error.field == field, error
    assert "corpus.json: assessment #" in error.where


def test_what_the_app_writes_is_valid_to_the_reference_validator(examples, reference):
    document = exchange_document(examples)
    assert document["format"] == FORMAT_NAME and document["format_version"] == FORMAT_VERSION
    reference.validate(json.loads(json.dumps(document)))
