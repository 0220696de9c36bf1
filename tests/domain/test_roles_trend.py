"""By-role split (leadership vs practitioners, overridable) and the trend between rounds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.domain.org_report import read_record, record_json
from mlorg_desktop.domain.pooling import combine
from mlorg_desktop.domain.roles import (
    LEADERSHIP,
    PRACTITIONERS,
    guessed_group,
    role_group,
    split_by_role,
)
from mlorg_desktop.domain.rounds import group_rounds, organizations
from mlorg_desktop.domain.trend import AnswerChange, trend
from tests.domain.test_pooling import person


@pytest.mark.parametrize(
    ("role", "group"),
    [
        ("Chief Technology Officer", LEADERSHIP),
        ("CTO", LEADERSHIP),
        ("Head of Data", LEADERSHIP),
        ("Tech lead", LEADERSHIP),
        ("Engineering Manager", LEADERSHIP),
        ("ML Engineer", PRACTITIONERS),
        ("Data Scientist", PRACTITIONERS),
        ("Principal Research Scientist", PRACTITIONERS),
        ("  ", None),
    ],
)
def test_role_guess(role, group):
    assert guessed_group(role) == group


def test_the_user_sets_a_roles_group():
    overrides = {"principal research scientist": LEADERSHIP, "cto": PRACTITIONERS}
    assert role_group("Principal  Research Scientist", overrides) == LEADERSHIP
    assert role_group("CTO", overrides) == PRACTITIONERS
    assert role_group("ML Engineer", overrides) == PRACTITIONERS
    assert role_group("", overrides) is None


def test_split_by_role_shows_what_each_group_sees(knowledge):
    leaders = [person({"q01": "q01d", "q02": "q02d"}, role=r) for r in ("CTO", "Head of ML")]
    practice = [person({"q01": "q01c", "q02": "q02d"}, role=r) for r in ("ML Engineer", "SWE")]
    nobody = person({"q01": "q01a"})  # no role: in the round, in no group
    everyone = [*leaders, *practice, nobody]
    split = split_by_role(everyone, knowledge.bank, knowledge.catalog)
    assert split is not None
    assert split.groups[LEADERSHIP].score.leader == "independent"
    assert split.groups[PRACTITIONERS].score.leader == "embedded"
    assert split.leaders_differ and split.differing_questions == ["q01"]
    assert [len(split.members[g]) for g in (LEADERSHIP, PRACTITIONERS)] == [2, 2]
    # Only one group present: no split.
    assert split_by_role([*leaders, nobody], knowledge.bank, knowledge.catalog) is None
    # Setting both practitioners' roles to leadership leaves no practitioners.
    overrides = {"ml engineer": LEADERSHIP, "swe": LEADERSHIP}
    assert split_by_role(everyone, knowledge.bank, knowledge.catalog, overrides) is None


def test_trend_between_consecutive_rounds(knowledge):
    # Round 1: q12a (data ownership 5, nascent 3 of 3). Round 2: q12d (65, independent 3 of 3)
    # and a first answer to q01. Round 3: unchanged q12d, q01 back to unanswered.
    first = person({"q12": "q12a"})
    second = person({"q12": "q12d", "q01": "q01c"})
    third = person({"q12": "q12d"})
    rounds = group_rounds(
        [
            replace(first, assessed_on="2025-01-10"),
            replace(second, assessed_on="2025-06-01"),
            replace(third, assessed_on="2026-01-01"),
        ]
    )
    read = [(r, combine(r.assessments, knowledge.bank, knowledge.catalog)) for r in rounds]
    changes = trend(read)
    assert [(c.before.label, c.after.label) for c in changes] == [
        ("2025-01-10", "2025-06-01"),
        ("2025-06-01", "2026-01-01"),
    ]
    one = changes[0]
    assert one.position_change["data_ownership"] == pytest.approx(60.0)
    assert one.position_change["model_ownership"] is None
    assert one.fit_change["nascent"] == pytest.approx(-100.0)
    # Round 2: independent 3 of (3 + 3) possible (q12 and q01); embedded 3 of 6.
    assert one.fit_change["independent"] == pytest.approx(50.0)
    assert one.fit_change["embedded"] == pytest.approx(50.0)
    assert one.answers_changed == (
        AnswerChange("q01", None, "q01c"),
        AnswerChange("q12", "q12a", "q12d"),
    )
    assert changes[1].answers_changed == (AnswerChange("q01", "q01c", None),)
    assert changes[1].position_change["data_ownership"] == pytest.approx(0.0)


def test_the_demo_organization_has_two_rounds_that_disagree(knowledge, examples):
    record = next(r for r in organizations(examples) if r.organization == "Vantage Retail Group")
    doc = record_json(read_record(record, knowledge))
    first, second = doc["rounds"]
    assert (first["label"], first["respondents"]) == ("2025-11-03", 4)
    assert (second["label"], second["respondents"], second["from"], second["to"]) == (
        "Autumn 2026 review",
        5,
        "2026-09-28",
        "2026-10-30",
    )
    assert first["by_role"]["leadership"]["leading_archetype"] == "independent"
    assert first["by_role"]["practitioners"]["leading_archetype"] == "embedded"
    assert first["disagreements"] and second["disagreements"]
    assert doc["trend"][0]["position_change"]["data_ownership"] > 30
