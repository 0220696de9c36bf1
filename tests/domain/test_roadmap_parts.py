"""The roadmap's parts: the gap in words, warnings kept on steps, the text file, round answers."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.gap import gap
from mlorg_desktop.domain.pooling import pool_answers
from mlorg_desktop.domain.roadmap import plan, round_answers
from mlorg_desktop.domain.scoring import score


def test_every_option_of_questionnaire_2_has_its_practice_line(knowledge):
    lines = knowledge.roadmap_text.lines[2]
    for question in knowledge.bank.get(2).questions():
        for option in question.options:
            assert lines.get(option.id, "").strip(), option.id
            assert lines[option.id] != option.text  # our practice line, not the question's words
    # Version 1 borrows the lines of the version 2 options its answers carry over to.
    assert knowledge.roadmap_text.lines[1]["q04d"] == lines["q05d"]
    for archetype in knowledge.catalog.archetype_ids:
        assert knowledge.roadmap_text.weaknesses[2][archetype], archetype


def test_a_step_on_an_outcome_question_is_worded_as_an_outcome(knowledge):
    text = knowledge.roadmap_text
    leaving = knowledge.bank.get(2).question("q12")  # why ML practitioners leave
    assert text.meaning(2, leaving, "q12b", "q12c") == (
        "An outcome of the other changes rather than a step to take: "
        + text.lines[2]["q12c"]
        + " (Today: "
        + text.lines[2]["q12b"]
        + ")"
    )
    funding = knowledge.bank.get(2).question("q05")  # how ML is paid for: a lever
    assert text.meaning(2, funding, None, "q05d") == text.lines[2]["q05d"]
    assert "q10" in text.outcomes[1]  # version 1's leaving question, carried over to q12


def test_the_gap_is_computed_per_dimension_and_said_in_words(knowledge):
    # q14a places data ownership at 5, q24b at 15: mean 10. A typical Independent ML
    # organization sits at 65: 55 points toward "Data owner". Nothing places the other two.
    questionnaire = knowledge.bank.get(2)
    result = score(questionnaire, knowledge.catalog, {"q14": "q14a", "q24": "q24b"})
    lines = gap(result, "independent", knowledge.catalog, questionnaire)
    assert [g.dimension_id for g in lines] == [
        "se_vs_research",
        "data_ownership",
        "model_ownership",
    ]
    data = lines[1]
    assert (data.current, data.target, data.distance) == pytest.approx((10.0, 65.0, 55.0))
    assert data.words.startswith("Data ownership: you sit toward “Data consumer” (10 of 100)")
    assert "has a voice in data governance" in data.words
    assert data.words.endswith("That is 55 points toward “Data owner”.")
    assert lines[0].current is None and lines[0].distance is None
    assert "no answer places you on this dimension yet" in lines[0].words
    nascent = gap(result, "nascent", knowledge.catalog, questionnaire)[1]
    assert nascent.target is None and "no set position" in nascent.words


def test_steps_pulling_a_dimension_both_ways_are_marked_not_dropped(knowledge):
    # Independent: q04b gives 0 of 3, q21d 0 of 1. Step 1 q04 -> q04d (3/4 = 75) moves
    # "software engineering vs research" from (20+85)/2 = 52.5 up to (55+85)/2 = 70; step 2
    # q21 -> q21c (4/4 = 100) moves it down to 55. Both steps stay, both carry the warning.
    questionnaire = knowledge.bank.get(2)
    roadmap = plan(
        questionnaire,
        knowledge.catalog,
        {"q04": "q04b", "q21": "q21d"},
        "independent",
        text=knowledge.roadmap_text,
    )
    gaining = [s for s in roadmap.steps if not s.settles]
    assert [(s.question_id, s.to_option) for s in gaining] == [
        ("q04", "q04d"),
        ("q21", "q21c"),
    ]
    assert [s.fit_after for s in gaining] == pytest.approx([75.0, 100.0])
    first, second = gaining
    assert second.warnings == (
        "Pulls Software engineering vs research toward “Research-led”, against step 1, "
        "which pulls it toward “Engineering-led”.",
    )
    assert first.warnings == (
        "Step 2 pulls Software engineering vs research back toward “Research-led”.",
    )


def test_a_step_into_a_known_weak_spot_is_marked(knowledge):
    questionnaire = knowledge.bank.get(2)
    roadmap = plan(
        questionnaire,
        knowledge.catalog,
        {"q17": "q17d", "q01": "q01c"},
        "independent",
        text=knowledge.roadmap_text,
    )
    handover = next(s for s in roadmap.steps if s.to_option == "q17e")
    assert any(
        w.startswith("Leans into a known weak spot of Independent ML organization: Handing models")
        for w in handover.warnings
    )
    central = next(s for s in roadmap.steps if s.to_option == "q01d")
    assert central.warnings == ()


def test_a_rounds_roadmap_is_planned_from_its_most_common_answers(knowledge):
    questionnaire = knowledge.bank.get(2)
    people = [
        Assessment(
            id=f"00000000-0000-4000-8000-00000000000{n}",
            organization="Acme",
            questionnaire_version=2,
            answers=answers,
        )
        for n, answers in enumerate(
            [
                {"q01": "q01c", "q05": "q05c", "q06": "dont_know"},
                {"q01": "q01c", "q05": "q05d"},
                {"q01": "q01d", "q05": "q05d"},
            ]
        )
    ]
    pools = pool_answers(questionnaire, people)
    # q01: two say q01c. q05: two say q05d. q06: only "don't know", so no answer.
    assert round_answers(pools) == {"q01": "q01c", "q05": "q05d"}
    roadmap = plan(questionnaire, knowledge.catalog, round_answers(pools), "independent")
    assert roadmap.steps[0].question_id == "q01" and roadmap.steps[0].to_option == "q01d"
