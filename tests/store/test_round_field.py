"""The ``round`` label: migrated into schema-2 stores, saved, reloaded, exported and imported."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from mlorg_desktop.domain.assessment import AssessmentError, assessment_from_dict
from mlorg_desktop.domain.exchange import exchange_json, parse_exchange_bytes
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.store.schema import CURRENT_SCHEMA


def test_a_schema_2_store_gains_an_empty_round(store_path, knowledge):
    store_path.parent.mkdir(parents=True)
    record = {
        "id": "2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11",
        "organization": "Acme",
        "unit": "",
        "respondent": "",
        "role": "",
        "assessed_on": "2025-05-06",
        "notes": "",
        "questionnaire_version": 1,
        "answers": {"q01": "q01b"},
        "created_at": "2025-05-06T00:00:00Z",
        "updated_at": "2025-05-06T00:00:00Z",
    }
    old = {"meta": {"1": {"schema_version": 2}}, "assessments": {"1": record}}
    store_path.write_text(json.dumps(old), encoding="utf-8")
    store = AssessmentStore(store_path, knowledge.bank)
    assert store.get(record["id"]).round == ""
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    assert raw["meta"]["1"]["schema_version"] == CURRENT_SCHEMA
    assert raw["assessments"]["1"]["round"] == ""
    assert json.loads(store_path.with_name("assessments.json.schema2.bak").read_text()) == old
    store.close()


def test_round_is_kept_by_the_store_and_the_exchange_format(store, store_path, knowledge, examples):
    labelled = replace(examples[0], round="Spring 2026 survey")
    store.save(labelled)
    store.close()
    again = AssessmentStore(store_path, knowledge.bank)
    assert again.get(labelled.id).round == "Spring 2026 survey"
    text = exchange_json([again.get(labelled.id)])
    assert json.loads(text)["assessments"][0]["round"] == "Spring 2026 survey"
    back = parse_exchange_bytes(text.encode(), knowledge, "file.json").assessments[0]
    assert back.round == "Spring 2026 survey"
    again.close()


def test_a_bad_round_is_refused_with_its_field_named(knowledge, examples):
    from mlorg_desktop.domain.assessment import assessment_to_dict

    data = assessment_to_dict(examples[0])
    with pytest.raises(AssessmentError) as err:
        assessment_from_dict({**data, "round": "tab\there"}, knowledge.bank, "record 1")
    assert err.value.field == "round"
    with pytest.raises(AssessmentError, match="limit is 200"):
        assessment_from_dict({**data, "round": "x" * 201}, knowledge.bank, "record 1")
    with pytest.raises(AssessmentError, match="round"):
        assessment_from_dict({**data, "round": 3}, knowledge.bank, "record 1")
