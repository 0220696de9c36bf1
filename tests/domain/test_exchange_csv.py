"""The CSV export read back with csv.DictReader: every value under its own header."""

from __future__ import annotations

import csv
import io

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_csv

FIXED = [
    "id",
    "organization",
    "unit",
    "respondent",
    "role",
    "assessed_on",
    "questionnaire_version",
    "primary_archetype",
    "coverage",
    "fit_nascent",
    "fit_rnd",
    "fit_embedded",
    "fit_independent",
    "fit_ml_first",
    "position_se_vs_research",
    "position_data_ownership",
    "position_model_ownership",
    "notes",
]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_values_sit_under_their_headers(knowledge):
    # Scores by hand (see test_scoring): q01e + q12d + q14e give ml_first 6/9, independent
    # 4/9, data ownership (65 + 85) / 2; q01c + q02d give embedded and independent 3/6.
    first = Assessment(
        id="00000000-0000-4000-8000-000000000001",
        organization="Acme, Inc.",
        questionnaire_version=1,
        answers={"q01": "q01e", "q12": "q12d", "q14": "q14e"},
        unit="Platform",
        respondent="Rosa",
        role="Head of Data",
        assessed_on="2026-11-02",
        notes='Line one\nsays "hi"',
    )
    second = Assessment(
        id="00000000-0000-4000-8000-000000000002",
        organization="Beta",
        questionnaire_version=1,
        answers={"q01": "q01c", "q02": "q02d"},
        assessed_on="2026-11-03",
    )
    text = exchange_csv([first, second], knowledge)
    header = next(csv.reader(io.StringIO(text)))
    questions = [f"q{n:02d}" for n in range(1, 26)]
    assert header == FIXED + questions
    one, two = _rows(text)
    assert {k: one[k] for k in FIXED} == {
        "id": first.id,
        "organization": "Acme, Inc.",
        "unit": "Platform",
        "respondent": "Rosa",
        "role": "Head of Data",
        "assessed_on": "2026-11-02",
        "questionnaire_version": "1",
        "primary_archetype": "",
        "coverage": "0.12",
        "fit_nascent": "0.0",
        "fit_rnd": "0.0",
        "fit_embedded": "0.0",
        "fit_independent": "44.4",
        "fit_ml_first": "66.7",
        "position_se_vs_research": "",
        "position_data_ownership": "75.0",
        "position_model_ownership": "",
        "notes": 'Line one\nsays "hi"',
    }
    assert {q: one[q] for q in questions if one[q]} == {"q01": "q01e", "q12": "q12d", "q14": "q14e"}
    assert (two["organization"], two["unit"], two["coverage"]) == ("Beta", "", "0.08")
    assert [two[f"fit_{a}"] for a in ("nascent", "rnd", "embedded", "independent", "ml_first")] == [
        "0.0",
        "0.0",
        "50.0",
        "50.0",
        "33.3",
    ]
    assert {q: two[q] for q in questions if two[q]} == {"q01": "q01c", "q02": "q02d"}


def test_csv_names_the_archetype_once_the_label_is_shown(knowledge, examples):
    quanta = next(e for e in examples if e.organization == "Quanta Labs")
    (row,) = _rows(exchange_csv([quanta], knowledge))
    assert row["primary_archetype"] == "ml_first"
    assert row["organization"] == "Quanta Labs" and row["assessed_on"] == quanta.assessed_on
    assert all(row[q] == a for q, a in quanta.answers.items())
