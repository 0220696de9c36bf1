"""Every v1 assessment scores exactly as it did before questionnaire v2 and the new naming rule.

The numbers below were computed on main at commit b17633e (before v2 existed) by scoring the
demo assessments, whole and cut down to their first 17 and 12 answers, with that code. They are
a regression pin: if any of them moves, a v1 assessment somebody saved would read differently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge
from mlorg_desktop.resources import resources_dir

# (demo index, first n answers): (primary, leader, runner_up, margin, answered, total,
#  fits in catalog order, positions in catalog order)
PINNED = {
    (0, 25): (
        "nascent",
        "nascent",
        "rnd",
        89.2857,
        22,
        25,
        [100.0, 10.7143, 0.0, 0.0, 0.0],
        [None, 5.0, 5.0],
    ),
    (0, 17): (
        None,
        "nascent",
        "rnd",
        91.8367,
        17,
        25,
        [100.0, 8.1633, 0.0, 0.0, 0.0],
        [None, 5.0, 5.0],
    ),
    (0, 12): (
        None,
        "nascent",
        "rnd",
        100.0,
        12,
        25,
        [100.0, 0.0, 0.0, 0.0, 0.0],
        [None, 5.0, None],
    ),
    (1, 25): (
        "rnd",
        "rnd",
        "nascent",
        89.2857,
        25,
        25,
        [10.7143, 100.0, 0.0, 0.0, 0.0],
        [13.75, 13.75, 6.6667],
    ),
    (1, 17): (
        None,
        "rnd",
        "nascent",
        91.8367,
        17,
        25,
        [8.1633, 100.0, 0.0, 0.0, 0.0],
        [20.0, 12.5, 10.0],
    ),
    (1, 12): (
        None,
        "rnd",
        "nascent",
        100.0,
        12,
        25,
        [0.0, 100.0, 0.0, 0.0, 0.0],
        [20.0, 10.0, None],
    ),
    (2, 25): (
        "embedded",
        "embedded",
        "rnd",
        89.9972,
        25,
        25,
        [0.0, 5.0847, 95.082, 0.0, 5.0],
        [83.75, 30.0, 85.0],
    ),
    (2, 17): (
        None,
        "embedded",
        "rnd",
        87.9952,
        17,
        25,
        [0.0, 6.1224, 94.1176, 0.0, 5.8824],
        [75.0, 22.5, 85.0],
    ),
    (2, 12): (
        None,
        "embedded",
        "rnd",
        83.3333,
        12,
        25,
        [0.0, 8.3333, 91.6667, 0.0, 5.5556],
        [75.0, 10.0, None],
    ),
    (3, 25): (
        "independent",
        "independent",
        "ml_first",
        73.4973,
        25,
        25,
        [10.7143, 0.0, 0.0, 90.1639, 16.6667],
        [56.25, 37.5, 63.3333],
    ),
    (3, 17): (
        None,
        "independent",
        "ml_first",
        72.549,
        17,
        25,
        [12.2449, 0.0, 0.0, 88.2353, 15.6863],
        [55.0, 5.0, 60.0],
    ),
    (3, 12): (
        None,
        "independent",
        "ml_first",
        72.2222,
        12,
        25,
        [8.3333, 0.0, 0.0, 91.6667, 19.4444],
        [55.0, 5.0, None],
    ),
    (4, 25): (
        "ml_first",
        "ml_first",
        "independent",
        85.2459,
        25,
        25,
        [0.0, 0.0, 0.0, 14.7541, 100.0],
        [56.25, 91.25, 33.3333],
    ),
    (4, 17): (
        None,
        "ml_first",
        "independent",
        88.2353,
        17,
        25,
        [0.0, 0.0, 0.0, 11.7647, 100.0],
        [55.0, 87.5, 35.0],
    ),
    (4, 12): (
        None,
        "ml_first",
        "independent",
        86.1111,
        12,
        25,
        [0.0, 0.0, 0.0, 13.8889, 100.0],
        [55.0, 90.0, None],
    ),
    (5, 25): (
        "independent",
        "independent",
        "ml_first",
        83.3333,
        25,
        25,
        [0.0, 0.0, 0.0, 100.0, 16.6667],
        [56.25, 67.5, 63.3333],
    ),
    (5, 17): (
        None,
        "independent",
        "ml_first",
        84.3137,
        17,
        25,
        [0.0, 0.0, 0.0, 100.0, 15.6863],
        [55.0, 65.0, 60.0],
    ),
    (5, 12): (
        None,
        "independent",
        "ml_first",
        80.5556,
        12,
        25,
        [0.0, 0.0, 0.0, 100.0, 19.4444],
        [55.0, 65.0, None],
    ),
}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(resources_dir())


@pytest.fixture(scope="module")
def demo() -> list[dict[str, object]]:
    path = resources_dir() / "examples" / "demo-assessments.json"
    return json.loads(Path(path).read_text(encoding="utf-8"))["assessments"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("key", sorted(PINNED))
def test_v1_assessment_scores_as_before(
    key: tuple[int, int], knowledge: Knowledge, demo: list[dict[str, object]]
) -> None:
    index, first = key
    record = demo[index]
    assert record["questionnaire_version"] == 1
    answers = dict(list(record["answers"].items())[:first])  # type: ignore[attr-defined]
    primary, leader, runner_up, margin, answered, total, fits, positions = PINNED[key]
    s = knowledge.score(1, answers)
    assert (s.primary, s.leader, s.runner_up) == (primary, leader, runner_up)
    assert round(s.margin, 4) == margin
    assert (s.answered, s.total) == (answered, total)
    assert [round(s.fits[a], 4) for a in knowledge.catalog.archetype_ids] == fits
    got = [None if v is None else round(v, 4) for v in s.positions.values()]
    assert got == positions
    # The v1 rule: named from 70% coverage, withheld below it.
    assert s.reading == ("named" if primary else "too few answers")
