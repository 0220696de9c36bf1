"""Stores written before ids were canonical: re-spelled copies stay visible, spellings unify."""

from __future__ import annotations

import json

from mlorg_desktop.store import AssessmentStore

ID = "97cf1057-7986-508d-89e6-971de866a120"


def _record(id_: str, organization: str) -> dict:
    return {
        "id": id_,
        "organization": organization,
        "unit": "",
        "respondent": "",
        "role": "",
        "assessed_on": "2026-11-01",
        "notes": "",
        "questionnaire_version": 1,
        "answers": {"q01": "q01a"},
        "created_at": "2026-11-01T09:00:00Z",
        "updated_at": "2026-11-01T09:00:00Z",
    }


def _write(path, records) -> None:
    table = {str(i + 1): r for i, r in enumerate(records)}
    doc = {"meta": {"1": {"schema_version": 2}}, "assessments": table}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_an_upper_case_id_on_disk_is_the_canonical_id_in_memory(store_path, knowledge):
    _write(store_path, [_record(ID.upper(), "Quanta Labs")])
    store = AssessmentStore(store_path, knowledge.bank)
    try:
        assert ID in store and store.get(ID).organization == "Quanta Labs"
        assert [a.id for a in store.all()] == [ID]
    finally:
        store.close()


def test_two_spellings_of_one_id_on_disk_both_stay_visible(store_path, knowledge):
    for order in ([ID.upper(), ID], [ID, ID.upper()]):
        _write(store_path, [_record(order[0], "First copy"), _record(order[1], "Second copy")])
        store = AssessmentStore(store_path, knowledge.bank)
        try:
            assert sorted(a.organization for a in store.all()) == ["First copy", "Second copy"]
            assert store.get(ID).organization == ("Second copy" if order[1] == ID else "First copy")
            store.delete(ID.upper())  # the user removes the extra copy
            assert [a.id for a in store.all()] == [ID]
        finally:
            store.close()
