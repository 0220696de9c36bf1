"""The organization section on paper: combined reading per round, disagreements and trend, with
figures worked out by hand (tests/domain/test_org_facts.py has the same tiny organization)."""

from __future__ import annotations

from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sections import SECTIONS
from mlorg_desktop.report.sheet import build_sheet_data
from tests.domain.test_org_facts import tiny_org
from tests.pdf_tools import pdf_text


def _text(tmp_path, knowledge, assessments, sections=SECTIONS):
    path = tmp_path / "org.pdf"
    write_pdf(path, build_sheet_data(knowledge, assessments, "test", sections=sections), "A4", ())
    return " ".join(pdf_text(path).split())


def test_rounds_disagreements_and_trend_on_the_sheet(qapp, knowledge, tmp_path):
    text = _text(tmp_path, knowledge, tiny_org())
    assert text.count("Organization: Tiny Co") == 1
    assert "6 assessments in 2 rounds" in text
    # Round 1: agreement (1/3 + 2/3 + 2/3) / 3 = 56%; round 2: (1 + 2/3 + 2/3) / 3 = 78%.
    assert "Round 2025-01-11 · 2025-01-11 to 2025-01-13 · 3 respondents" in text
    assert "agreement 56%" in text and "agreement 78%" in text
    assert "1 question divide this round" in text
    assert "Q1. Where do most of the people who build ML models spend their" in text
    assert "(33% agree): 1 answered" in text
    assert "No disagreements: at least two thirds agree on every question." in text
    # Trend: Data ownership 48.3 -> 78.3 is +30; Independent's fit 13.3 -> 86.7 is +73.
    assert "Since 2025-01-11 (to 2025-06-01):" in text
    assert "Data ownership +30" in text
    assert "Independent ML organization +73" in text
    # The executive summary carries the round's facts.
    assert (
        "Biggest change since the previous round: fit for Independent ML organization +73 "
        "since 2025-01-11." in text
    )
    assert "Top disagreement: Q1 “Where do most of the people" in text


def test_the_section_can_be_left_out(qapp, knowledge, tmp_path):
    chosen = [s for s in SECTIONS if s != "organization"]
    text = _text(tmp_path, knowledge, tiny_org(), chosen)
    assert "Organization: Tiny Co" not in text and "Trend between rounds" not in text
    assert "Biggest change since the previous round" in text  # the summary still says it


def test_no_section_without_rounds_to_pool(qapp, knowledge, examples, tmp_path):
    alone = [a for a in examples if not a.organization.startswith(("Vantage", "Meridian"))]
    text = _text(tmp_path, knowledge, alone)
    assert "Organization:" not in text and "Trend between rounds" not in text
