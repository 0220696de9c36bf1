"""A step's warnings when the answer it changes is a split whose second option places nothing:
the split sits where its placing option does (questionnaire v2, q04 and q21)."""

from __future__ import annotations

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.roadmap_warnings import step_warnings


def test_a_split_placed_by_one_option_sits_at_that_option(knowledge):
    v2 = knowledge.bank.latest
    assert v2.version == 2
    q04, q21 = v2.question("q04"), v2.question("q21")
    # q04c places "Software engineering vs research" at 70 and q04a places nothing, so the split
    # sits at 70 (70 × 2/3 ÷ 2/3), not at 70 × 2/3 × 2/3 ≈ 31. Step 1 (q04 → q04d, at 55) moves
    # it down to 55; step 2 (q21 → q21d, at 85) moves the mean up to (55 + 85) / 2 = 70.
    answers = {"q04": Split("q04c", "q04a")}
    raw = [(q04, answers["q04"], "q04d", 0.0, 0.0), (q21, None, "q21d", 0.0, 0.0)]
    assert step_warnings(
        raw, v2, knowledge.catalog, "embedded", knowledge.roadmap_text, answers
    ) == [
        ("Step 2 pulls Software engineering vs research back toward “Engineering-led”.",),
        (
            "Pulls Software engineering vs research toward “Engineering-led”, against step 1, "
            "which pulls it toward “Research-led”.",
        ),
    ]
