"""The background writer's contract, case by case (written from its surviving mutants)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.store.writer import BackgroundWriter


def test_sequence_numbers_start_at_one_and_nothing_is_pending_before(tmp_path):
    seen = []
    writer = BackgroundWriter(tmp_path / "f.json", lambda seq, err: seen.append((seq, err)))
    try:
        assert not writer.pending and writer.error is None and writer.retry() is False
        with writer.held():
            assert writer.submit(b"one\n") == 1
            assert writer.pending  # queued behind the hold
            assert writer.wait(timeout=0.05) is False  # the hold keeps it waiting
            assert writer.retry() is False  # nothing failed: nothing to retry
        assert writer.wait(timeout=30) and not writer.pending
        assert seen == [(1, None)] and (tmp_path / "f.json").read_bytes() == b"one\n"
    finally:
        writer.close()
    with pytest.raises(RuntimeError, match="the store writer is closed"):
        writer.submit(b"late")


def test_any_failure_is_reported_as_an_oserror_and_the_writer_goes_on(tmp_path):
    writer = BackgroundWriter(tmp_path / "f.json")
    try:
        writer.submit("not bytes")  # type: ignore[arg-type]
        assert writer.wait(timeout=30)
        error = writer.error
        assert isinstance(error, OSError) and error.errno == 0 and "TypeError" in error.strerror
        assert writer.pending and writer.retry() is True  # the failed payload is queued again
        assert writer.wait(timeout=30)
        writer.submit(b"fine\n")
        assert writer.wait(timeout=30) and writer.error is None and not writer.pending
        assert (tmp_path / "f.json").read_bytes() == b"fine\n"
    finally:
        writer.close()


def test_background_writes_keep_the_previous_file_as_backup(store, store_path, examples):
    store.write_in_background()
    first = store.save(examples[0])
    assert store.flush()
    before = store_path.read_bytes()
    store.save(replace(first, notes="second version"))
    assert store.flush()
    assert store_path.with_name(f"{store_path.name}.bak").read_bytes() == before


def test_a_fresh_background_store_is_pending_while_held(tmp_path, knowledge, examples):
    store = AssessmentStore(tmp_path / "a.json", knowledge.bank)
    store.write_in_background()
    with store.writer.held():
        store.save(examples[0])
        assert store.pending
        assert store.flush(timeout=0.05) is False
    assert store.flush(timeout=30) and not store.pending
    store.close()
