"""The words for a reading, shared by the result panel, the saved list, Compare, the sheet and
the CLI, so that every surface says the same thing with the same counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlorg_desktop.domain.naming import CLOSE_MARGIN, LEANING, NAMED, TRANSITIONAL
from mlorg_desktop.domain.questionnaire import COVERAGE_RULE

if TYPE_CHECKING:
    from mlorg_desktop.domain.scoring import Score

ARROWS = " ⇄ "

FIT_HELP = (
    "Fit (0–100): the evidence your answers give an archetype, as a share of the most the "
    "same answered questions could have given it. 100 means every answered question was "
    "answered the way that archetype typically would. Unanswered questions count for nobody."
)
MARGIN_HELP = "Margin: the leader's fit minus the runner-up's fit, in points."
COVERAGE_HELP = (
    "Coverage: the share of questions answered with an option (a “mainly / partly” answer "
    "counts as one). “Don't know” and “Not applicable” are not answers for this count."
)
RULE_HELP = (
    "Naming rule: an archetype is named when at least 40% of the questions are answered and "
    "its lead is robust, i.e. even if every open question were answered in another archetype's "
    "favour, it would still lead. Otherwise the result leans towards the leader and says how "
    "many more answers would settle it. When the top two are within "
    f"{CLOSE_MARGIN:.0f} points, or your "
    "“partly” answers split structure questions between them, the result reads as "
    "transitional between the two."
)
V1_RULE_HELP = (
    "Naming rule for questionnaire version 1: an archetype is named once 70% of the questions "
    "are answered."
)


def rule_help(s: Score) -> str:
    return V1_RULE_HELP if s.rule == COVERAGE_RULE else RULE_HELP


def reading_label(s: Score, names: Mapping[str, str]) -> str:
    """One line: "Independent", "Leaning towards R&D", "Transitional: A ⇄ B", "Too few answers"."""
    if s.leader is None:
        return "Too few answers"
    if s.reading == NAMED:
        return names[s.leader]
    if s.reading == LEANING:
        return f"Leaning towards {names[s.leader]}"
    if s.reading == TRANSITIONAL and s.runner_up:
        return f"Transitional: {names[s.leader]}{ARROWS}{names[s.runner_up]}"
    return "Too few answers"


def answered_text(s: Score) -> str:
    return f"{s.answered} of {s.total} answered"


def reading_explanation(s: Score, names: Mapping[str, str]) -> str:
    """Why the reading is what it is, with the numbers that decided it."""
    if s.rule == COVERAGE_RULE and s.reading != NAMED:
        return s.withheld_reason
    if s.leader is None:
        return (
            "No answer so far carries evidence for any archetype. Answer the questions with "
            "what your organization does today to see a fit."
        )
    leader, margin = names[s.leader], f"{s.margin:.0f}"
    runner = names[s.runner_up] if s.runner_up else "—"
    open_count = len(s.open_questions)  # unanswered or Don't know; N/A is closed
    if s.rule == COVERAGE_RULE:
        return (
            f"{leader} is named: {answered_text(s)}, and version 1 names an archetype from "
            f"70% coverage. It leads {runner} by {margin} points."
        )
    floor = s.floor
    if s.reading == NAMED:
        return (
            f"{leader} is named: {answered_text(s)} (at least {floor} are needed), and its lead "
            f"of {margin} points over {runner} is robust — even if every one of the "
            f"{open_count} unanswered or “Don't know” questions went to another archetype, "
            f"{leader} would still lead."
        )
    if s.reading == LEANING:
        challenger = names.get(s.reading_detail.challenger or "", runner)
        settle = s.settle
        return (
            f"Leaning towards {leader}: it leads {runner} by {margin} points with "
            f"{answered_text(s)}, but the open questions could still put {challenger} ahead. "
            f"About {settle} more answer{'s' if settle != 1 else ''} in line with {leader} "
            "would settle it."
        )
    if s.reading == TRANSITIONAL:
        splits = s.reading_detail.splits_between_top_two
        why = (
            f"the two are only {margin} points apart"
            if s.margin < CLOSE_MARGIN
            else f"your “mainly / partly” answers divide {splits} structure questions between them"
        )
        return (
            f"Transitional between {leader} and {runner}: {why}. Read the guidance of both; "
            f"{leader} leads for now ({answered_text(s)})."
        )
    needed = s.settle
    return (
        f"Too few answers: {answered_text(s)}; an archetype can be named from {floor} on. "
        f"Answer {needed} more to see a reading. "
        "The fit scores below are provisional."
    )
