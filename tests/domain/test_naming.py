"""The naming rule and split answers on a six-question questionnaire small enough to compute
every fit by hand (docs/method.md). Weights: option a = Nascent 3, b = R&D 3, c = Embedded 3
plus R&D 1; q1 and q2 accept "mainly/partly". Floor 40% of 6 = 2.4, so 3 answers."""

from __future__ import annotations

import json

import pytest

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.naming import floor_count
from mlorg_desktop.domain.questionnaire import load_questionnaire
from mlorg_desktop.domain.reading_text import reading_explanation
from mlorg_desktop.domain.scoring import score


def _question(n: int) -> dict[str, object]:
    qid = f"q{n}"
    return {
        "id": qid,
        "text": f"Question {n}?",
        "allow_split": n <= 2,
        "options": [
            {
                "id": f"{qid}a",
                "text": "A",
                "evidence": {"nascent": 3},
                "positions": {"data_ownership": 0},
            },
            {
                "id": f"{qid}b",
                "text": "B",
                "evidence": {"rnd": 3},
                "positions": {"data_ownership": 30},
            },
            {
                "id": f"{qid}c",
                "text": "C",
                "evidence": {"embedded": 3, "rnd": 1},
                "positions": {"data_ownership": 90},
            },
        ],
    }


def _score(tiny, knowledge, **answers):
    return score(tiny, knowledge.catalog, answers)


def test_floor_is_rounded_up(tiny):
    assert floor_count(tiny) == 3


def test_below_the_floor_nothing_is_named_however_lopsided(tiny, knowledge):
    s = _score(tiny, knowledge, q1="q1a", q2="q2a")
    assert s.fits["nascent"] == 100 and s.fits["rnd"] == 0
    assert s.reading == "too few answers" and s.primary is None
    assert s.settle == 1  # one more answer reaches 3 of 6


def test_at_the_floor_a_lead_that_can_be_overturned_is_leaning(tiny, knowledge):
    # Three answers for Nascent, three open. If all three went to R&D (option b):
    # Nascent 9/18 = 50, R&D 9/18 = 50: a tie is not a lead, so not robust.
    s = _score(tiny, knowledge, q1="q1a", q2="q2a", q3="q3a")
    assert (s.answered, s.fits["nascent"]) == (3, 100)
    assert s.reading == "leaning" and s.leader == "nascent" and s.primary is None
    # One more Nascent answer: Nascent 12/18 = 66.7 against R&D 6/18 = 33.3 → robust.
    assert s.settle == 1


def test_robustness_boundary_one_answer_apart(tiny, knowledge):
    # Nascent 9, R&D 3 of 12 possible each; two open. Worst case for Nascent (both to R&D):
    # 9/18 = 50 against (3+6)/18 = 50 → tie → leaning.
    s = _score(tiny, knowledge, q1="q1a", q2="q2a", q3="q3a", q4="q4b")
    assert round(s.fits["nascent"], 4) == 75 and round(s.fits["rnd"], 4) == 25
    assert s.reading == "leaning"
    # Don't know is open too: the same answers with q5 "Don't know" read the same.
    assert (
        _score(tiny, knowledge, q1="q1a", q2="q2a", q3="q3a", q4="q4b", q5="dont_know").reading
        == "leaning"
    )
    # One more Nascent answer: worst case 12/18 = 66.7 against 6/18 = 33.3 → named.
    s = _score(tiny, knowledge, q1="q1a", q2="q2a", q3="q3a", q4="q4b", q5="q5a")
    assert s.reading == "named" and s.primary == "nascent"
    # Not applicable closes a question: with q5 N/A only q6 is open:
    # 9/15 = 60 against (3+3)/15 = 40 → named without a fifth answer.
    s = _score(tiny, knowledge, q1="q1a", q2="q2a", q3="q3a", q4="q4b", q5="not_applicable")
    assert s.answered == 4 and s.reading == "named"


def test_close_race_reads_transitional(tiny, knowledge):
    # Embedded 6/9 = 66.7; R&D (1 + 3 + 1)/9 = 55.6; margin 11.1 < 15.
    s = _score(tiny, knowledge, q1="q1c", q2="q2b", q3="q3c")
    assert round(s.margin, 1) == 11.1
    assert s.reading == "transitional" and (s.leader, s.runner_up) == ("embedded", "rnd")
    # A fourth Embedded answer: 9/12 = 75 against 6/12 = 50, margin 25: no longer close;
    # worst case (two open, both R&D) 9/18 = 50 against 12/18 = 66.7 → leaning.
    s = _score(tiny, knowledge, q1="q1c", q2="q2b", q3="q3c", q4="q4c")
    assert round(s.margin, 4) == 25 and s.reading == "leaning"


def test_split_answers_blend_evidence_and_positions(tiny, knowledge):
    s = _score(tiny, knowledge, q1=Split("q1c", "q1b"), q2="q2c", q3="q3c", q4="q4c")
    # Embedded: 2/3*3 + 3 + 3 + 3 = 11 of 12; R&D: (2/3*1 + 1/3*3) + 1 + 1 + 1 = 14/3 of 12.
    assert s.fits["embedded"] == pytest.approx(100 * 11 / 12)
    assert s.fits["rnd"] == pytest.approx(100 * (14 / 3) / 12)
    # q1 sits at 2/3*90 + 1/3*30 = 70; the others at 90: mean (70 + 90*3)/4 = 85.
    assert s.positions["data_ownership"] == pytest.approx(85)
    assert s.answered == 4
    # One split between the top two is not a transition; the worst case (q5, q6 to R&D)
    # 11/18 = 61.1 against (14/3 + 6)/18 = 59.3 keeps Embedded ahead → named.
    assert s.reading == "named" and s.primary == "embedded"


def test_two_splits_between_the_top_two_read_transitional(tiny, knowledge):
    s = _score(tiny, knowledge, q1=Split("q1c", "q1b"), q2=Split("q2c", "q2b"), q3="q3c", q4="q4c")
    # Embedded (2 + 2 + 3 + 3)/12 = 83.3; R&D (5/3 + 5/3 + 1 + 1)/12 = 44.4: margin 38.9,
    # but both structure answers say "mainly Embedded, partly R&D" and R&D holds 44 ≥ 25.
    assert s.fits["embedded"] == pytest.approx(100 * 10 / 12)
    assert s.fits["rnd"] == pytest.approx(100 * (16 / 3) / 12)
    assert s.reading == "transitional" and s.reading_detail.splits_between_top_two == 2
    assert (s.leader, s.runner_up) == ("embedded", "rnd")


def test_split_answer_validity(tiny):
    q1, q3 = tiny.question("q1"), tiny.question("q3")
    assert q1.accepts(Split("q1a", "q1b"))
    assert not q1.accepts(Split("q1a", "q1a"))  # one option twice is not a split
    assert not q1.accepts(Split("q1a", "q2b"))  # another question's option
    assert not q3.accepts(Split("q3a", "q3b"))  # q3 takes one answer only
    assert q1.answer_text(Split("q1a", "q1b")) == "Mainly: A Partly: B"


def test_splits_that_give_nothing_to_the_runner_up_are_no_transition(tiny, knowledge):
    s = _score(tiny, knowledge, q1=Split("q1c", "q1a"), q2=Split("q2c", "q2a"), q3="q3c", q4="q4c")
    # Embedded (2 + 2 + 3 + 3)/12 = 83.3; R&D (2/3 + 2/3 + 1 + 1)/12 = 27.8 (runner-up);
    # Nascent (1 + 1)/12 = 16.7. Both splits are Embedded/Nascent: none gives R&D a part.
    assert s.fits["rnd"] == pytest.approx(100 * (10 / 3) / 12) and s.runner_up == "rnd"
    assert s.reading_detail.splits_between_top_two == 0
    # Worst case against R&D (q5, q6 to R&D): 10/18 = 55.6 against (10/3 + 6)/18 = 51.9.
    assert s.reading == "named"


def test_a_split_between_a_third_archetype_and_the_runner_up_counts(tiny, knowledge):
    # "Mainly Nascent, partly R&D" twice while Embedded leads: R&D is given a part twice.
    s = _score(
        tiny,
        knowledge,
        q1=Split("q1a", "q1b"),
        q2=Split("q2a", "q2b"),
        q3="q3c",
        q4="q4c",
        q5="q5c",
    )
    # Embedded 9/15 = 60; R&D (1 + 1 + 1 + 1 + 1)/15 = 33.3; Nascent (2 + 2)/15 = 26.7.
    assert s.runner_up == "rnd" and s.fits["rnd"] == pytest.approx(100 * 5 / 15)
    assert s.reading_detail.splits_between_top_two == 2 and s.reading == "transitional"


def _weighted_question(n: int, weight: float) -> dict[str, object]:
    qid = f"q{n}"
    return {
        "id": qid,
        "text": f"Question {n}?",
        "options": [  # R&D's first: the count must pick Nascent's option, not the first one
            {"id": f"{qid}b", "text": "B", "evidence": {"rnd": weight}, "positions": {}},
            {"id": f"{qid}a", "text": "A", "evidence": {"nascent": weight}, "positions": {}},
        ],
    }


@pytest.fixture(scope="module")
def uneven(tmp_path_factory, knowledge):
    """Four questions, q1-q3 weighing 1 (for Nascent or R&D), q4 weighing 3; floor 25% = one
    answer, so a single answer is already 'leaning' when the rest could overturn it."""
    questions = [_weighted_question(n, 1) for n in (1, 2, 3)] + [_weighted_question(4, 3)]
    doc = {
        "version": 8,
        "title": "Uneven",
        "instructions": "For tests.",
        "naming": {"rule": "robust_lead", "floor": 0.25},
        "sections": [{"id": "s", "title": "S", "intro": "S.", "questions": questions}],
    }
    path = tmp_path_factory.mktemp("q") / "questionnaire-v8.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_questionnaire(path, knowledge.catalog)


def test_settle_counts_the_weightiest_open_question_first(uneven, knowledge):
    """q1 = Nascent: Nascent 1 of 1, R&D 0 of 1; q2, q3 (weight 1) and q4 (weight 3) open.
    The weightiest first: q4 for Nascent gives 4 of 4, and even q2 and q3 both for R&D leave
    Nascent 4 of 6 against 2 of 6, so one answer settles it. Lightest or list order first,
    it would take three: after q2 and q3 for Nascent (3 of 3), q4 for R&D still ties 3 / 3."""
    s = score(uneven, knowledge.catalog, {"q1": "q1a"})
    assert s.reading == "leaning" and s.leader == "nascent"
    assert s.settle == 1
    # Answered as counted, the lead is robust: the reading names Nascent.
    settled = score(uneven, knowledge.catalog, {"q1": "q1a", "q4": "q4a"})
    assert settled.primary == "nascent"
    # q2 and q3 for Nascent are not enough (q4 for R&D would tie 3 of 6 each): still leaning.
    assert score(uneven, knowledge.catalog, {"q1": "q1a", "q2": "q2a", "q3": "q3a"}).primary is None


NASCENT, RND, EMBEDDED = "Nascent / ad-hoc", "Research & Development", "Business & Product Embedded"


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        (  # 2 of 6: the floor is 3 answers, so one more
            {"q1": "q1a", "q2": "q2a"},
            "Too few answers: 2 of 6 answered; an archetype can be named from 3 on. Answer 1 "
            "more to see a reading. The fit scores below are provisional.",
        ),
        (  # R&D, tied second at 0, can still draw level: 9 of 18 each with q4-q6 as b
            {"q1": "q1a", "q2": "q2a", "q3": "q3a"},
            f"Leaning towards {NASCENT}: it leads {RND} by 100 points with 3 of 6 answered, but "
            f"the open questions could still put {RND} ahead. About 1 more answer in line with "
            f"{NASCENT} would settle it.",
        ),
        (  # 6 of 9 against 3 of 9; one more a still ties 9 / 9 of 18, two settle it
            {"q1": "q1a", "q2": "q2a", "q3": "q3b"},
            f"Leaning towards {NASCENT}: it leads {RND} by 33 points with 3 of 6 answered, but "
            f"the open questions could still put {RND} ahead. About 2 more answers in line with "
            f"{NASCENT} would settle it.",
        ),
        (  # 12 of 12; q5 and q6 to R&D leave 12 of 18 against 6 of 18
            {"q1": "q1a", "q2": "q2a", "q3": "q3a", "q4": "q4a"},
            f"{NASCENT} is named: 4 of 6 answered (at least 3 are needed), and its lead of 100 "
            f"points over {RND} is robust — even if every one of the 2 unanswered or “Don't "
            f"know” questions went to another archetype, {NASCENT} would still lead.",
        ),
        (  # Embedded 6 of 9 = 66.7, R&D 5 of 9 = 55.6: 11 points, under the 15 of a close race
            {"q1": "q1c", "q2": "q2b", "q3": "q3c"},
            f"Transitional between {EMBEDDED} and {RND}: the two are only 11 points apart. Read "
            f"the guidance of both; {EMBEDDED} leads for now (3 of 6 answered).",
        ),
        (
            {"q1": Split("q1c", "q1b"), "q2": Split("q2c", "q2b"), "q3": "q3c", "q4": "q4c"},
            f"Transitional between {EMBEDDED} and {RND}: your “mainly / partly” answers divide 2 "
            f"structure questions between them. Read the guidance of both; {EMBEDDED} leads for "
            "now (4 of 6 answered).",
        ),
        (
            {"q1": "dont_know"},
            "No answer so far carries evidence for any archetype. Answer the questions with what "
            "your organization does today to see a fit.",
        ),
    ],
)
def test_reading_explanations_word_for_word(tiny, knowledge, answers, words):
    """What the result panel, the sheet and the CLI say, with the counts worked out by hand
    (weights in the module docstring)."""
    names = {a.id: a.name for a in knowledge.catalog.archetypes}
    assert reading_explanation(score(tiny, knowledge.catalog, answers), names) == words
