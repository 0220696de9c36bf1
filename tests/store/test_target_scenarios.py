"""Schema 4: targets and scenarios migrated into schema-3 files, saved, reopened, exported."""

from __future__ import annotations

import json
from dataclasses import replace

from mlorg_desktop.domain.exchange import exchange_json, parse_exchange_bytes
from mlorg_desktop.domain.scenario import Scenario, with_scenario, without_scenario
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.store.schema import CURRENT_SCHEMA

AID = "2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11"
SID = "7c0e9a4b-3d2f-4e1a-9b8c-0a1b2c3d4e5f"
STAMP = "2026-11-28T10:00:00Z"


def _v3_record() -> dict:
    return {
        "id": AID,
        "organization": "Acme",
        "unit": "Payments",
        "respondent": "",
        "role": "",
        "assessed_on": "2025-05-06",
        "notes": "",
        "questionnaire_version": 2,
        "answers": {"q01": "q01c", "q14": {"mainly": "q14d", "partly": "q14b"}},
        "created_at": "2025-05-06T00:00:00Z",
        "updated_at": "2025-05-06T00:00:00Z",
        "round": "Spring",
    }


def test_a_schema_3_file_gains_an_empty_target_and_no_scenarios(store_path, knowledge):
    store_path.parent.mkdir(parents=True)
    old = {"meta": {"1": {"schema_version": 3}}, "assessments": {"1": _v3_record()}}
    store_path.write_text(json.dumps(old), encoding="utf-8")
    store = AssessmentStore(store_path, knowledge.bank)
    try:
        migrated = store.get(AID)
        assert (migrated.target, migrated.scenarios, migrated.round) == ("", (), "Spring")
        assert migrated.answers["q01"] == "q01c"
    finally:
        store.close()
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    assert CURRENT_SCHEMA == 4 and raw["meta"]["1"]["schema_version"] == 4
    record = next(iter(raw["assessments"].values()))
    assert record["target"] == "" and record["scenarios"] == []
    assert store_path.with_name(f"{store_path.name}.schema3.bak").exists()


def test_targets_and_scenarios_round_trip_and_never_change_the_answers(store_path, knowledge):
    store_path.parent.mkdir(parents=True)
    old = {"meta": {"1": {"schema_version": 3}}, "assessments": {"1": _v3_record()}}
    store_path.write_text(json.dumps(old), encoding="utf-8")
    store = AssessmentStore(store_path, knowledge.bank)
    saved_answers = dict(store.get(AID).answers)
    scenario = Scenario(SID, "Central group", {"q01": "q01d", "q14": "q14e"}, STAMP, STAMP)
    store.save(with_scenario(replace(store.get(AID), target="independent"), scenario))
    second = Scenario(SID.replace("7c", "8c", 1), "Keep it lean", {"q01": "q01c"}, STAMP, STAMP)
    store.save(with_scenario(store.get(AID), second))
    store.close()
    for _ in range(2):  # reopened twice: the quick path and what it writes agree
        store = AssessmentStore(store_path, knowledge.bank)
        kept = store.get(AID)
        assert kept.target == "independent"
        assert [s.name for s in kept.scenarios] == ["Central group", "Keep it lean"]
        assert kept.scenarios[0].answers == {"q01": "q01d", "q14": "q14e"}
        assert kept.answers == saved_answers
        store.save(kept)
        store.close()
    store = AssessmentStore(store_path, knowledge.bank)
    store.save(without_scenario(store.get(AID), SID))
    assert [s.name for s in store.get(AID).scenarios] == ["Keep it lean"]
    exported = exchange_json([store.get(AID)])
    store.close()
    back = parse_exchange_bytes(exported.encode(), knowledge, "export.json").assessments[0]
    assert back.target == "independent" and back.answers == saved_answers
    assert back.scenarios == store.get(AID).scenarios
