"""Guidance that follows the answers: weak spots the answers lean into, strengths of the
archetypes the answers support."""

from __future__ import annotations

from mlorg_desktop.domain.answer_guidance import CLOSE_FIT, likely_risks, likely_strengths
from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.scoring import score
from tests.ui.test_assessment_flow import EMBEDDED

DATA_SPOT = "Data belongs to other departments"  # R&D's weak spot on data (roadmap text)


def test_a_weak_spot_counts_the_answers_that_lean_into_it(knowledge):
    q = knowledge.bank.latest
    answers = {"q14": "q14b", "q24": "q24b", "q15": Split("q15b", "q15c"), "q25": "dont_know"}
    risks = likely_risks(q, knowledge.roadmap_text, answers)
    data = [r for r in risks if r.warning.startswith(DATA_SPOT)]
    assert len(data) == 1 and data[0].archetype_id == "rnd"
    # q14b, q15b (the split's "mainly") and q24b lean into it; "don't know" on q25 does not.
    assert [b.split(" — ")[0] for b in data[0].because] == [
        q.question(qid).text for qid in ("q14", "q15", "q24")
    ]
    assert risks[0] is data[0]  # the spot with most answers behind it comes first


def test_no_answer_no_risk(knowledge):
    assert likely_risks(knowledge.bank.latest, knowledge.roadmap_text, {}) == ()


def test_strengths_are_those_of_the_archetypes_the_answers_support(knowledge):
    result = score(knowledge.bank.latest, knowledge.catalog, EMBEDDED)
    strengths = likely_strengths(result, knowledge.catalog)
    assert result.leader == "embedded" and result.fits["embedded"] == 100.0
    # Every other archetype is more than CLOSE_FIT behind: Embedded's strengths, and only those.
    assert all(result.fits[a] < 100.0 - CLOSE_FIT for a in result.ranking[1:])
    assert [s.text for s in strengths] == list(knowledge.catalog.archetype("embedded").strengths)
    # Two answers that split the evidence: the runner-up's strengths show as well.
    mixed = score(knowledge.bank.latest, knowledge.catalog, {"q01": "q01d", "q05": "q05c"})
    top = mixed.fits[mixed.leader]
    near = {a for a in mixed.ranking if mixed.fits[a] > 0 and top - mixed.fits[a] <= CLOSE_FIT}
    shown = {s.archetype_id for s in likely_strengths(mixed, knowledge.catalog)}
    assert shown == near and len(near) >= 2, mixed.fits
    assert (
        likely_strengths(score(knowledge.bank.latest, knowledge.catalog, {}), knowledge.catalog)
        == ()
    )


def test_a_runner_up_exactly_close_fit_behind_shows_its_strengths(knowledge):
    # q13b gives R&D 3 of 3 and q19c Independent 3 of 3; R&D can earn 2 on q19 and
    # Independent 3 on q13: R&D 3 / 5 = 60, Independent 3 / 6 = 50, exactly CLOSE_FIT behind.
    result = score(knowledge.bank.latest, knowledge.catalog, {"q13": "q13b", "q19": "q19c"})
    assert (result.fits["rnd"], result.fits["independent"]) == (60.0, 50.0)
    strengths = likely_strengths(result, knowledge.catalog)
    assert [(s.archetype_id, s.fit) for s in strengths] == [
        ("rnd", 60.0),
        ("rnd", 60.0),
        ("independent", 50.0),
        ("independent", 50.0),
        ("independent", 50.0),
    ]
    assert (
        strengths[2].text
        == "The concentration of ML people lets it hire and train top practitioners."
    )
