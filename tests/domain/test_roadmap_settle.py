"""Settling answers: when options tie for the target, the one worst for its rival is chosen."""

from __future__ import annotations

from mlorg_desktop.domain.roadmap_settle import settling_answers
from mlorg_desktop.domain.scoring import score

# R&D's option on eight questions, Nascent's on seven, q06 not applicable: R&D 51.2, Nascent
# 48.8, a transitional reading that open questions answered R&D's way can settle.
RND_AGAINST_NASCENT = {
    **{q: f"{q}b" for q in ("q02", "q07", "q08", "q13", "q15", "q16", "q17", "q25")},
    **{q: f"{q}a" for q in ("q05", "q09", "q10", "q11", "q12", "q14", "q20")},
    "q06": "not_applicable",
}


def test_a_tie_for_the_target_goes_to_the_option_worst_for_its_rival(knowledge):
    q = knowledge.bank.latest
    result = score(q, knowledge.catalog, RND_AGAINST_NASCENT)
    assert result.leader == "rnd" and result.ranking[1] == "nascent"
    assert result.reading == "transitional"
    chosen = settling_answers(q, knowledge.catalog, result, "rnd")
    # Weightiest first (q01, q04: 6 points; q03, q18: 5). On q18 q18a (Nascent 2, R&D 2) and
    # q18d (R&D 2, Independent 1) tie for R&D; q18d gives the rival Nascent nothing, and
    # with it R&D is named.
    assert [(question.id, option) for question, option in chosen] == [
        ("q01", "q01b"),
        ("q04", "q04b"),
        ("q03", "q03a"),
        ("q18", "q18d"),
    ]
