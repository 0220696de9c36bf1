"""The executive summary's sentences, from the data, and the seam for facts known elsewhere."""

from __future__ import annotations

from dataclasses import replace

from mlorg_desktop.domain.comparison import compare
from mlorg_desktop.domain.summary import (
    SummaryFacts,
    executive_summary,
    margin_in_words,
    summary_paragraph,
)


def test_margin_in_words_has_three_steps():
    assert margin_in_words(0) == margin_in_words(4.9) == "practically level with"
    assert margin_in_words(5) == margin_in_words(14.9) == "narrowly ahead of"
    assert margin_in_words(15) == margin_in_words(90) == "clearly ahead of"


def test_reading_names_the_archetype_and_the_margin(knowledge, examples):
    cobalt = next(e for e in examples if e.organization == "Cobalt Payments")
    (row,) = compare(knowledge, [cobalt]).rows
    # Embedded fits 95 and R&D 5 for these answers (the Compare tab shows the same figures).
    assert summary_paragraph(row, knowledge.catalog) == (
        "Reads as Business & Product Embedded (fit 95), clearly ahead of "
        "Research & Development (margin 90)."
    )


def test_no_answers_no_reading(knowledge, examples):
    (row,) = compare(knowledge, [replace(examples[0], answers={})]).rows
    assert summary_paragraph(row, knowledge.catalog).startswith("No archetype yet")


def test_facts_from_elsewhere_add_their_sentences_in_order(knowledge, examples):
    rows = compare(knowledge, examples[:2]).rows
    facts = {
        rows[1].assessment.id: SummaryFacts(
            change_since_previous="Model ownership up 20 since 2025-10-15",
            top_disagreement="respondents split on who deploys models",
            first_steps=("name an owner for each model", "budget a pipeline", "hire", "x"),
        )
    }
    first, second = executive_summary(rows, knowledge.catalog, facts)
    assert "change" not in first  # only the assessment the facts are about
    assert second.endswith(
        "Biggest change since the previous round: Model ownership up 20 since 2025-10-15. "
        "Top disagreement: respondents split on who deploys models. "
        "First steps: name an owner for each model; budget a pipeline; hire."
    )
