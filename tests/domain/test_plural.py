"""Counts read as English: one thing, several things, no "(s)"."""

from mlorg_desktop.domain.plural import plural


def test_one_is_singular_zero_and_many_are_plural():
    assert plural(1, "assessment") == "1 assessment"
    assert plural(0, "assessment") == "0 assessments"
    assert plural(3, "assessment") == "3 assessments"


def test_irregular_and_given_plurals():
    assert plural(2, "person") == "2 people"
    assert plural(1, "person") == "1 person"
    assert plural(2, "query", "queries") == "2 queries"
