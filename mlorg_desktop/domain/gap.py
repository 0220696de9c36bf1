"""The gap: per design dimension, where an assessment sits and where its target typically sits.

Positions are on 0-100 (low label to high label, ``catalog/dimensions.json``); the target's
reference position and its note come from ``catalog/archetypes.json``. ``words`` says the
distance in plain words for every surface (window, sheet, CLI).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlorg_desktop.domain.catalog import Catalog, Dimension
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.domain.scoring import Score

CLOSE = 10.0  # points: within this of the reference position reads as "about where it sits"


@dataclass(frozen=True)
class GapLine:
    dimension_id: str
    dimension_name: str
    current: float | None  # None: no answer places the assessment on this dimension yet
    target: float | None  # None: the target has no typical position here (Nascent)
    distance: float | None  # target - current, signed; None when either is unknown
    words: str


def gap(
    score: Score, target_id: str, catalog: Catalog, questionnaire: Questionnaire
) -> tuple[GapLine, ...]:
    """One line per dimension, in catalog order, for the archetype ``target_id``."""
    del questionnaire  # positions come with the score; kept in the signature for the seams
    archetype = catalog.archetype(target_id)
    lines = []
    for dimension in catalog.dimensions:
        current = score.positions.get(dimension.id)
        placement = archetype.placements.get(dimension.id)
        target = placement.position if placement else None
        note = placement.note if placement else ""
        distance = target - current if target is not None and current is not None else None
        lines.append(
            GapLine(
                dimension_id=dimension.id,
                dimension_name=dimension.name,
                current=current,
                target=target,
                distance=distance,
                words=_words(dimension, archetype.name, current, target, note),
            )
        )
    return tuple(lines)


def _where(dimension: Dimension, position: float) -> str:
    if position < 34:
        return f"toward “{dimension.low_label}” ({position:.0f} of 100)"
    if position > 66:
        return f"toward “{dimension.high_label}” ({position:.0f} of 100)"
    ends = f"“{dimension.low_label}” and “{dimension.high_label}”"
    return f"midway between {ends} ({position:.0f} of 100)"


def _lower_first(text: str) -> str:
    """A catalog note continues a sentence; keep capitals of words like ML."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _words(
    dimension: Dimension, name: str, current: float | None, target: float | None, note: str
) -> str:
    head = f"{dimension.name}: "
    if current is None:
        today = "no answer places you on this dimension yet"
    else:
        today = f"you sit {_where(dimension, current)}"
    if target is None:
        return f"{head}{today}; a typical {name} has no set position here: {_lower_first(note)}"
    there = f"a typical {name} sits {_where(dimension, target)}: {_lower_first(note)}"
    if current is None:
        return f"{head}{today}; {there} Answer this dimension's questions to see the gap."
    distance = target - current
    if abs(distance) <= CLOSE:
        return f"{head}{today}, about where {there}"
    direction = dimension.high_label if distance > 0 else dimension.low_label
    return f"{head}{today}; {there} That is {abs(distance):.0f} points toward “{direction}”."
