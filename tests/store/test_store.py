"""The tinydb store: round trips, atomic writes, failures that change nothing, migrations."""

from __future__ import annotations

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
from tests.fault_tools import fill, tiny_disk


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
        atomic, "write_atomic", lambda p, b, **kw: writes.append(p) or real(p, b, **kw)
    )
    store.save(examples[0])
    writes.clear()
    report = store.import_many(examples)
    assert writes.count(store.path) == 1
    assert report.already_present == (examples[0].id,)
    assert len(report.added) == 14 and len(store) == 15


def test_failed_write_leaves_file_and_memory_unchanged(tmp_path, knowledge):
    """A real full disk (a small tmpfs), not a patched call: the failed saves change
    neither the file nor memory, leave no temporary file, and the next save works."""
    with tiny_disk(tmp_path / "disk", 96) as disk:
        store_path = disk / "assessments.json"
        store = AssessmentStore(store_path, knowledge.bank)
        saved = store.save(_assessment())
        before = store_path.read_bytes()
        fill(disk, leave_bytes=2048)
        with pytest.raises(StoreWriteError, match="No space left"):
            store.save(replace(saved, organization="Renamed", notes="x" * 19_000))
        with pytest.raises(StoreWriteError):
            store.save(_assessment(notes="y" * 19_000))
        assert store_path.read_bytes() == before
        leftovers = sorted(p.name for p in disk.iterdir())
        # The trust note still names the file on disk (store.trust).
        assert leftovers == [
            f".{store_path.name}.trust",
            store_path.name,
            f"{store_path.name}.bak",
            "filler",
        ]
        assert store.get(saved.id).organization == "Acme Analytics"
        assert len(store) == 1
        (disk / "filler").unlink()  # space again
        # The next successful write is built from the file, not from tinydb's half-applied
        # change.
        store.save(_assessment(organization="Third"))
        raw = json.loads(store_path.read_text(encoding="utf-8"))
        assert sorted(r["organization"] for r in raw["assessments"].values()) == [
            "Acme Analytics",
            "Third",
        ]
        store.close()


_SAVE_ONCE = """
import sys
from pathlib import Path
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore
from tests.store.test_store import _assessment
store = AssessmentStore(Path(sys.argv[1]), load_knowledge(resources_dir()).bank)
print("saving", flush=True)
store.save(_assessment(organization="Traced"))
"""


def test_a_save_reaches_the_disk_in_the_order_a_power_cut_needs(store, store_path, examples):
    """Read from the system calls a real save makes (strace): the new bytes are fsynced
    before the rename over the store, and the folder is fsynced after it, so after a power
    cut the folder holds either the old file or the complete new one."""
    import subprocess
    import sys

    from tests.x_tools import need

    store.save(examples[0])
    store.close()
    trace = store_path.parent / "trace"
    subprocess.run(
        [need("strace"), "-f", "-qq", "-o", str(trace), "-e", "trace=openat,fsync,rename"]
        + [sys.executable, "-c", _SAVE_ONCE, str(store_path)],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    calls = [line.split(None, 1)[1] for line in trace.read_text().splitlines()]
    folder, name = str(store_path.parent), store_path.name
    tmp = f"{folder}/.{name}.tmp"
    opened = next(i for i, c in enumerate(calls) if c.startswith(f'openat(AT_FDCWD, "{tmp}"'))
    tmp_fd = calls[opened].rsplit("= ", 1)[1]
    renamed = calls.index(f'rename("{tmp}", "{folder}/{name}") = 0')
    assert any(c.replace(" ", "") == f"fsync({tmp_fd})=0" for c in calls[opened:renamed])
    after = calls[renamed + 1 :]
    folder_open = next(
        i for i, c in enumerate(after) if c.startswith(f'openat(AT_FDCWD, "{folder}", O_RDONLY')
    )
    folder_fd = after[folder_open].rsplit("= ", 1)[1]
    assert any(c.replace(" ", "") == f"fsync({folder_fd})=0" for c in after[folder_open:])


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
    (backup_link, backup), (tmp_name, target), (note_tmp, note) = calls
    assert target == store_path.name and tmp_name.endswith(".tmp") and tmp_name != target
    assert backup == f"{store_path.name}.bak" and backup_link.endswith(".bak.tmp")
    assert note == f".{store_path.name}.trust" and note_tmp == f".{note}.tmp"  # after the store


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
