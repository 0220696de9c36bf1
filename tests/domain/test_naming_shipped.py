"""The naming rule on the shipped questionnaire version 2 where its options tie: the worst case
for the leader, and answers to settle a lead when some questions carry nothing for the leader."""

from __future__ import annotations

from mlorg_desktop.domain.reading_text import reading_explanation
from mlorg_desktop.domain.scoring import score

# Nascent's option on nine questions; q21b and q22b carry no evidence at all.
NASCENT_NINE = {
    **{q: f"{q}a" for q in ("q10", "q11", "q12", "q13", "q14", "q15", "q16", "q17", "q20")},
    "q21": "q21b",
    "q22": "q22b",
}


def test_the_worst_case_for_the_leader_breaks_ties_against_it(knowledge):
    """Nascent has 27 of 27, R&D 0 of 29. If the 16 open questions went R&D's way, R&D would
    earn 35 of 64 (54.7%). On q18 and q19 two options each give R&D the most (q18a / q18d,
    q19a / q19e); the worst for Nascent are q18d (0) and q19e (1), leaving Nascent 32 of 61
    (52.5%): R&D could catch up, so the lead is not robust. The first listed, q18a and q19a
    (Nascent 2 each), would leave it 35 of 61 (57.4%) and R&D behind."""
    result = score(knowledge.bank.latest, knowledge.catalog, NASCENT_NINE)
    assert result.fits["nascent"] == 100.0 and result.fits["rnd"] == 0.0
    assert result.reading == "leaning"
    assert result.reading_detail.challenger == "rnd"
    names = {a.id: a.name for a in knowledge.catalog.archetypes}
    assert reading_explanation(result, names) == (
        "Leaning towards Nascent / ad-hoc: it leads Research & Development by 100 points with "
        "11 of 27 answered, but the open questions could still put Research & Development "
        "ahead. About 2 more answers in line with Nascent / ad-hoc would settle it."
    )


def test_answers_to_settle_count_questions_that_carry_nothing_for_the_leader(knowledge):
    """ML-First's option on nine questions and Nascent's on q14 and q15: ML-First 27 of 33,
    Nascent 6 of 32. Open questions q01, q04, q05 and q08 give ML-First no evidence at all;
    one more answer in line with ML-First settles the lead."""
    answers = {
        **{q: f"{q}e" for q in ("q02", "q06", "q07", "q09", "q10", "q11", "q12", "q13")},
        "q03": "q03d",
        "q14": "q14a",
        "q15": "q15a",
    }
    result = score(knowledge.bank.latest, knowledge.catalog, answers)
    assert (result.fits["ml_first"], result.fits["nascent"]) == (100 * 27 / 33, 100 * 6 / 32)
    assert result.reading == "leaning" and result.reading_detail.challenger == "nascent"
    assert result.settle == 1
