"""The executive summary of a comparison: a few plain sentences per assessment, from the data.

The seam for later capabilities: ``SummaryFacts`` carries what other parts of the app know
about an assessment beyond its own score (the change since the previous round of the same
organization, the question its respondents disagree on most, the first steps of a roadmap).
Whoever computes those passes them in ``facts`` keyed by assessment id; a sentence appears
only for the facts that are present, so the summary works today without any of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import ComparedAssessment
from mlorg_desktop.domain.naming import LEANING, TRANSITIONAL

NEAR_TIE = 5.0  # fit points: below this the runner-up is practically level
CLEAR_LEAD = 15.0  # fit points: from this on the lead is clear


@dataclass(frozen=True)
class SummaryFacts:
    """Optional extra facts about one assessment, supplied by other features when known."""

    change_since_previous: str = ""  # e.g. "Model ownership up 20 since 2025-03-01"
    top_disagreement: str = ""  # e.g. "respondents split on who deploys models"
    first_steps: tuple[str, ...] = ()  # the first roadmap steps, most important first
    # When several compared respondents share a round, the round's change and disagreement are
    # said once: on the first of them (round_size > 1, round_label), and the others point there.
    round_size: int = 0
    round_label: str = ""
    same_round_as: int = 0  # the 1-based number of the paragraph that has this round's facts


def margin_in_words(margin: float) -> str:
    """How far the leading archetype is ahead of the runner-up, said in words."""
    if margin < NEAR_TIE:
        return "practically level with"
    if margin < CLEAR_LEAD:
        return "narrowly ahead of"
    return "clearly ahead of"


def reading(row: ComparedAssessment, catalog: Catalog) -> str:
    """One sentence: what the assessment reads as, and how firmly."""
    s = row.score
    if s.primary is None and s.leader and s.runner_up and s.reading == TRANSITIONAL:
        leader, runner = catalog.archetype(s.leader).name, catalog.archetype(s.runner_up).name
        return f"Reads as transitional between {leader} and {runner} (margin {s.margin:.0f})."
    if s.primary is None and s.leader and s.reading == LEANING:
        leader = catalog.archetype(s.leader).name
        return (
            f"Leaning towards {leader} (fit {s.fits[s.leader]:.0f}); about {s.settle} more "
            "answers in line with it would settle it."
        )
    if s.primary is None:
        if s.leader is None:
            return "No archetype yet: no answer carries evidence for one."
        leader = catalog.archetype(s.leader).name
        return (
            f"No archetype named yet ({s.coverage:.0%} of questions answered); "
            f"provisionally closest to {leader}."
        )
    name = catalog.archetype(s.primary).name
    text = f"Reads as {name} (fit {s.fits[s.primary]:.0f})"
    if s.runner_up:
        runner = catalog.archetype(s.runner_up).name
        text += f", {margin_in_words(s.margin)} {runner} (margin {s.margin:.0f})"
    return text + "."


def summary_paragraph(
    row: ComparedAssessment, catalog: Catalog, facts: SummaryFacts | None = None
) -> str:
    """The summary of one assessment: its reading, then any extra facts that are known."""
    sentences = [reading(row, catalog)]
    facts = facts or SummaryFacts()
    if facts.same_round_as:
        sentences.append(
            f"Same round as {facts.same_round_as}, whose paragraph gives the round's facts."
        )
    else:
        if facts.round_size > 1 and (facts.change_since_previous or facts.top_disagreement):
            sentences.append(f"Round {facts.round_label}, {facts.round_size} respondents together:")
        if facts.change_since_previous:
            sentences.append(
                f"Biggest change since the previous round: {facts.change_since_previous}."
            )
        if facts.top_disagreement:
            sentences.append(f"Top disagreement: {facts.top_disagreement}.")
    if facts.first_steps:
        sentences.append("First steps: " + "; ".join(facts.first_steps[:3]) + ".")
    return " ".join(s if s.endswith((".", "?", "!", ":")) else s + "." for s in sentences)


def executive_summary(
    rows: Sequence[ComparedAssessment],
    catalog: Catalog,
    facts: Mapping[str, SummaryFacts] | None = None,
) -> tuple[str, ...]:
    """One paragraph per compared assessment, in row order."""
    known = facts or {}
    return tuple(summary_paragraph(r, catalog, known.get(r.assessment.id)) for r in rows)
