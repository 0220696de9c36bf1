"""Comparison: radar geometry and the questions answered differently."""

from __future__ import annotations

import math

import pytest

from mlorg_desktop.domain.comparison import UNANSWERED, compare, radar_point


@pytest.mark.parametrize(
    ("value", "index", "count", "angle_deg", "radius"),
    [
        (100, 0, 3, 90, 1.0),  # spoke 0 points straight up
        (50, 1, 3, -30, 0.5),  # clockwise: the second spoke is 120 degrees on
        (80, 2, 3, 210, 0.8),
        (25, 1, 4, 0, 0.25),
        (0, 2, 3, None, 0.0),
        (140, 0, 3, 90, 1.0),  # clamped to the outer ring
    ],
)
def test_radar_point_lands_at_the_right_angle_and_radius(value, index, count, angle_deg, radius):
    x, y = radar_point(value, index, count)
    assert math.hypot(x, y) == pytest.approx(radius)
    if angle_deg is not None:
        expected = math.radians(angle_deg)
        assert x == pytest.approx(radius * math.cos(expected), abs=1e-9)
        assert y == pytest.approx(radius * math.sin(expected), abs=1e-9)


def test_differences_list_only_questions_answered_differently(knowledge, examples):
    before, after = sorted(
        (e for e in examples if e.organization == "Meridian Bank"), key=lambda e: e.assessed_on
    )
    comparison = compare(knowledge, [before, after])
    changed = {d.question_id for d in comparison.differences}
    expected = {q for q in before.answers if before.answers[q] != after.answers.get(q)}
    assert changed == expected and changed
    first = comparison.differences[0]
    question = knowledge.bank.get(1).question(first.question_id)
    assert first.question_text == question.text
    assert first.answers == (
        question.answer_text(before.answers[first.question_id]),
        question.answer_text(after.answers[first.question_id]),
    )


def test_unanswered_questions_show_as_such(knowledge, examples):
    harbour = next(e for e in examples if e.organization == "Harbour Freight Logistics")
    quanta = next(e for e in examples if e.organization == "Quanta Labs")
    partial = type(harbour)(**{**harbour.__dict__, "answers": {"q01": "q01a"}})
    comparison = compare(knowledge, [partial, quanta])
    assert any(UNANSWERED in d.answers for d in comparison.differences)
    assert [r.score.primary for r in comparison.rows] == [None, "ml_first"]


def test_a_single_assessment_has_no_differences(knowledge, examples):
    assert compare(knowledge, examples[:1]).differences == ()
