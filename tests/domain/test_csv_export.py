"""The CSV export: readable headers, values under the right headers, no live formulas."""

from __future__ import annotations

import csv
import io

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.csv_export import exchange_csv, neutralize

ID = "97cf1057-7986-508d-89e6-971de866a120"
HOSTILE = '=HYPERLINK("http://example.invalid/x","open")'


def _rows(assessments, knowledge) -> tuple[list[str], list[str], list[dict[str, str]]]:
    text = exchange_csv(assessments, knowledge)
    reader = csv.reader(io.StringIO(text, newline=""))
    first, second, *rest = list(reader)
    return first, second, [dict(zip(first, row, strict=True)) for row in rest]


def _one(**fields) -> Assessment:
    base = dict(
        id=ID,
        organization="Quanta Labs",
        questionnaire_version=1,
        answers={"q01": "q01c"},
        assessed_on="2026-11-27",
        created_at="2026-11-27T09:00:00Z",
        updated_at="2026-11-28T10:30:00Z",
    )
    base.update(fields)
    return Assessment(**base)


def test_headers_are_words_and_questions_have_their_text_below(knowledge):
    first, second, _ = _rows([_one()], knowledge)
    assert first[:12] == [
        "Id",
        "Organization",
        "Unit",
        "Respondent",
        "Role",
        "Assessed on",
        "Questionnaire version",
        "Created at (UTC)",
        "Updated at (UTC)",
        "Primary archetype",
        "Target",
        "Coverage (0-100)",
    ]
    assert "Fit: Business & Product Embedded (0-100)" in first
    assert "Position: Data ownership (0-100)" in first
    q1 = first.index("Q1 option")
    assert first[q1 + 1] == "Q1 answer"
    assert second[q1] == "Where do the people who build ML models spend their working day?"
    assert first[-2:] == ["Q25 option", "Q25 answer"]
    assert len(first) == len(second)


def test_values_sit_under_their_headers(knowledge):
    # One answer, q01c: evidence embedded 3 and ml_first 1; every archetype can get at most 3
    # from q01. So fits are embedded 3/3 = 100, ML-First 1/3 = 33.3, others 0; coverage is
    # 1 of 25 questions = 4.0; q01 places no dimension, so positions are empty; too little
    # coverage to name a primary archetype.
    _, _, rows = _rows([_one()], knowledge)
    row = rows[0]
    assert row["Id"] == ID
    assert row["Created at (UTC)"] == "2026-11-27T09:00:00Z"
    assert row["Updated at (UTC)"] == "2026-11-28T10:30:00Z"
    assert row["Coverage (0-100)"] == "4.0"
    assert row["Fit: Business & Product Embedded (0-100)"] == "100.0"
    assert row["Fit: ML-First (0-100)"] == "33.3"
    assert row["Fit: Research & Development (0-100)"] == "0.0"
    assert row["Position: Data ownership (0-100)"] == ""
    assert row["Primary archetype"] == ""
    assert row["Q1 option"] == "q01c"
    assert row["Q1 answer"] == (
        "Inside product or business-unit teams, next to software engineers or analysts."
    )
    assert row["Q2 option"] == "" and row["Q2 answer"] == ""


def test_all_answered_names_the_primary_archetype_and_full_coverage(knowledge):
    questionnaire = knowledge.bank.get(1)
    answers = {q.id: q.options[0].id for q in questionnaire.questions()}
    _, _, rows = _rows([_one(answers=answers)], knowledge)
    expected = knowledge.score(1, answers)
    assert rows[0]["Coverage (0-100)"] == "100.0"
    assert rows[0]["Primary archetype"] == knowledge.catalog.archetype(expected.primary).name


def test_formula_starts_are_neutralized_in_text_cells(knowledge):
    hostile = _one(
        organization=HOSTILE,
        unit="+1 555",
        respondent="-5",
        role="@SUM(A1)",
        notes="\tcmd|' /C calc'!A0",
    )
    _, _, rows = _rows([hostile], knowledge)
    row = rows[0]
    assert row["Organization"] == "'" + HOSTILE
    assert row["Unit"] == "'+1 555"
    assert row["Respondent"] == "'-5"
    assert row["Role"] == "'@SUM(A1)"
    assert row["Notes"] == "'\tcmd|' /C calc'!A0"
    assert row["Coverage (0-100)"] == "4.0"  # numbers are left as numbers


def test_neutralize_leaves_ordinary_text_alone():
    assert neutralize("Meridian Bank") == "Meridian Bank"
    assert neutralize("a=b") == "a=b"
    assert neutralize("\rx") == "'\rx"
    assert neutralize("") == ""


def test_the_target_column_names_the_archetype_or_keep(knowledge):
    other, third = "0b6f2c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11", "1c7f2c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11"
    _, _, rows = _rows(
        [_one(target="independent"), _one(id=other, target="keep"), _one(id=third)], knowledge
    )
    assert [row["Target"] for row in rows] == [
        "Independent ML organization",
        "Keep what we are",
        "",
    ]
