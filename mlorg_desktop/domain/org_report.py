"""An organization record read whole: each round's combined reading, its role split, the trend.

This is what the Organizations view, the ``org`` command and the sheet show. ``read_record`` does
the work once; ``record_json`` is the ``org --json`` contract and ``summary_lines`` its text form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.pooling import RoundReading, combine
from mlorg_desktop.domain.roles import GROUP_NAMES, RoleSplit, split_by_role
from mlorg_desktop.domain.rounds import OrganizationRecord, Round
from mlorg_desktop.domain.trend import RoundChange, trend


@dataclass(frozen=True)
class ReadRound:
    round: Round
    reading: RoundReading
    by_role: RoleSplit | None


@dataclass(frozen=True)
class RecordReading:
    record: OrganizationRecord
    rounds: tuple[ReadRound, ...]
    trend: tuple[RoundChange, ...]


def read_record(
    record: OrganizationRecord, knowledge: Knowledge, overrides: Mapping[str, str] | None = None
) -> RecordReading:
    """Pool every round of ``record``; ``overrides`` sets role groups (see domain.roles)."""
    rounds = tuple(
        ReadRound(
            r,
            combine(r.assessments, knowledge.bank, knowledge.catalog),
            split_by_role(r.assessments, knowledge.bank, knowledge.catalog, overrides),
        )
        for r in record.rounds
    )
    changes = trend([(r.round, r.reading) for r in rounds])
    return RecordReading(record, rounds, tuple(changes))


def _num(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def combined_json(reading: RoundReading) -> dict[str, object]:
    score = reading.score
    return {
        "primary_archetype": score.primary,
        "reading": reading.reading,
        "fits": {a: _num(v) for a, v in score.fits.items()},
        "positions": {d: _num(v) for d, v in score.positions.items()},
        "coverage": round(score.coverage, 4),
    }


def _count(weight: float) -> float | int:
    return int(weight) if float(weight).is_integer() else round(weight, 2)


def round_json(item: ReadRound) -> dict[str, object]:
    reading = item.reading
    by_role = None
    if item.by_role is not None:
        by_role = {
            group: {
                "respondents": len(item.by_role.members[group]),
                "leading_archetype": part.score.leader,
                **combined_json(part),
            }
            for group, part in item.by_role.groups.items()
        }
        by_role["differing_questions"] = item.by_role.differing_questions  # type: ignore[assignment]
    return {
        "label": item.round.label,
        "from": item.round.first,
        "to": item.round.last,
        "respondents": item.round.respondents,
        "combined": combined_json(reading),
        "agreement": _num(reading.agreement, 4),
        "disagreements": [
            {
                "question_id": pool.question_id,
                "agreement": _num(pool.agreement, 4),
                "answers": {option: _count(w) for option, w in pool.weights.items()},
            }
            for pool in reading.disagreements
        ],
        "by_role": by_role,
    }


def change_json(change: RoundChange) -> dict[str, object]:
    return {
        "from": change.before.label,
        "to": change.after.label,
        "fit_change": {a: _num(v) for a, v in change.fit_change.items()},
        "position_change": {d: _num(v) for d, v in change.position_change.items()},
        "answers_changed": [
            {"question_id": c.question_id, "before": c.before, "after": c.after}
            for c in change.answers_changed
        ],
    }


def record_json(reading: RecordReading) -> dict[str, object]:
    """The ``org --json`` document."""
    return {
        "organization": reading.record.organization,
        "unit": reading.record.unit,
        "rounds": [round_json(r) for r in reading.rounds],
        "trend": [change_json(c) for c in reading.trend],
    }


def _signed(value: float) -> str:
    return f"{value:+.0f}"


def summary_lines(reading: RecordReading, knowledge: Knowledge) -> list[str]:
    """The readable summary printed by ``org`` without ``--json``."""
    names = {a.id: a.name for a in knowledge.catalog.archetypes}
    dims = {d.id: d.name for d in knowledge.catalog.dimensions}
    lines = [reading.record.title]
    for item in reading.rounds:
        r, combined = item.round, item.reading
        score = combined.score
        span = r.first if r.first == r.last else f"{r.first} to {r.last}"
        lines.append("")
        lines.append(f"Round {r.label} ({span}), {plural(r.respondents, 'respondent')}")
        named = names[score.primary] if score.primary else "no archetype named"
        lines.append(
            f"  Combined reading: {named} ({combined.reading}), coverage {score.coverage:.0%}"
        )
        lines.append(
            "  Fit: " + ", ".join(f"{names[a]} {score.fits[a]:.0f}" for a in score.ranking)
        )
        lines.append(
            "  Positions: "
            + ", ".join(
                f"{dims[d]} {'—' if v is None else f'{v:.0f}'}" for d, v in score.positions.items()
            )
        )
        if combined.agreement is not None:
            lines.append(f"  Agreement: {combined.agreement:.0%}")
        for pool in combined.disagreements:
            given = ", ".join(f"{o} ×{_count(w)}" for o, w in pool.weights.items())
            lines.append(
                f"  Disagreement on {pool.question_id} ({pool.agreement or 0:.0%} agree): {given}"
            )
        if item.by_role is not None:
            for group, part in item.by_role.groups.items():
                leader = names.get(part.score.leader or "", "no archetype")
                lines.append(
                    f"  {GROUP_NAMES[group]} ({len(item.by_role.members[group])}): {leader}"
                )
    for change in reading.trend:
        lines.append("")
        lines.append(f"Since {change.before.label} (to {change.after.label}):")
        lines.append(
            "  Fit: " + ", ".join(f"{names[a]} {_signed(v)}" for a, v in change.fit_change.items())
        )
        lines.append(
            "  Positions: "
            + ", ".join(
                f"{dims[d]} {'—' if v is None else _signed(v)}"
                for d, v in change.position_change.items()
            )
        )
        if change.answers_changed:
            lines.append(
                "  Combined answer changed on: "
                + ", ".join(c.question_id for c in change.answers_changed)
            )
    return lines
