"""The questionnaire checksum a respondent form carries and an import checks.

Forms already handed out carry the shipped versions' checksums, so those are pinned as
literals: a change to how the checksum is made, or to what a shipped version asks, would make
every returned file unimportable. A small questionnaire's checksum is worked out here from its
canonical JSON, written by hand, so the test does not compare the code with itself."""

from __future__ import annotations

import copy
import hashlib
import json

import pytest

from mlorg_desktop.domain.bank_checksum import allows_split, questionnaire_checksum
from mlorg_desktop.domain.questionnaire import load_questionnaire

SHIPPED = {
    1: "sha256:ca0ff2cad7c1decc1ff757a783656510fd35de724faa0ff24ce939c8eefeba8f",
    2: "sha256:c497bf8429ee32d74748051b73881e18b8ab6547dfc3cef3e6db8432c7b14696",
}

SMALL = {
    "version": 9,
    "title": "Small",
    "instructions": "For tests.",
    "sections": [
        {
            "id": "s",
            "title": "S",
            "intro": "S.",
            "questions": [
                {
                    "id": "q1",
                    "text": "Who builds models?",
                    "allow_split": True,
                    "options": [
                        {"id": "q1a", "text": "Nobody — yet", "evidence": {"nascent": 3}},
                        {"id": "q1b", "text": "Researchers", "evidence": {"rnd": 3}},
                    ],
                },
                {
                    "id": "q2",
                    "text": "Who deploys them?",
                    "allow_not_applicable": True,
                    "options": [
                        {"id": "q2a", "text": "Product teams", "evidence": {"embedded": 2}},
                        {"id": "q2b", "text": "A central team", "evidence": {"independent": 2}},
                    ],
                },
            ],
        }
    ],
}

# Keys sorted, no spaces, non-ASCII kept as is; evidence weights are not part of it.
SMALL_CANONICAL = (
    '{"questions":['
    '{"id":"q1","not_applicable":false,"options":[["q1a","Nobody — yet"],["q1b","Researchers"]],'
    '"split":true,"text":"Who builds models?"},'
    '{"id":"q2","not_applicable":true,"options":[["q2a","Product teams"],["q2b","A central team"]],'
    '"split":false,"text":"Who deploys them?"}'
    '],"version":9}'
)


def _load(tmp_path, knowledge, doc):
    path = tmp_path / f"questionnaire-v{doc['version']}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_questionnaire(path, knowledge.catalog)


def test_the_shipped_versions_keep_the_checksums_their_forms_carry(knowledge):
    assert {v: questionnaire_checksum(q) for v, q in knowledge.bank.versions.items()} == SHIPPED


def test_checksum_of_the_canonical_questions_and_answers(tmp_path, knowledge):
    expected = "sha256:" + hashlib.sha256(SMALL_CANONICAL.encode("utf-8")).hexdigest()
    assert questionnaire_checksum(_load(tmp_path, knowledge, SMALL)) == expected


def _changed(path: tuple, value: object) -> dict:
    doc = copy.deepcopy(SMALL)
    target = doc["sections"][0]["questions"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ((0, "text"), "Who trains models?"),
        ((0, "options", 1, "text"), "Research staff"),
        ((0, "allow_split"), False),
        ((1, "allow_not_applicable"), False),
        ((1, "options", 0, "text"), "Prodüct teams"),
    ],
)
def test_what_was_asked_changes_the_checksum(tmp_path, knowledge, path, value):
    before = questionnaire_checksum(_load(tmp_path, knowledge, SMALL))
    assert questionnaire_checksum(_load(tmp_path, knowledge, _changed(path, value))) != before


def test_how_answers_are_read_does_not(tmp_path, knowledge):
    before = questionnaire_checksum(_load(tmp_path, knowledge, SMALL))
    reweighted = _changed((0, "options", 0, "evidence"), {"nascent": 1, "rnd": 1})
    assert questionnaire_checksum(_load(tmp_path, knowledge, reweighted)) == before


def test_split_is_read_by_name_and_defaults_to_no():
    class Old:  # a question object from before questionnaire v2 had the field
        pass

    class New:
        allow_split = 1

    assert allows_split(Old()) is False and allows_split(New()) is True
