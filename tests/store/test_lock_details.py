"""When a lock file left beside a store counts as held or stale, and what the refusal says."""

from __future__ import annotations

import os

import pytest

from mlorg_desktop.store import StoreBusyError, StoreLock


def _write_lock(store, text):
    lock = store.with_name(store.name + ".lock")
    lock.write_text(text, encoding="utf-8")
    return lock


def test_a_lock_naming_pid_zero_is_stale_and_taken_over(tmp_path):
    store = tmp_path / "store.json"
    lock_file = _write_lock(store, f"0\nsomeapp\n{os.uname().nodename}\n")
    lock = StoreLock(store)
    lock.acquire()
    try:
        assert lock_file.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())
    finally:
        lock.release()


def test_a_lock_held_by_pid_one_on_this_machine_is_respected(tmp_path):
    store = tmp_path / "store.json"
    lock_file = _write_lock(store, f"1\ninit\n{os.uname().nodename}\n")
    with pytest.raises(StoreBusyError) as info:
        StoreLock(store).acquire()
    assert str(info.value) == (
        f"{store} is in use by another MLOrg Desktop process (pid 1, init). Close it "
        "and try again; nothing was changed."
    )
    assert lock_file.read_text(encoding="utf-8") == f"1\ninit\n{os.uname().nodename}\n"


def test_the_refusal_leaves_out_an_empty_application_name(tmp_path):
    store = tmp_path / "store.json"
    _write_lock(store, f"1\n\n{os.uname().nodename}\n")
    with pytest.raises(StoreBusyError) as info:
        StoreLock(store).acquire()
    assert str(info.value) == (
        f"{store} is in use by another MLOrg Desktop process (pid 1). Close it "
        "and try again; nothing was changed."
    )


def test_releasing_a_lock_never_taken_leaves_this_process_s_other_lock(tmp_path):
    store = tmp_path / "store.json"
    first = StoreLock(store)
    first.acquire()
    try:
        StoreLock(store).release()  # never acquired: must not remove the first one's file
        assert store.with_name("store.json.lock").exists()
    finally:
        first.release()
    assert not store.with_name("store.json.lock").exists()
