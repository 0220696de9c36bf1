"""The shapes one answer can take, and how each reads from and writes to JSON."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.answers import (
    SPECIAL_ANSWERS,
    SPECIAL_LABELS,
    Split,
    answer_from_json,
    answer_to_json,
    is_answered,
    shares,
)


def test_only_options_and_splits_count_as_answered():
    assert [is_answered(a) for a in (None, "dont_know", "not_applicable")] == [False] * 3
    assert is_answered("q01a") is True
    assert is_answered(Split("q01a", "q01b")) is True
    assert SPECIAL_ANSWERS == ("dont_know", "not_applicable")


def test_special_answers_read_as_words():
    assert SPECIAL_LABELS == {"dont_know": "Don't know", "not_applicable": "Not applicable"}


def test_a_split_writes_both_halves_and_a_plain_answer_stays_a_string():
    assert answer_to_json(Split("q01c", "q01d")) == {"mainly": "q01c", "partly": "q01d"}
    assert Split("q01c", "q01d").to_json() == {"mainly": "q01c", "partly": "q01d"}
    assert answer_to_json("q01c") == "q01c"
    assert answer_to_json("dont_know") == "dont_know"


def test_both_shapes_read_back():
    assert answer_from_json("q01c") == "q01c"
    assert answer_from_json({"mainly": "q01c", "partly": "q01d"}) == Split("q01c", "q01d")
    assert answer_from_json({"partly": "q01d", "mainly": "q01c"}) == Split("q01c", "q01d")


@pytest.mark.parametrize(
    "value",
    [
        None,
        5,
        True,
        ["q01c"],
        {"mainly": "q01c"},
        {"partly": "q01d"},
        {"mainly": "q01c", "partly": "q01d", "also": "q01e"},
        {"mainly": 1, "partly": "q01d"},
        {"mainly": "q01c", "partly": None},
        {"first": "q01c", "second": "q01d"},
    ],
)
def test_other_shapes_are_not_answers(value):
    assert answer_from_json(value) is None


def test_a_split_gives_two_thirds_to_mainly_and_one_third_to_partly():
    mainly, partly = shares(Split("q01c", "q01d"))
    assert mainly[0] == "q01c" and mainly[1] == pytest.approx(0.666_666_7)
    assert partly[0] == "q01d" and partly[1] == pytest.approx(0.333_333_3)
    assert shares("q01c") == (("q01c", 1.0),)
