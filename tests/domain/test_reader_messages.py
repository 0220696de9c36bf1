"""What a data file says when an object is expected and something else is there, word for word:
the message names the JSON type that was found."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

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
