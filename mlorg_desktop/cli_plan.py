"""``mlorg-desktop plan ID [--target ARCHETYPE] [--steps N] [--json]``: the road to a target."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from mlorg_desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from mlorg_desktop.domain.answers import answer_to_json
from mlorg_desktop.domain.gap import GapLine, gap
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.roadmap import KEEP, Roadmap, plan
from mlorg_desktop.domain.scoring import score

if TYPE_CHECKING:
    from mlorg_desktop.domain.assessment import Assessment
    from mlorg_desktop.store import AssessmentStore


def _valid_targets(knowledge: Knowledge) -> str:
    return f"{KEEP} (keep what we are), " + ", ".join(knowledge.catalog.archetype_ids)


def _one(wanted: str, store: AssessmentStore) -> Assessment | None:
    from mlorg_desktop.domain.ids import MIN_PREFIX, resolve_ids

    found = resolve_ids([wanted], (a.id for a in store.all()))
    if found.unknown:
        print(f"error: no saved assessment has the id {wanted!r}", file=sys.stderr)
    elif found.too_short:
        print(
            f"error: the id prefix {wanted!r} is too short; give at least {MIN_PREFIX} characters",
            file=sys.stderr,
        )
    elif found.ambiguous:
        candidates = found.ambiguous[0][1]
        print(
            f"error: the id prefix {wanted!r} is ambiguous; it matches:\n"
            + "".join(f"  {c}  {store.get(c).label}\n" for c in candidates),
            file=sys.stderr,
            end="",
        )
    return store.get(found.ids[0]) if found.ok and found.ids else None


def cmd_plan(
    args: argparse.Namespace, knowledge: Knowledge, store: AssessmentStore, out: TextIO
) -> int:
    assessment = _one(args.id, store)
    if assessment is None:
        return EXIT_BAD_INPUT
    target = args.target if args.target is not None else assessment.target
    if not target:
        print(
            f"error: {assessment.label} has no target; pass --target with one of: "
            f"{_valid_targets(knowledge)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if target != KEEP and target not in knowledge.catalog.archetype_ids:
        print(
            f"error: {target!r} is not an archetype; valid targets: {_valid_targets(knowledge)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    questionnaire = knowledge.bank.get(assessment.questionnaire_version)
    roadmap = plan(
        questionnaire,
        knowledge.catalog,
        assessment.answers,
        target,
        steps=args.steps,
        text=knowledge.roadmap_text,
    )
    today = score(questionnaire, knowledge.catalog, assessment.answers)
    lines = gap(today, roadmap.target, knowledge.catalog, questionnaire) if roadmap.target else ()
    if args.json:
        json.dump(plan_json(assessment, roadmap, lines), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(summary_lines(assessment, roadmap, lines, knowledge)) + "\n")
    return EXIT_OK


def plan_json(
    assessment: Assessment, roadmap: Roadmap, lines: tuple[GapLine, ...]
) -> dict[str, object]:
    """The ``plan --json`` contract (docs/user-guide.md)."""
    return {
        "assessment_id": assessment.id,
        "target": roadmap.target or None,
        "kept": roadmap.kept,
        "current_fit": round(roadmap.current_fit, 2),
        "steps": [
            {
                "question_id": s.question_id,
                "from": None if s.from_answer is None else answer_to_json(s.from_answer),
                "to": s.to_option,
                "fit_after": round(s.fit_after, 2),
                "gain": round(s.gain, 2),
                "dimension": s.dimension_id,
                "section": s.section_id,
                "meaning": s.meaning,
                "warnings": list(s.warnings),
            }
            for s in roadmap.steps
        ],
        "final_fit": round(roadmap.final_fit, 2),
        "final_reading": roadmap.final_reading,
        "reaches_target": roadmap.reaches_target,
        "note": roadmap.note,
        "gap": [
            {
                "dimension": g.dimension_id,
                "current": None if g.current is None else round(g.current, 1),
                "target": g.target,
                "distance": None if g.distance is None else round(g.distance, 1),
                "words": g.words,
            }
            for g in lines
        ],
    }


def summary_lines(
    assessment: Assessment, roadmap: Roadmap, lines: tuple[GapLine, ...], knowledge: Knowledge
) -> list[str]:
    if not roadmap.target:
        return [assessment.label, roadmap.note]
    name = knowledge.catalog.archetype(roadmap.target).name
    kept = " (keep what we are)" if roadmap.kept else ""
    out = [
        f"Road to {name}{kept}: {assessment.label}",
        f"Fit today {roadmap.current_fit:.0f} of 100; after these steps {roadmap.final_fit:.0f}.",
        "",
        "Where you stand",
    ]
    out += [f"  {g.words}" for g in lines]
    out += ["", "Steps (fit after each, cumulative)" if roadmap.steps else "No steps."]
    for number, step in enumerate(roadmap.steps, start=1):
        out += [
            f"  {number}. {step.question_text}  [{step.section_title}]  fit {step.fit_after:.0f}",
            f"     from: {step.from_text}",
            f"     to:   {step.to_text}",
            f"     {step.meaning}",
        ]
        out += [f"     ! {w}" for w in step.warnings]
    out += ["", roadmap.note]
    return out
