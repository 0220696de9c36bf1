"""The runner-up's share at which split answers make a reading transitional: exactly a fifth
(RUNNER_UP_SHARE, 20 points) is enough. On the six-question questionnaire `tiny`
(tests/domain/conftest.py; option a = Nascent 3, b = R&D 3, c = Embedded 3 plus R&D 1; q1 and
q2 take splits; a split gives 2/3 of the mainly option's evidence and 1/3 of the partly one's)."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.scoring import score


def test_a_runner_up_holding_exactly_a_fifth_with_two_splits_reads_transitional(tiny, knowledge):
    answers = {
        "q1": Split("q1a", "q1b"),  # Nascent 2, R&D 1
        "q2": Split("q2b", "q2a"),  # R&D 2, Nascent 1
        "q3": "q3a",
        "q4": "q4a",
        "q5": "q5a",
    }
    s = score(tiny, knowledge.catalog, answers)
    # Five answered, 15 possible each: Nascent (2 + 1 + 9)/15 = 80, R&D (1 + 2)/15 = 20 exactly,
    # Embedded 0. Margin 60; even q6 to R&D leaves 12/18 against 6/18, so without the splits
    # Nascent would be named. Both splits give R&D a part, and R&D holds 20, not less.
    assert (s.fits["nascent"], s.fits["rnd"], s.fits["embedded"]) == (80.0, 20.0, 0.0)
    assert (s.leader, s.runner_up) == ("nascent", "rnd")
    assert s.reading == "transitional" and s.reading_detail.splits_between_top_two == 2
    assert s.primary is None


def test_a_runner_up_under_a_fifth_with_two_splits_is_named(tiny, knowledge):
    answers = {
        "q1": Split("q1a", "q1b"),  # Nascent 2, R&D 1
        "q2": Split("q2a", "q2b"),  # Nascent 2, R&D 1
        "q3": "q3a",
        "q4": "q4a",
        "q5": "q5a",
    }
    s = score(tiny, knowledge.catalog, answers)
    # Nascent (2 + 2 + 9)/15 = 86.7, R&D (1 + 1)/15 = 13.3: two splits, but R&D under a fifth.
    assert s.fits["rnd"] == pytest.approx(100 * 2 / 15)
    assert s.reading_detail.splits_between_top_two == 2
    assert s.reading == "named" and s.primary == "nascent"
