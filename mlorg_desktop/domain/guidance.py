"""Advice that follows from a score: the archetype's typical strengths and risks, the answers
that disagree with it, and how the dimension positions compare with its reference profile."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.naming import TOO_FEW
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.domain.scoring import Score

CLOSE_ENOUGH = 15.0  # points on the 0-100 scale within which a position matches the reference


@dataclass(frozen=True)
class DimensionNote:
    dimension_id: str
    position: float | None
    reference: float | None
    text: str


@dataclass(frozen=True)
class Guidance:
    archetype_id: str
    strengths: tuple[str, ...]
    risks: tuple[str, ...]
    conflicts: tuple[str, ...]
    dimension_notes: tuple[DimensionNote, ...]


def guidance_for(result: Score, questionnaire: Questionnaire, catalog: Catalog) -> Guidance | None:
    """Guidance for the leading archetype once there is a reading (named, leaning or
    transitional); None with too few answers."""
    if result.leader is None or result.reading == TOO_FEW:
        return None
    primary = catalog.archetype(result.leader)
    return Guidance(
        archetype_id=primary.id,
        strengths=primary.strengths,
        risks=primary.weaknesses,
        conflicts=tuple(
            _section_conflicts(result, questionnaire, catalog) + _answer_conflicts(result, catalog)
        ),
        dimension_notes=tuple(_dimension_notes(result, catalog)),
    )


def _section_conflicts(result: Score, questionnaire: Questionnaire, catalog: Catalog) -> list[str]:
    """Sections where most answers point to another archetype (data access looking Nascent)."""
    assert result.leader is not None
    primary_name = catalog.archetype(result.leader).name
    notes = []
    for section in questionnaire.sections:
        in_section = [c for c in result.contributions if c.section_id == section.id]
        if len(in_section) < 2:
            continue
        votes = Counter(c.points_to for c in in_section)
        other, count = max(votes.items(), key=lambda kv: (kv[1], kv[0] == result.leader))
        if other != result.leader and count * 2 > len(in_section):
            notes.append(
                f"Your answers on “{section.title}” look more like "
                f"{catalog.archetype(other).name} ({count} of {len(in_section)}) than "
                f"{primary_name}. This is where the organization departs most from its "
                "overall pattern."
            )
    return notes


def _answer_conflicts(result: Score, catalog: Catalog) -> list[str]:
    return [
        f"“{c.question_text}” — you answered “{c.answer_text}”, which is typical of "
        f"{catalog.archetype(c.points_to).name}."
        for c in result.pointing_elsewhere[:3]
    ]


def _dimension_notes(result: Score, catalog: Catalog) -> list[DimensionNote]:
    assert result.leader is not None
    primary = catalog.archetype(result.leader)
    notes = []
    for dimension in catalog.dimensions:
        position = result.positions.get(dimension.id)
        reference = primary.reference_position(dimension.id)
        if position is None:
            text = (
                f"{dimension.name}: not enough answers to place you. Answer the "
                f"“{dimension.name}” questions to see where you sit."
            )
        elif reference is None:
            text = (
                f"{dimension.name}: you sit at {position:.0f}. {primary.name} organizations "
                "have usually not made this choice yet, so there is no typical position "
                "to compare with."
            )
        else:
            gap = position - reference
            if abs(gap) <= CLOSE_ENOUGH:
                text = (
                    f"{dimension.name}: you sit at {position:.0f}, close to the typical "
                    f"{primary.name} position ({reference:.0f})."
                )
            else:
                toward = dimension.high_label if gap > 0 else dimension.low_label
                text = (
                    f"{dimension.name}: you sit at {position:.0f}, {abs(gap):.0f} points "
                    f"further towards “{toward}” than the typical {primary.name} "
                    f"position ({reference:.0f})."
                )
        notes.append(DimensionNote(dimension.id, position, reference, text))
    return notes
