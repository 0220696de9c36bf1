"""The tinydb store: round trips, atomic writes, failures that change nothing, migrations."""

from __future__ import annotations

import errno
import json
from dataclasses import replace
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import Assessment, new_id
from mlorg_desktop.store import (
    AssessmentStore,
    StoreDamagedError,
    StoreWriteError,
    atomic,
)
from mlorg_desktop.store.schema import CURRENT_SCHEMA


def _assessment(**changes) -> Assessment:
    base = Assessment(
        id=new_id(),
        organization="Acme Analytics",
        questionnaire_version=1,
        unit="Platform",
        respondent="Rosa",
        role="Head of Data",
        assessed_on="2026-11-02",
        notes="first pass",
        answers={"q01": "q01c", "q02": "dont_know"},
    )
    return replace(base, **changes)


def test_round_trip_through_a_new_instance(store, store_path, knowledge):
    saved = store.save(
        _assessment(notes="שלום — emoji 🚀\nsecond line", organization="Ünïcode Ltd")
    )
    store.close()
    reopened = AssessmentStore(store_path, knowledge.bank)
    again = reopened.get(saved.id)
    assert again == saved
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    assert raw["meta"]["1"]["schema_version"] == CURRENT_SCHEMA
    record = next(iter(raw["assessments"].values()))
    assert record["questionnaire_version"] == 1
    assert record["created_at"].endswith("Z") and record["id"] == saved.id


def test_update_replaces_answers_instead_of_merging(store):
    saved = store.save(_assessment())
    store.save(replace(saved, answers={"q03": "q03a"}))
    assert store.get(saved.id).answers == {"q03": "q03a"}
    assert len(store) == 1


def test_delete_and_restore(store, store_path, knowledge):
    saved = store.save(_assessment())
    removed = store.delete(saved.id)
    assert saved.id not in AssessmentStore(store_path, knowledge.bank)
    store.restore(removed)
    assert AssessmentStore(store_path, knowledge.bank).get(saved.id) == saved


def test_import_is_one_write_and_reports_existing_ids(store, examples, monkeypatch):
    writes = []
    real = atomic.write_atomic
    monkeypatch.setattr(
        atomic, "write_atomic", lambda p, b, **kw: (writes.append(p), real(p, b, **kw))
    )
    store.save(examples[0])
    writes.clear()
    report = store.import_many(examples)
    assert len(writes) == 1
    assert report.already_present == (examples[0].id,)
    assert len(report.added) == 14 and len(store) == 15


def test_failed_write_leaves_file_and_memory_unchanged(store, store_path, monkeypatch):
    saved = store.save(_assessment())
    before = store_path.read_bytes()

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(StoreWriteError, match="No space left"):
        store.save(replace(saved, organization="Renamed"))
    with pytest.raises(StoreWriteError):
        store.save(_assessment())
    monkeypatch.undo()
    assert store_path.read_bytes() == before
    leftovers = sorted(p.name for p in store_path.parent.iterdir())
    assert leftovers == [store_path.name, f"{store_path.name}.bak"]  # no temp files
    assert store.get(saved.id).organization == "Acme Analytics"
    assert len(store) == 1
    # The next successful write is built from the file, not from tinydb's half-applied change.
    store.save(_assessment(organization="Third"))
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    assert sorted(r["organization"] for r in raw["assessments"].values()) == [
        "Acme Analytics",
        "Third",
    ]


def test_write_goes_through_a_temp_file_and_replace(store, store_path, monkeypatch):
    store.save(_assessment())
    calls = []
    real_replace = atomic.os.replace
    monkeypatch.setattr(
        atomic.os,
        "replace",
        lambda a, b: (calls.append((Path(a).name, Path(b).name)), real_replace(a, b)),
    )
    store.save(_assessment())
    (backup_link, backup), (tmp_name, target) = calls
    assert target == store_path.name and tmp_name.endswith(".tmp") and tmp_name != target
    assert backup == f"{store_path.name}.bak" and backup_link.endswith(".bak.tmp")


def test_backup_holds_the_previous_good_state(store, store_path):
    store.save(_assessment(organization="First"))
    previous = store_path.read_bytes()
    store.save(_assessment(organization="Second"))
    backup = store_path.with_name(f"{store_path.name}.bak")
    assert backup.read_bytes() == previous


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{ not json",
        b"[1, 2]",
        b"\xff\xfe\x00garbage",
        b'{"assessments": {"1": {"id": "x"}}}',
        b'{"meta": []}',
        b'{"assessments": [1, 2]}',
        b'{"meta": {"1": {"schema_version": "two"}}}',
    ],
)
def test_damaged_store_is_refused_and_left_alone(store_path, knowledge, content):
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store_path.write_bytes(content)
    with pytest.raises(StoreDamagedError):
        AssessmentStore(store_path, knowledge.bank)
    assert store_path.read_bytes() == content


def test_migration_from_schema_1(store_path, knowledge):
    """A file in the first layout (date/team/questionnaire, no meta) is upgraded on open."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    old = {
        "assessments": {
            "1": {
                "id": "2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11",
                "organization": "Legacy GmbH",
                "team": "Forecasting",
                "respondent": "",
                "role": "",
                "date": "2024-05-06",
                "notes": "",
                "questionnaire": 1,
                "answers": {"q01": "q01b"},
            }
        }
    }
    store_path.write_text(json.dumps(old), encoding="utf-8")
    store = AssessmentStore(store_path, knowledge.bank)
    migrated = store.get("2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11")
    assert (migrated.unit, migrated.assessed_on, migrated.questionnaire_version) == (
        "Forecasting",
        "2024-05-06",
        1,
    )
    assert migrated.created_at == "2024-05-06T00:00:00Z"
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    assert raw["meta"]["1"]["schema_version"] == CURRENT_SCHEMA
    assert json.loads(store_path.with_name("assessments.json.schema1.bak").read_text()) == old


def test_newer_schema_opens_read_only(store_path, knowledge, examples):
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store = AssessmentStore(store_path, knowledge.bank)
    store.import_many(examples[:1])
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    raw["meta"]["1"]["schema_version"] = CURRENT_SCHEMA + 1
    store_path.write_text(json.dumps(raw), encoding="utf-8")
    before = store_path.read_bytes()
    newer = AssessmentStore(store_path, knowledge.bank)
    assert newer.read_only and len(newer) == 1
    with pytest.raises(Exception, match="newer version"):
        newer.save(examples[1])
    assert store_path.read_bytes() == before


def test_empty_organization_is_refused(store):
    with pytest.raises(ValueError, match="organization"):
        store.save(_assessment(organization="   "))
    assert len(store) == 0
