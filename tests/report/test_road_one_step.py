"""A road of a single step reads in the singular on paper ("the step below", "The first step")."""

from __future__ import annotations

import uuid

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_text

# Version 1, every question answered with its option that gives Business & Product Embedded
# the most evidence (q01-q18 give 3 each, q19-q25 give 1 each: 61 in all), except q01, answered
# with an option that gives Embedded nothing: 58 of 61 = 95 today. The one change that gains is
# q01 to q01c (61 of 61 = 100), and nothing is left open to settle: a road of exactly one step.
STRONGEST = {
    **{f"q{n:02d}": f"q{n:02d}c" for n in range(1, 19)},
    "q16": "q16b",
    "q17": "q17b",
    "q19": "q19d",
    "q20": "q20d",
    "q21": "q21d",
    "q22": "q22c",
    "q23": "q23c",
    "q24": "q24e",
    "q25": "q25d",
}


def test_a_single_step_is_named_in_the_singular(qapp, knowledge, tmp_path):
    one_short = Assessment(
        id=str(uuid.uuid4()),
        organization="Ostrava Mills",
        unit="",
        questionnaire_version=1,
        assessed_on="2026-03-02",
        answers={**STRONGEST, "q01": "q01a"},
        target="embedded",
    )
    path = tmp_path / "road.pdf"
    write_pdf(path, build_sheet_data(knowledge, [one_short], "t", sections=["road"]), "A4", ())
    text = " ".join(pdf_text(path, layout=False).split())
    assert (
        "Road to Business & Product Embedded: 1. Ostrava Mills (2026-03-02) "
        "Fit for Business & Product Embedded today 95 of 100; after the step below 100."
    ) in text
    assert (
        "The first step, each with the fit once it and those before it are made "
        "1. Where do the people who build ML models spend their working day? (Where ML work sits) "
        "Answer: “Inside product or business-unit teams, next to software engineers or "
        "analysts”."
    ) in text
    assert "Fit 100." in text and "2. " not in text[text.index("The first step") :]
