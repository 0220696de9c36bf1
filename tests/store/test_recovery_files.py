"""Recovering from a damaged store, on real files: moving it aside under a name that never
overwrites an earlier one, finding a usable backup, restoring it, and the report's words."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.store.recovery import (
    BackupInfo,
    damage_report,
    move_aside,
    restore_backup,
    usable_backup,
)
from tests.store.test_store import _assessment

NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def test_move_aside_keeps_the_bytes_under_a_stamped_name(tmp_path):
    store_path = tmp_path / "assessments.json"
    store_path.write_bytes(b"damaged {")
    moved = move_aside(store_path, now=NOW)
    assert moved == tmp_path / "assessments.json.damaged-20260304T050607Z"
    assert moved.read_bytes() == b"damaged {"
    assert sorted(p.name for p in tmp_path.iterdir()) == [moved.name]


def test_move_aside_twice_in_one_second_never_overwrites(tmp_path):
    store_path = tmp_path / "assessments.json"
    names = []
    for content in (b"first", b"second", b"third"):
        store_path.write_bytes(content)
        names.append(move_aside(store_path, now=NOW).name)
    stamp = "assessments.json.damaged-20260304T050607Z"
    assert names == [stamp, f"{stamp}-2", f"{stamp}-3"]
    assert [(tmp_path / n).read_bytes() for n in names] == [b"first", b"second", b"third"]
    assert not store_path.exists()


@pytest.fixture
def far_from_utc(monkeypatch):
    """Local time five and a half hours ahead of UTC, so a stamp in local time shows."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_move_aside_without_a_clock_uses_the_current_utc_time(tmp_path, far_from_utc):
    store_path = tmp_path / "assessments.json"
    store_path.write_bytes(b"x")
    before = datetime.now(UTC).replace(microsecond=0)
    moved = move_aside(store_path)
    after = datetime.now(UTC)
    stamp = moved.name.removeprefix("assessments.json.damaged-")
    when = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= when <= after


def _store_bytes(folder: Path, knowledge, count: int) -> bytes:
    """The bytes of a good store holding ``count`` assessments, built in its own folder."""
    folder.mkdir()
    store = AssessmentStore(folder / "built.json", knowledge.bank)
    for _ in range(count):
        store.save(_assessment())
    store.close()
    return (folder / "built.json").read_bytes()


def test_no_backup_file_means_no_usable_backup(tmp_path, knowledge):
    store_path = tmp_path / "assessments.json"
    store_path.write_bytes(_store_bytes(tmp_path / "built", knowledge, 1))
    assert usable_backup(store_path, knowledge.bank) is None


def test_a_backup_that_is_a_folder_is_not_usable(tmp_path, knowledge):
    store_path = tmp_path / "assessments.json"
    store_path.write_bytes(b"damaged")
    (tmp_path / "assessments.json.bak").mkdir()
    assert usable_backup(store_path, knowledge.bank) is None


def test_a_damaged_backup_is_not_offered(tmp_path, knowledge):
    store_path = tmp_path / "assessments.json"
    store_path.write_bytes(b"damaged")
    (tmp_path / "assessments.json.bak").write_bytes(b"not json")
    assert usable_backup(store_path, knowledge.bank) is None


def test_a_good_backup_reports_its_count_and_when_it_was_saved(tmp_path, knowledge, far_from_utc):
    store_path = tmp_path / "assessments.json"
    backup = tmp_path / "assessments.json.bak"
    backup.write_bytes(_store_bytes(tmp_path / "built", knowledge, 2))
    store_path.write_bytes(b"damaged")
    stamp = datetime(2026, 3, 4, 5, 6, 59, tzinfo=UTC).timestamp()
    os.utime(backup, (stamp, stamp))
    info = usable_backup(store_path, knowledge.bank)
    assert info == BackupInfo(path=backup, assessments=2, saved_at="2026-03-04 05:06 UTC")
    # Opened read-only: the backup is not rewritten and nothing appears beside it.
    assert backup.stat().st_mtime == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "assessments.json",
        "assessments.json.bak",
        "built",
    ]


def test_restore_makes_the_backup_the_store_and_keeps_the_backup(tmp_path, knowledge):
    store_path = tmp_path / "assessments.json"
    backup = tmp_path / "assessments.json.bak"
    good = _store_bytes(tmp_path / "built", knowledge, 3)
    backup.write_bytes(good)
    store_path.write_bytes(b"damaged")
    restore_backup(store_path, usable_backup(store_path, knowledge.bank))
    assert store_path.read_bytes() == good and backup.read_bytes() == good
    assert len(AssessmentStore(store_path, knowledge.bank, read_only=True)) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "assessments.json",
        "assessments.json.bak",
        "built",
    ]


def test_report_when_left_in_place_without_a_backup(tmp_path):
    path = tmp_path / "a.json"
    assert damage_report(path, "it is not a valid store", None) == (
        f"The assessment store {path} cannot be read: it is not a valid store.\n\n"
        "It was left exactly as it is.\n\n"
        "There is no usable backup."
    )


def test_report_when_moved_aside_with_a_backup(tmp_path):
    path = tmp_path / "a.json"
    backup = BackupInfo(
        path=tmp_path / "a.json.bak", assessments=4, saved_at="2026-03-04 05:06 UTC"
    )
    moved = tmp_path / "a.json.damaged-x"
    assert damage_report(path, "a record fails validation", backup, moved) == (
        f"The assessment store {path} cannot be read: a record fails validation.\n\n"
        f"It was moved aside, unchanged, to {moved}.\n\n"
        "A backup of the previous good state (4 assessments, saved 2026-03-04 05:06 UTC) "
        f"is at {tmp_path / 'a.json.bak'}."
    )


def test_a_backup_in_an_older_layout_is_offered_without_being_upgraded(tmp_path, knowledge):
    """Looking at the backup must not change it: a schema 1 backup is counted, not migrated."""
    store_path = tmp_path / "assessments.json"
    backup = tmp_path / "assessments.json.bak"
    record = {
        "id": "2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11",
        "organization": "Legacy GmbH",
        "team": "Forecasting",
        "date": "2024-05-06",
        "questionnaire": 1,
        "answers": {"q01": "q01b"},
    }
    old = json.dumps({"assessments": {"1": record}}).encode()
    backup.write_bytes(old)
    store_path.write_bytes(b"damaged")
    info = usable_backup(store_path, knowledge.bank)
    assert info is not None and info.assessments == 1
    assert backup.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "assessments.json",
        "assessments.json.bak",
    ]
