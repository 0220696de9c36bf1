"""The organization section word for word as the printed sheet reads, on two organizations small
enough to work out by hand: Tiny Co (tests/domain/test_org_facts.py: two rounds of three, one
disagreement, every combined answer changed) and Duo Ltd below (a lone respondent, then a
leader and a practitioner on one day, nothing changed). The figures come from the
questionnaire's evidence and positions, worked out in the comments, not from the report code."""

from __future__ import annotations

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import TITLE, build_sheet_data
from tests.domain.test_org_facts import tiny_org
from tests.pdf_tools import pdf_pages, pdf_text

POOLING = (
    "Each round's answers are pooled question by question, every respondent counting once per "
    "question. Agreement on a question is the share of those who answered it who chose its most "
    "common answer; below two thirds, the question counts as a disagreement. The round's "
    "agreement is the mean over the questions at least two people answered."
)
NO_POSITION = "Software engineering vs research —"  # no answered question moves it
NOBODY_DISAGREES = "No disagreements: at least two thirds agree on every question."


def organization_text(tmp_path, knowledge, assessments) -> str:
    """The organization section of a one-page sheet that has only that section, as one line of
    words: from its heading to the page footer."""
    path = tmp_path / "org.pdf"
    data = build_sheet_data(knowledge, assessments, "test", sections=["organization"])
    assert write_pdf(path, data, "A4", ()) == pdf_pages(path) == 1
    words = " ".join(pdf_text(path, layout=False).split())
    start = words.index("Organization: ")
    return words[start : words.index(f" {TITLE} · ", start)]


def test_tiny_co_word_for_word(qapp, knowledge, tmp_path):
    text = organization_text(tmp_path, knowledge, tiny_org())
    # Round 1 (Ana q01a q24c q25c, Ben q01c q24c q25c, Cy q01b q24d q25e). Fit, per archetype
    # over the questions where it has evidence (q01 weighs 3, q24 and q25 1 each), earned as
    # the mean over respondents: Embedded 3/3 (one of three chose q01c) + 2/3 + 2/3 = 7/3 of
    # 5 = 47; Nascent 3/3 of 5 = 20, R&D 20 likewise; Independent 1/3 + 1/3 of 5 = 13;
    # ML-First 0 (ties keep the catalog's order). Data ownership: q24 (35+35+70)/3 = 46.7,
    # q25 (40+40+70)/3 = 50, mean 48. Agreement (1/3 + 2/3 + 2/3)/3 = 56%. Coverage: 3 of 27
    # questions = 11%. q01 splits 1 / 1 / 1 (33%), most given first, ties in option order.
    round_1 = (
        "Round 2025-01-11 · 2025-01-11 to 2025-01-13 · 3 respondents "
        "Combined reading: Too few answers (too few answers), coverage 11%, agreement 56%. "
        "Fit: Business & Product Embedded 47, Nascent / ad-hoc 20, Research & Development 20, "
        "Independent ML organization 13, ML-First 0. "
        f"Positions: {NO_POSITION}, Data ownership 48, Model ownership —. "
        "1 question divide this round: "
        "Q1. Where do most of the people who build ML models spend their working day? "
        "(33% agree): 1 answered “Nobody builds models as a regular part of their job”; "
        "1 answered “In a research or R&D group that is separate from the teams that run "
        "products or services”; 1 answered “Inside product, service or business-unit teams”."
    )
    # Round 2 (q01 d d d, q24 d d e, q25 e e f): Independent 3 + 2/3 + 2/3 of 5 = 87,
    # ML-First 1/3 + 1/3 of 2 = 33. Data ownership (70+70+95)/3 = 78.3 on both questions.
    # Agreement (1 + 2/3 + 2/3)/3 = 78%.
    round_2 = (
        "Round 2025-06-01 · 2025-06-01 to 2025-06-03 · 3 respondents "
        "Combined reading: Too few answers (too few answers), coverage 11%, agreement 78%. "
        "Fit: Independent ML organization 87, ML-First 33, Nascent / ad-hoc 0, "
        "Research & Development 0, Business & Product Embedded 0. "
        f"Positions: {NO_POSITION}, Data ownership 78, Model ownership —. "
        f"{NOBODY_DISAGREES}"
    )
    # Trend: 78.3 - 48.3 = +30; fits 0-20, 0-20, 0-46.7, 86.7-13.3 = +73, 33.3-0; the most
    # common answer moved on all three questions (q01 a -> d, q24 c -> d, q25 c -> e).
    trend = (
        "Trend between rounds Since 2025-01-11 (to 2025-06-01): positions "
        f"{NO_POSITION}, Data ownership +30, Model ownership —; fit Nascent / ad-hoc -20, "
        "Research & Development -20, Business & Product Embedded -47, "
        "Independent ML organization +73, ML-First +33. "
        "The combined answer changed on Q1, Q24, Q25."
    )
    assert text == (
        f"Organization: Tiny Co 6 assessments in 2 rounds. {POOLING} {round_1} {round_2} {trend}"
    )


def duo_ltd() -> list[Assessment]:
    """Ana (Head of data) alone in January; in June Ana again, with the same answers, and Ben
    (ML engineer), who only says he does not know where models are built."""
    ana = {"q01": "q01d", "q24": "q24d", "q25": "q25e"}

    def person(n: int, name: str, role: str, day: str, answers: dict) -> Assessment:
        return Assessment(
            id=f"d{n}000000-0000-4000-8000-000000000000",
            organization="Duo Ltd",
            respondent=name,
            role=role,
            assessed_on=day,
            questionnaire_version=2,
            answers=answers,
        )

    return [
        person(1, "Ana", "Head of data", "2025-01-10", ana),
        person(2, "Ana", "Head of data", "2025-06-02", ana),
        person(3, "Ben", "ML engineer", "2025-06-02", {"q01": "dont_know"}),
    ]


def test_duo_ltd_lone_respondent_role_split_and_no_change(qapp, knowledge, tmp_path):
    text = organization_text(tmp_path, knowledge, duo_ltd())
    # Ana's q01d, q24d, q25e carry all of Independent's evidence: 3 + 1 + 1 of 5 = 100, and
    # nothing for any other archetype. Data ownership: q24d 70, q25e 70.
    reading = (
        "Combined reading: Too few answers (too few answers), coverage {}, agreement —. "
        "Fit: Independent ML organization 100, Nascent / ad-hoc 0, Research & Development 0, "
        "Business & Product Embedded 0, ML-First 0. "
        f"Positions: {NO_POSITION}, Data ownership 70, Model ownership —."
    )
    # One day, one respondent: no span, no agreement (it needs two answers to one question).
    round_1 = (
        "Round 2025-01-10 · 2025-01-10 · 1 respondent "
        + reading.format("11%")
        + " One respondent in this round: nothing to agree or disagree on."
    )
    # Two respondents, but only Ana gave real answers: coverage (3/27 + 0/27) / 2 = 6%, and
    # still no question that two people answered. "Head of data" names a leading position,
    # "ML engineer" does not; Ben's "don't know" gives practitioners no archetype, and no
    # common answer to differ from leadership's.
    round_2 = (
        "Round 2025-06-02 · 2025-06-02 · 2 respondents "
        + reading.format("6%")
        + " By role: Leadership (1) see Independent ML organization; Practitioners (1) see no "
        "archetype yet; their most common answers differ on 0 questions. " + NOBODY_DISAGREES
    )
    # Same answers, same figures: every change is +0 and no combined answer moved.
    trend = (
        "Trend between rounds Since 2025-01-10 (to 2025-06-02): positions "
        f"{NO_POSITION}, Data ownership +0, Model ownership —; fit Nascent / ad-hoc +0, "
        "Research & Development +0, Business & Product Embedded +0, "
        "Independent ML organization +0, ML-First +0."
    )
    assert text == (
        f"Organization: Duo Ltd 3 assessments in 2 rounds. {POOLING} {round_1} {round_2} {trend}"
    )
