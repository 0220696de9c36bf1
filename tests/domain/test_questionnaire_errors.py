"""What the questionnaire loader says about a damaged questionnaire file, word for word, and the
limits it keeps; each case is the shipped version 2 file with one thing changed by hand."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mlorg_desktop.domain.questionnaire import (
    Option,
    Question,
    QuestionnaireError,
    load_question_bank,
    load_questionnaire,
)
from mlorg_desktop.domain.validation import DataError, Reader

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "questionnaire" / "questionnaire-v2.json"
RAW = json.loads(SHIPPED.read_text(encoding="utf-8"))


def _written(tmp_path: Path, change: Callable[[dict], None], name: str = "questionnaire-v2.json"):
    doc = copy.deepcopy(RAW)
    change(doc)
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _refusal(path: Path, catalog) -> str:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path, catalog)
    return str(caught.value)


def _set(key: str, value):
    return lambda doc: doc.__setitem__(key, value)


def _naming(**fields):
    return lambda doc: doc["naming"].update(fields)


def test_version_and_naming_refusals_word_for_word(tmp_path, knowledge):
    catalog = knowledge.catalog
    path = _written(tmp_path, _set("version", 0))
    assert _refusal(path, catalog) == f"{path}: field 'version': must be 1 or more"
    path = _written(tmp_path, _naming(rule="majority"))
    assert _refusal(path, catalog) == (
        f"{path}: field 'naming.rule': must be 'coverage' or 'robust_lead'"
    )
    for floor in (0, 1.5, -0.2):
        path = _written(tmp_path, _naming(floor=floor))
        assert _refusal(path, catalog) == (
            f"{path}: field 'naming.floor': must be above 0 and at most 1"
        ), floor
    # The limits are inclusive of 1 and of anything above 0.
    for floor in (1, 0.01):
        loaded = load_questionnaire(_written(tmp_path, _naming(floor=floor)), catalog)
        assert loaded.naming.floor == floor


def test_repeated_and_reserved_ids_are_refused(tmp_path, knowledge):
    catalog = knowledge.catalog

    def second_question_is_q01(doc):
        doc["sections"][0]["questions"][1]["id"] = "q01"

    path = _written(tmp_path, second_question_is_q01)
    assert _refusal(path, catalog) == (
        f"{path}: field 'sections[0].questions[1].id': id 'q01' is used twice or reserved"
    )

    def option_named_like_dont_know(doc):
        doc["sections"][0]["questions"][0]["options"][0]["id"] = "dont_know"

    path = _written(tmp_path, option_named_like_dont_know)
    assert _refusal(path, catalog) == (
        f"{path}: field 'sections[0].questions[0].options[0].id': "
        "id 'dont_know' is used twice or reserved"
    )

    def one_option_only(doc):
        del doc["sections"][0]["questions"][0]["options"][1:]

    path = _written(tmp_path, one_option_only)
    assert _refusal(path, catalog) == (
        f"{path}: field 'sections[0].questions[0].options': needs at least 2 items"
    )

    def question_without_text(doc):
        del doc["sections"][0]["questions"][2]["text"]

    path = _written(tmp_path, question_without_text)  # the reader's own error, as ours
    assert _refusal(path, catalog) == f"{path}: field 'sections[0].questions[2].text': is missing"


def test_evidence_refusals_word_for_word(tmp_path, knowledge):
    catalog = knowledge.catalog
    where = "sections[0].questions[0].options[1].evidence"

    def evidence(value):
        return lambda doc: doc["sections"][0]["questions"][0]["options"][1].__setitem__(
            "evidence", value
        )

    path = _written(tmp_path, evidence({"unicorn": 2}))
    assert _refusal(path, catalog) == (
        f"{path}: field '{where}.unicorn': is not an archetype in the catalog"
    )
    for weight in (0, 10.5):
        path = _written(tmp_path, evidence({"rnd": weight}))
        assert _refusal(path, catalog) == (
            f"{path}: field '{where}.rnd': weight must be above 0 and at most 10, "
            f"got {float(weight)}"
        ), weight
    path = _written(tmp_path, evidence({"rnd": "high"}))
    assert _refusal(path, catalog) == f"{path}: field '{where}.rnd': expected a number, got text"


def test_position_refusals_word_for_word_and_the_top_weight_allowed(tmp_path, knowledge):
    catalog = knowledge.catalog
    option = "sections[0].questions[0].options[1]"

    def set_option(**fields):
        def change(doc):
            target = doc["sections"][0]["questions"][0]["options"][1]
            target.pop("evidence", None)
            target.update(fields)

        return change

    path = _written(tmp_path, set_option(positions={"height": 40}))
    assert _refusal(path, catalog) == (
        f"{path}: field '{option}.positions.height': is not a dimension in the catalog"
    )
    path = _written(tmp_path, set_option(positions={"data_ownership": 140}))
    assert _refusal(path, catalog) == (
        f"{path}: field '{option}.positions.data_ownership': must be between 0 and 100, got 140.0"
    )
    path = _written(tmp_path, set_option(positions={"data_ownership": None}))
    assert _refusal(path, catalog) == (
        f"{path}: field '{option}.positions.data_ownership': is missing"
    )
    path = _written(tmp_path, set_option())  # no evidence and no positions
    assert _refusal(path, catalog) == (
        f"{path}: field '{option}': carries neither evidence nor a dimension position"
    )
    loaded = load_questionnaire(
        _written(tmp_path, set_option(evidence={"rnd": 10}, positions={"data_ownership": 0})),
        catalog,
    )
    kept = loaded.question(RAW["sections"][0]["questions"][0]["id"]).options[1]
    assert (kept.evidence, kept.positions) == ({"rnd": 10.0}, {"data_ownership": 0.0})


def test_a_list_of_texts_needs_items_and_each_one_non_empty():
    reader = Reader({"traits": [], "tags": ["fast", "  "], "codes": ["a", 5]}, "catalog.json")
    with pytest.raises(DataError) as caught:
        reader.texts("traits")
    assert str(caught.value) == "catalog.json: field 'traits': needs at least 1 item"
    with pytest.raises(DataError) as caught:
        reader.texts("tags", min_items=3)
    assert str(caught.value) == "catalog.json: field 'tags': needs at least 3 items"
    for key in ("tags", "codes"):
        with pytest.raises(DataError) as caught:
            reader.texts(key)
        assert str(caught.value) == f"catalog.json: field '{key}[1]': expected non-empty text"
    assert Reader({"tags": ["fast", "kind"]}, "w").texts("tags") == ("fast", "kind")


def test_a_file_that_is_not_json_is_a_questionnaire_error(tmp_path, knowledge):
    path = tmp_path / "questionnaire-v2.json"
    path.write_text("{ not json", encoding="utf-8")
    message = _refusal(path, knowledge.catalog)
    assert message.startswith(f"{path}: ")


def test_the_bank_checks_file_names_and_needs_a_file(tmp_path, knowledge):
    catalog = knowledge.catalog
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(QuestionnaireError) as caught:
        load_question_bank(empty, catalog)
    assert str(caught.value) == f"{empty}: field '(folder)': holds no questionnaire-vN.json file"
    misnamed = tmp_path / "misnamed"
    misnamed.mkdir()
    path = _written(misnamed, lambda doc: None, name="questionnaire-v3.json")
    with pytest.raises(QuestionnaireError) as caught:
        load_question_bank(misnamed, catalog)
    assert str(caught.value) == f"{path}: field 'version': is 2 but the file name says 3"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(SHIPPED, good / SHIPPED.name)
    # A draft beside it matches the glob but not the name rule: skipped, and the files after
    # it (in name order) still load.
    (good / "questionnaire-v0-draft.json").write_text("{ not json", encoding="utf-8")
    assert list(load_question_bank(good, catalog).versions) == [2]


def test_loaded_texts_are_the_files_texts(knowledge):
    loaded = load_questionnaire(SHIPPED, knowledge.catalog)
    assert loaded.instructions == RAW["instructions"]
    assert [s.intro for s in loaded.sections] == [s["intro"] for s in RAW["sections"]]
    assert [s.title for s in loaded.sections] == [s["title"] for s in RAW["sections"]]


def test_the_top_weight_of_an_archetype_may_be_below_one():
    """max_evidence is the largest weight each archetype gets from any option (weights may be
    as small as just above 0): here 0.5 for R&D and 2 for Nascent, from different options."""
    question = Question(
        id="q",
        text="?",
        options=(
            Option("a", "A", {"rnd": 0.5}, {}),
            Option("b", "B", {"rnd": 0.25, "nascent": 2.0}, {}),
        ),
        allow_not_applicable=False,
        section_id="s",
    )
    assert question.max_evidence == {"rnd": 0.5, "nascent": 2.0}
