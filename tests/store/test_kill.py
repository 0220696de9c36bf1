"""SIGKILL during writes never leaves a store that is unreadable or half-written."""

from __future__ import annotations

from tests.store.kill_harness import run_trials


def test_killed_writers_leave_the_state_before_or_after(record_property):
    results = run_trials(200, seed=20261127, max_seconds=120)
    record_property("kill_trials", results.line())
    assert results.trials >= 200, results.line()
    assert results.corrupt == 0 and results.mismatched == 0, results.line()
    # The kills must land while writing is going on, not only before the first write.
    assert results.writing_when_killed(), results.line()
