"""Organization records and rounds: by date (60-day window from a round's first) and by label."""

from __future__ import annotations

import uuid

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.rounds import close_names, find_records, group_rounds, organizations


def make(day: str, org: str = "Acme", unit: str = "", round: str = "", who: str = "") -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization=org,
        unit=unit,
        questionnaire_version=1,
        assessed_on=day,
        round=round,
        respondent=who,
    )


def labels(rounds):
    return [(r.label, [a.assessed_on for a in r.assessments]) for r in rounds]


def test_dates_within_60_days_of_the_first_form_one_round():
    # 2026-01-01 + 60 days = 2026-03-02 (Jan 31 + Feb 28 + 1): in; 2026-03-03 is day 61: out.
    items = [make("2026-03-02"), make("2026-01-01"), make("2026-03-03"), make("2026-02-10")]
    assert labels(group_rounds(items)) == [
        ("2026-01-01", ["2026-01-01", "2026-02-10", "2026-03-02"]),
        ("2026-03-03", ["2026-03-03"]),
    ]


def test_the_window_is_measured_from_the_rounds_first_not_the_previous_one():
    # Each is 40 days after the previous: chaining would make one round; the window does not.
    items = [make("2026-01-01"), make("2026-02-10"), make("2026-03-22"), make("2026-05-01")]
    assert labels(group_rounds(items)) == [
        ("2026-01-01", ["2026-01-01", "2026-02-10"]),
        ("2026-03-22", ["2026-03-22", "2026-05-01"]),
    ]


def test_a_label_overrides_dates():
    items = [
        make("2026-01-01", round="Survey A"),
        make("2026-06-30", round="Survey A"),  # half a year later, still Survey A
        make("2026-01-05"),  # unlabelled, but dated inside Survey A's span: its own round
        make("2026-07-01", round="  Survey B "),
    ]
    rounds = group_rounds(items)
    assert labels(rounds) == [
        ("Survey A", ["2026-01-01", "2026-06-30"]),
        ("2026-01-05", ["2026-01-05"]),
        ("Survey B", ["2026-07-01"]),
    ]
    assert [r.labelled for r in rounds] == [True, False, True]
    assert (rounds[0].first, rounds[0].last, rounds[0].respondents) == (
        "2026-01-01",
        "2026-06-30",
        2,
    )


def test_records_are_keyed_by_organization_and_unit_ignoring_case_and_spaces():
    items = [
        make("2026-01-01", "Acme", "Data"),
        make("2026-01-02", " acme ", "data"),
        make("2026-01-03", "Acme", "Retail"),
        make("2026-01-04", "Beta Corp"),
    ]
    records = organizations(items)
    assert [(r.organization, r.unit, len(r.assessments)) for r in records] == [
        ("Acme", "Data", 2),
        ("Acme", "Retail", 1),
        ("Beta Corp", "", 1),
    ]
    assert len(find_records(records, "ACME")) == 2
    assert [r.unit for r in find_records(records, "acme", "retail")] == ["Retail"]
    assert find_records(records, "Acme", "") == []


def test_close_names_suggest_what_was_meant():
    records = organizations([make("2026-01-01", "Meridian Bank"), make("2026-01-01", "Quanta")])
    assert close_names(records, "meridan bank") == ["Meridian Bank"]
    assert close_names(records, "Meridian") == ["Meridian Bank"]
    assert close_names(records, "zzz") == []


def test_close_names_order_limit_and_cutoff():
    """Ratios from difflib, worked out for these names: "nortline" against "northline energy
    corp" is 0.55 (kept: the cutoff is 0.5); "lab" against every "… Lab …" name below 0.4
    (so those come from containment, in case-blind alphabetical order); "bank" against
    "Meridian Bank" 0.47 and "Harbour Bank Group" 0.36 (contained, not close)."""

    def records(*names: str):
        return organizations([make("2026-01-01", n) for n in names])

    assert close_names(records("Northline Energy Corp", "Quanta"), "nortline") == [
        "Northline Energy Corp"
    ]
    labs = records("Gamma Lab Group", "beta Data Lab", "Alpha Research Lab")
    assert close_names(labs, "lab") == ["Alpha Research Lab", "beta Data Lab", "Gamma Lab Group"]
    assert close_names(labs, "lab", limit=2) == ["Alpha Research Lab", "beta Data Lab"]
    # Four close names (0.86 each) are all offered under the default limit of five.
    near = records("Acme Co", "Acne Co", "Acmo Co", "Acma Co")
    assert sorted(close_names(near, "acme co")) == ["Acma Co", "Acme Co", "Acmo Co", "Acne Co"]
    # The limit counts the close matches first: nothing contained is added once it is full.
    banks = records("Meridian Bank", "Bank", "Harbour Bank Group")
    assert close_names(banks, "bank", limit=1) == ["Bank"]
    assert close_names(banks, "bank") == ["Bank", "Harbour Bank Group", "Meridian Bank"]
