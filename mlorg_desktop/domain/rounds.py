"""Organizations and rounds: which assessments were answered by one organization at one time.

An organization's record is every assessment with the same organization and unit (compared
without regard to case or surrounding spaces). Within a record, assessments form rounds:

* an assessment with a ``round`` label belongs to the round of that label, whatever its date;
* the others are grouped by date: the earliest starts a round, and every later one dated at
  most ``ROUND_DAYS`` days after that round's first assessment joins it; the first one after
  that starts the next round.

Rounds are ordered by their first date (then label), so consecutive rounds form the trend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from mlorg_desktop.domain.assessment import Assessment

ROUND_DAYS = 60


def record_key(organization: str, unit: str) -> tuple[str, str]:
    """How two spellings of one organization and unit are recognised as the same."""
    return (" ".join(organization.split()).casefold(), " ".join(unit.split()).casefold())


@dataclass(frozen=True)
class Round:
    label: str
    assessments: tuple[Assessment, ...]  # ordered by date, then respondent
    labelled: bool  # True when the label came from the assessments' ``round`` field

    @property
    def first(self) -> str:
        return min(a.assessed_on for a in self.assessments)

    @property
    def last(self) -> str:
        return max(a.assessed_on for a in self.assessments)

    @property
    def respondents(self) -> int:
        return len(self.assessments)


@dataclass(frozen=True)
class OrganizationRecord:
    organization: str  # as first spelled (earliest assessment)
    unit: str
    rounds: tuple[Round, ...]

    @property
    def key(self) -> tuple[str, str]:
        return record_key(self.organization, self.unit)

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        return tuple(a for r in self.rounds for a in r.assessments)

    @property
    def title(self) -> str:
        return f"{self.organization} · {self.unit}" if self.unit else self.organization


def _by_date(assessment: Assessment) -> tuple[str, str, str]:
    return (assessment.assessed_on, assessment.respondent.casefold(), assessment.id)


def group_rounds(assessments: Iterable[Assessment], days: int = ROUND_DAYS) -> tuple[Round, ...]:
    """The rounds of one organization record (see the module docstring)."""
    labelled: dict[str, list[Assessment]] = {}
    dated: list[Assessment] = []
    for a in assessments:
        label = a.round.strip()
        if label:
            labelled.setdefault(label, []).append(a)
        else:
            dated.append(a)
    rounds = [
        Round(label, tuple(sorted(items, key=_by_date)), labelled=True)
        for label, items in labelled.items()
    ]
    current: list[Assessment] = []
    start: date | None = None
    for a in sorted(dated, key=_by_date):
        day = date.fromisoformat(a.assessed_on)
        if start is None or (day - start).days > days:
            if current:
                rounds.append(Round(current[0].assessed_on, tuple(current), labelled=False))
            current, start = [], day
        current.append(a)
    if current:
        rounds.append(Round(current[0].assessed_on, tuple(current), labelled=False))
    rounds.sort(key=lambda r: (r.first, r.label.casefold()))
    return tuple(rounds)


def organizations(assessments: Iterable[Assessment]) -> list[OrganizationRecord]:
    """Every organization record in ``assessments``, ordered by organization, then unit."""
    groups: dict[tuple[str, str], list[Assessment]] = {}
    for a in assessments:
        groups.setdefault(record_key(a.organization, a.unit), []).append(a)
    records = []
    for items in groups.values():
        first = min(items, key=_by_date)
        records.append(
            OrganizationRecord(
                organization=" ".join(first.organization.split()),
                unit=" ".join(first.unit.split()),
                rounds=group_rounds(items),
            )
        )
    records.sort(key=lambda r: r.key)
    return records


def find_records(
    records: Sequence[OrganizationRecord], name: str, unit: str | None = None
) -> list[OrganizationRecord]:
    """The records of organization ``name`` (any unit, or only ``unit`` when given)."""
    wanted = record_key(name, unit or "")
    return [r for r in records if r.key[0] == wanted[0] and (unit is None or r.key[1] == wanted[1])]


def close_names(records: Sequence[OrganizationRecord], name: str, limit: int = 5) -> list[str]:
    """Organization names that look like ``name`` (for "did you mean")."""
    import difflib

    names = sorted({r.organization for r in records}, key=str.casefold)
    by_key = {n.casefold(): n for n in names}
    matches = difflib.get_close_matches(name.casefold(), list(by_key), n=limit, cutoff=0.5)
    contained = [
        n for n in names if name.casefold() in n.casefold() and n.casefold() not in matches
    ]
    return [by_key[m] for m in matches] + contained[: max(0, limit - len(matches))]
