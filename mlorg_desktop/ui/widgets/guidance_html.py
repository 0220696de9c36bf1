"""The explanation and guidance under the live result, as rich text: why the reading, the
strengths and risks the answers make likely, the roadmap's first steps as next steps, and what
the numbers mean."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from mlorg_desktop.domain.answer_guidance import LikelyRisk, LikelyStrength
from mlorg_desktop.domain.guidance import Guidance
from mlorg_desktop.domain.naming import TRANSITIONAL
from mlorg_desktop.domain.reading_text import COVERAGE_HELP, FIT_HELP, MARGIN_HELP, rule_help
from mlorg_desktop.domain.roadmap import Roadmap
from mlorg_desktop.domain.scoring import Score

NEXT_STEPS = 3


def items(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def details_html(
    result: Score,
    guidance: Guidance | None,
    name: dict[str, str],
    roadmap: Roadmap | None,
    risks: Sequence[LikelyRisk],
    strengths: Sequence[LikelyStrength],
) -> str:
    if result.leader is None or guidance is None:
        return (
            "<p>The explanation and guidance appear once there are enough answers for a "
            "reading.</p>" + numbers_html(result)
        )
    primary = escape(name[result.leader])
    if result.label_shown:
        heading = f"Why {primary}"
    elif result.reading == TRANSITIONAL and result.runner_up:
        heading = f"Why {primary} leads, for now, over {escape(name[result.runner_up])}"
    else:
        heading = f"Why the lean towards {primary}"
    parts = [f"<h3>{heading}</h3>"]
    parts.append("<p><b>Answers that point to it most:</b></p>")
    parts.append(items([f"{c.question_text} — “{c.answer_text}”" for c in result.supporting]))
    if result.pointing_elsewhere:
        parts.append("<p><b>Answers that point elsewhere:</b></p>")
        parts.append(
            items(
                [
                    f"{c.question_text} — “{c.answer_text}” (typical of {name[c.points_to]})"
                    for c in result.pointing_elsewhere
                ]
            )
        )
    parts.append("<h3>Guidance</h3>")
    parts.append(_strengths_html(strengths, name))
    parts.append(_risks_html(risks, name))
    if guidance.conflicts:
        parts.append("<p><b>Where your answers disagree with this archetype:</b></p>")
        parts.append(items(guidance.conflicts))
    parts.append(_next_steps_html(roadmap, name))
    parts.append("<p><b>Your dimensions against the typical profile:</b></p>")
    parts.append(items([n.text for n in guidance.dimension_notes]))
    parts.append(numbers_html(result))
    return "".join(parts)


def _strengths_html(strengths: Sequence[LikelyStrength], name: dict[str, str]) -> str:
    lines = [f"{s.text} (as in {name[s.archetype_id]}, fit {s.fit:.0f})" for s in strengths]
    return f"<p><b>Strengths your answers point to:</b></p>{items(lines)}"


def _risks_html(risks: Sequence[LikelyRisk], name: dict[str, str]) -> str:
    if not risks:
        return (
            "<p><b>Risks your answers make likely:</b> none of your answers leans into a "
            "known weak spot of any archetype.</p>"
        )
    lines = [
        f"{r.warning} (a weak spot of {name[r.archetype_id]}; you answered: "
        + "; ".join(r.because)
        + ")"
        for r in risks
    ]
    return f"<p><b>Risks your answers make likely:</b></p>{items(lines)}"


def _next_steps_html(roadmap: Roadmap | None, name: dict[str, str]) -> str:
    """The roadmap's first steps: what to change next, from these answers."""
    if roadmap is None:
        return (
            "<p><b>Next steps:</b> pick a target (above the questions) to see the changes "
            "that would bring you closest to it.</p>"
        )
    target = escape(name[roadmap.target])
    if not roadmap.steps:
        return f"<p><b>Next steps towards {target}:</b> no single change raises its fit.</p>"
    lines = [
        f"{s.question_text} — from “{s.from_text}” to “{s.to_text}”: {s.meaning}"
        + (" ⚠ " + " ".join(s.warnings) if s.warnings else "")
        for s in roadmap.steps[:NEXT_STEPS]
    ]
    return f"<p><b>Next steps towards {target}</b> (the roadmap's first):</p>{items(lines)}"


def numbers_html(result: Score) -> str:
    """What fit, margin, coverage and the naming rule mean, where the numbers are shown."""
    return "<h3>What the numbers mean</h3>" + items(
        [FIT_HELP, MARGIN_HELP, COVERAGE_HELP, rule_help(result)]
    )
