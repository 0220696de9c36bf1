"""Role groups: leadership or practitioners, guessed from the free-text ``role`` and overridable.

The guess looks for words that name a leadership position (head, chief, director, lead, manager,
CTO …). The user can set the group of any role text; ``overrides`` maps a role, compared without
case or surrounding spaces (``role_key``), to ``LEADERSHIP`` or ``PRACTITIONERS``. A respondent
without a role is in no group and counts only in the round's combined reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.pooling import RoundReading, combine
from mlorg_desktop.domain.questionnaire import QuestionBank

LEADERSHIP = "leadership"
PRACTITIONERS = "practitioners"
ROLE_GROUPS = (LEADERSHIP, PRACTITIONERS)
GROUP_NAMES = {LEADERSHIP: "Leadership", PRACTITIONERS: "Practitioners"}

_LEADER_WORDS = re.compile(
    r"\b(chief|head|director|vp|vice[- ]president|president|founder|owner|lead|leader|manager|"
    r"officer|executive|partner|c[a-z]?[a-z]o)\b",
    re.IGNORECASE,
)


def role_key(role: str) -> str:
    return " ".join(role.split()).casefold()


def guessed_group(role: str) -> str | None:
    """Leadership when the role names a leading position, else practitioners; None if blank."""
    if not role.strip():
        return None
    return LEADERSHIP if _LEADER_WORDS.search(role) else PRACTITIONERS


def role_group(role: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The group of ``role``: the user's setting when there is one, else the guess."""
    if not role.strip():
        return None
    chosen = (overrides or {}).get(role_key(role))
    return chosen if chosen in ROLE_GROUPS else guessed_group(role)


@dataclass(frozen=True)
class RoleSplit:
    """A round read separately for each role group (only when both groups answered)."""

    groups: dict[str, RoundReading]  # LEADERSHIP and PRACTITIONERS
    members: dict[str, tuple[Assessment, ...]]

    @property
    def differing_questions(self) -> list[str]:
        """Questions whose most common answer differs between the groups."""
        lead = self.groups[LEADERSHIP].combined_answers
        practice = self.groups[PRACTITIONERS].combined_answers
        return [q for q in lead if q in practice and lead[q] != practice[q]]

    @property
    def leaders_differ(self) -> bool:
        """The groups' best-fitting archetypes differ ("leaders see X, engineers see Y")."""
        return self.groups[LEADERSHIP].score.leader != self.groups[PRACTITIONERS].score.leader


def split_by_role(
    assessments: Sequence[Assessment],
    bank: QuestionBank,
    catalog: Catalog,
    overrides: Mapping[str, str] | None = None,
) -> RoleSplit | None:
    members: dict[str, list[Assessment]] = {g: [] for g in ROLE_GROUPS}
    for a in assessments:
        group = role_group(a.role, overrides)
        if group is not None:
            members[group].append(a)
    if not all(members.values()):
        return None
    return RoleSplit(
        groups={g: combine(members[g], bank, catalog) for g in ROLE_GROUPS},
        members={g: tuple(members[g]) for g in ROLE_GROUPS},
    )
