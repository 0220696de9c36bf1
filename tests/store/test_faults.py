"""Faults a user can meet with the store: damage, a second writer, read-only folders, full
disks, and hostile bytes. Each test uses the real fault where the machine allows it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.__main__ import main
from mlorg_desktop.domain.assessment import assessment_to_dict
from mlorg_desktop.domain.exchange import ExchangeError, exchange_json, parse_exchange_bytes
from mlorg_desktop.store import (
    AssessmentStore,
    StoreBusyError,
    StoreDamagedError,
    StoreLock,
    StoreWriteError,
)
from mlorg_desktop.store.lock import lock_path
from tests.fault_tools import DAMAGES, fill, immutable_folder, tiny_disk


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_cli_reports_damage_with_the_backup_and_touches_nothing(
    damage, tmp_path, capsys, knowledge, examples
):
    store = AssessmentStore(tmp_path / "assessments.json", knowledge.bank)
    store.import_many(examples[:3])
    store.save(examples[3])  # now a backup of the 3-assessment state exists
    good = (tmp_path / "assessments.json").read_bytes()
    bad = DAMAGES[damage](good)
    assert bad != good
    (tmp_path / "assessments.json").write_bytes(bad)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["list", "--data-dir", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert str(tmp_path / "assessments.json") in err
    assert "3 assessments" in err and "assessments.json.bak" in err
    assert (tmp_path / "assessments.json").read_bytes() == bad
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "logs") == [
        n for n in before if n != "logs"
    ]


def test_cli_import_exits_4_while_another_process_writes(tmp_path, capsys, resources):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import time; from pathlib import Path;"
                "from mlorg_desktop.store import StoreLock;"
                f"l = StoreLock(Path({str(tmp_path / 'assessments.json')!r})); l.acquire();"
                "print('held', flush=True); time.sleep(30)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code = main(
            [
                "import",
                str(resources / "examples" / "demo-assessments.json"),
                "--data-dir",
                str(tmp_path),
            ]
        )
        err = capsys.readouterr().err
        assert code == 4 and f"pid {holder.pid}" in err
        assert not (tmp_path / "assessments.json").exists()
        # Reading is fine while someone else holds the lock: writes are atomic.
        assert main(["list", "--data-dir", str(tmp_path)]) == 0
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_from_a_dead_process_is_recovered(tmp_path, capsys, resources):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock = lock_path(tmp_path / "assessments.json")
    lock.write_text(f"{dead.stdout.strip()}\npython3.11\n{os.uname().nodename}\n")
    code = main(
        [
            "import",
            str(resources / "examples" / "demo-assessments.json"),
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert code == 0 and "Imported 15" in capsys.readouterr().out
    assert not lock.exists()  # released after the command


def test_python_lock_and_qlockfile_exclude_each_other(tmp_path, qapp):
    from PySide6.QtCore import QLockFile

    store_path = tmp_path / "assessments.json"
    qt_lock = QLockFile(str(lock_path(store_path)))
    qt_lock.setStaleLockTime(0)
    assert qt_lock.tryLock(0)
    with pytest.raises(StoreBusyError):
        StoreLock(store_path).acquire()
    qt_lock.unlock()
    with StoreLock(store_path):
        other = QLockFile(str(lock_path(store_path)))
        other.setStaleLockTime(0)
        holder = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "from PySide6.QtCore import QCoreApplication, QLockFile;"
                    "app = QCoreApplication([]);"
                    f"l = QLockFile({str(lock_path(store_path))!r}); l.setStaleLockTime(0);"
                    "print(l.tryLock(0))"
                ),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert holder.stdout.strip() == "False"  # another process's QLockFile respects ours


def test_write_into_an_immutable_folder_fails_and_changes_nothing(store, store_path, examples):
    store.save(examples[0])
    before = store_path.read_bytes()
    with immutable_folder(store_path.parent), pytest.raises(StoreWriteError) as caught:
        store.save(examples[1])
    assert "Nothing on disk was changed" in str(caught.value)
    assert store_path.read_bytes() == before
    assert examples[1].id not in store and len(store) == 1
    store.save(examples[1])  # works again once the folder is writable
    assert len(AssessmentStore(store_path, store._bank)) == 2


def test_full_disk_fails_the_save_and_keeps_the_file(tmp_path, knowledge, examples):
    with tiny_disk(tmp_path / "disk", 96) as disk:
        store = AssessmentStore(disk / "assessments.json", knowledge.bank)
        store.save(examples[0])
        before = (disk / "assessments.json").read_bytes()
        fill(disk, leave_bytes=2048)
        big = [
            replace(examples[i % 6], id=f"00000000-0000-4000-8000-{i:012d}", notes="x" * 5000)
            for i in range(20)
        ]
        with pytest.raises(StoreWriteError, match="No space left"):
            store.import_many(big)
        assert (disk / "assessments.json").read_bytes() == before
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]
        assert len(AssessmentStore(disk / "assessments.json", knowledge.bank)) == 1


# Fuzzing ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_import_validator_with_byte_mutations(knowledge, data):
    valid = exchange_json(list(_examples(knowledge))[:2]).encode()
    mutated = bytearray(valid)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        action = data.draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            mutated[position] = data.draw(st.integers(0, 255))
        elif action == "delete":
            del mutated[position]
        else:
            mutated.insert(position, data.draw(st.integers(0, 255)))
    try:
        document = parse_exchange_bytes(bytes(mutated), knowledge, "fuzz")
    except ExchangeError as exc:
        assert exc.field and exc.where
    else:
        assert all(a.organization.strip() for a in document.assessments)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


_FIELDS = [
    "id",
    "organization",
    "assessed_on",
    "questionnaire_version",
    "answers",
    "unit",
    "notes",
    "created_at",
]
# A generated record is never valid: its id, if any, is at most 20 characters (not a UUID).
_RANDOM_RECORD = st.dictionaries(st.sampled_from(_FIELDS), JSON)


@settings(max_examples=300, deadline=None)
@given(records=st.lists(st.none() | _RANDOM_RECORD, max_size=4))
def test_fuzz_import_validator_with_generated_documents(knowledge, records):
    """Valid records (None in the list) mixed with generated ones: the file imports exactly
    when every record is valid, and otherwise the error names the first bad record and one
    of its fields."""
    valid = [assessment_to_dict(a) for a in _examples(knowledge)]
    document = {
        "format": "mlorg-desktop-exchange",
        "format_version": 1,
        "assessments": [valid[i] if r is None else r for i, r in enumerate(records)],
    }
    first_bad = next((i for i, r in enumerate(records) if r is not None), None)
    if first_bad is None:
        parsed = parse_exchange_bytes(json.dumps(document).encode(), knowledge, "fuzz")
        assert [assessment_to_dict(a) for a in parsed.assessments] == document["assessments"]
        return
    with pytest.raises(ExchangeError) as caught:
        parse_exchange_bytes(json.dumps(document).encode(), knowledge, "fuzz")
    where = rf"fuzz: assessment #{first_bad + 1}( \(id .*\))?"
    assert re.fullmatch(where, caught.value.where, re.DOTALL), caught.value.where
    assert re.split(r"[.\[]", caught.value.field)[0] in _FIELDS + ["updated_at"]
    assert caught.value.problem


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=300)
    | JSON.map(lambda v: json.dumps(v).encode())
    | st.dictionaries(st.sampled_from(["meta", "assessments", "other"]), JSON, max_size=3).map(
        lambda v: json.dumps(v).encode()
    )
)
def test_fuzz_store_codec_never_crashes_or_writes(tmp_path, knowledge, content):
    """Opening any file either refuses it as damaged or accepts it; neither changes it (no
    generated file is an old-schema store with valid records, the one case that may). Only an
    accepted file gets a trust note beside it (store.trust)."""
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "fuzzed.json"
    path.write_bytes(content)
    accepted = True
    try:
        AssessmentStore(path, knowledge.bank).close()
    except StoreDamagedError:
        accepted = False
    assert path.read_bytes() == content
    names = sorted(p.name for p in folder.iterdir())
    allowed = [["fuzzed.json"]] + ([[".fuzzed.json.trust", "fuzzed.json"]] if accepted else [])
    assert names in allowed


def _examples(knowledge):
    from mlorg_desktop.domain.exchange import read_exchange_file
    from mlorg_desktop.resources import resources_dir

    return read_exchange_file(
        resources_dir() / "examples" / "demo-assessments.json", knowledge
    ).assessments
