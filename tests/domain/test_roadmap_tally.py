"""The roadmap's per-question tally prices one changed answer (``_TargetTally.fit_if``).

Nothing in the app calls ``fit_if`` today (``plan`` prices candidates inline), so this is
the only test that reaches it."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.roadmap import _TargetTally


def test_fit_if_one_answer_changed(knowledge):
    q = knowledge.bank.latest
    tally = _TargetTally(q, "ml_first", {"q13": "q13e"})  # ML-First 3 of 3
    # q01 carries no ML-First evidence at all: neither earned nor possible moves.
    assert tally.fit_if(q.question("q01"), "q01a") == 100.0
    # q02d gives ML-First 1 of 3: 4 of 6.
    assert tally.fit_if(q.question("q02"), "q02d") == pytest.approx(200 / 3)
    # Changing q13 itself to q13d (ML-First 1): 1 of 3.
    assert tally.fit_if(q.question("q13"), "q13d") == pytest.approx(100 / 3)
    assert tally.fit == 100.0  # pricing changes nothing
