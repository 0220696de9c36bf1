"""Schema migrations on raw documents, with the expected result written out by hand."""

from __future__ import annotations

from mlorg_desktop.store.schema import migrate, schema_version


def test_v1_records_get_the_v2_names_and_timestamps():
    v1 = {
        "assessments": {
            "1": {"organization": "Acme", "date": "2024-05-06", "team": "Risk", "questionnaire": 1},
            "2": {"organization": "Beta", "created_at": "2024-01-01T08:00:00Z"},
        }
    }
    assert schema_version(v1) == 1
    assert migrate(v1, 1) == {
        "assessments": {
            "1": {
                "organization": "Acme",
                "assessed_on": "2024-05-06",
                "unit": "Risk",
                "questionnaire_version": 1,
                "created_at": "2024-05-06T00:00:00Z",
                "updated_at": "2024-05-06T00:00:00Z",
                "round": "",  # schema 3: grouped into rounds by date
                "target": "",  # schema 4: no target chosen
                "scenarios": [],  # schema 4: no what-if scenarios
            },
            "2": {
                "organization": "Beta",
                "assessed_on": "",
                "unit": "",
                "questionnaire_version": 1,
                "created_at": "2024-01-01T08:00:00Z",
                "updated_at": "T00:00:00Z",  # no date to stamp from: validation refuses it
                "round": "",
                "target": "",
                "scenarios": [],
            },
        },
        "meta": {"1": {"schema_version": 4}},
    }


def test_a_v1_document_without_records_migrates_to_an_empty_table():
    assert migrate({"other": {}}, 1) == {
        "other": {},
        "assessments": {},
        "meta": {"1": {"schema_version": 4}},
    }
