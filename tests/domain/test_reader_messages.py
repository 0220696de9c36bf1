"""What a data file says when an object is expected and something else is there, word for word:
the message names the JSON type that was found."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import (
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
)
from mlorg_desktop.domain.questionnaire import load_questionnaire
from mlorg_desktop.domain.validation import DataError

ROOT = Path(__file__).resolve().parents[2]
RAW = json.loads((ROOT / "resources" / "questionnaire" / "questionnaire-v2.json").read_text())


def _refusal(tmp_path: Path, doc: object, catalog) -> str:
    path = tmp_path / "questionnaire-v2.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_questionnaire(path, catalog)
    return str(caught.value).removeprefix(f"{path}: ")


def test_a_list_instead_of_the_whole_document(tmp_path, knowledge):
    refusal = _refusal(tmp_path, ["version", 2], knowledge.catalog)
    assert refusal == "field '(top level)': expected an object, got a list"


def test_text_instead_of_an_option(tmp_path, knowledge):
    doc = copy.deepcopy(RAW)
    doc["sections"][0]["questions"][1]["options"][2] = "q02c"
    refusal = _refusal(tmp_path, doc, knowledge.catalog)
    assert refusal == "field 'sections[0].questions[1].options[2]': expected an object, got text"


def test_a_number_instead_of_the_naming_rules(tmp_path, knowledge):
    doc = copy.deepcopy(RAW)
    doc["naming"] = 3
    refusal = _refusal(tmp_path, doc, knowledge.catalog)
    assert refusal == "field 'naming': expected an object, got a whole number"


def test_an_answer_keyed_by_a_superscript_digit_is_refused_in_words(knowledge, examples):
    """ "²" counts as a digit for str.isdigit() but is no index: the record is refused with the
    field named, never a ValueError from int("²") (found by test_quick_and_full_agree)."""
    record = assessment_to_dict(examples[0])
    record["answers"] = {"\u00b2": None}
    with pytest.raises(AssessmentError) as caught:
        assessment_from_dict(record, knowledge.bank, "test")
    assert str(caught.value) == (
        "test: field 'answers.\u00b2': must be an option id, dont_know, not_applicable or "
        '{"mainly": option id, "partly": option id}'
    )
