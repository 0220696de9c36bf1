"""The validity suite: 16 fictional organizations answered blind (persona and question texts
only, never the weights) in tests/domain/blind/. Each must read as expected: a single-archetype
organization named, or leaning towards, its archetype; a transitional one with its two
archetypes as leader and runner-up. The answers are data and are never edited to pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.answers import answer_from_json
from mlorg_desktop.domain.naming import LEANING, NAMED, TRANSITIONAL

BLIND = Path(__file__).parent / "blind"
CASES = sorted(BLIND.glob("*.json"))


def _case(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _score(knowledge, case):
    answers = {}
    for question_id, value in case["answers"].items():
        answer = answer_from_json(value)
        assert answer is not None, (case["persona"], question_id)
        answers[question_id] = answer
    return knowledge.score(case["questionnaire_version"], answers)


def test_the_suite_is_what_the_issue_asks_for():
    cases = [_case(p) for p in CASES]
    assert len(cases) >= 15
    singles = [c["expected"]["archetypes"][0] for c in cases if c["expected"]["kind"] == "single"]
    assert all(
        singles.count(a) >= 2 for a in ("nascent", "rnd", "embedded", "independent", "ml_first")
    )
    assert sum(c["expected"]["kind"] == "transitional" for c in cases) >= 4
    assert sum(c["expected"]["outside_software"] for c in cases) >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_blind_case_reads_as_expected(path, knowledge):
    case = _case(path)
    s = _score(knowledge, case)
    expected = case["expected"]["archetypes"]
    if case["expected"]["kind"] == "single":
        assert s.leader == expected[0], (s.leader, s.fits)
        assert s.reading in (NAMED, LEANING), s.reading
    else:
        assert {s.leader, s.runner_up} == set(expected), (s.leader, s.runner_up, s.fits)


def test_most_blind_cases_get_a_definite_reading(knowledge):
    """Named for a single-archetype organization, transitional for one in transition."""
    definite = 0
    for path in CASES:
        case = _case(path)
        s = _score(knowledge, case)
        wanted = NAMED if case["expected"]["kind"] == "single" else TRANSITIONAL
        definite += s.reading == wanted
    assert definite / len(CASES) >= 0.8, f"{definite} of {len(CASES)}"
