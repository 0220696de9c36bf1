"""Loading on first use: a deferred bank's first load returns what it loaded; a what-if
scenario's timestamp that is no real time is refused in words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.domain.assessment import (
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
)
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.domain.scenario import Scenario


def test_the_first_load_returns_what_it_loaded(resources):
    knowledge = load_knowledge(resources, defer_bank=True)  # as the window loads it
    assert not knowledge.bank_loaded
    parts = knowledge.load_bank()
    assert knowledge.bank_loaded and parts is not None
    assert sorted(parts.bank.versions) == [1, 2]
    assert knowledge.load_bank() is parts  # loaded once


def test_a_scenario_timestamp_that_is_no_real_time_is_refused(knowledge, examples):
    # The form of a timestamp, but there is no 30 February.
    scenario = Scenario(
        "0d6a2b7c-1e2f-4a3b-8c4d-5e6f7a8b9c01",
        "What if",
        dict(examples[0].answers),
        "2026-02-30T09:00:00Z",
        "2026-11-29T10:00:00Z",
    )
    record = assessment_to_dict(replace(examples[0], scenarios=(scenario,)))
    with pytest.raises(AssessmentError) as caught:
        assessment_from_dict(record, knowledge.bank, "test")
    assert str(caught.value) == (
        "test: field 'scenarios[0].created_at': is not an ISO 8601 timestamp"
    )
