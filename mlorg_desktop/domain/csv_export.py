"""The CSV export: one row per assessment that people and spreadsheets read safely.

Two header rows: the first names every column in words (archetype and dimension names,
question numbers); the second holds each question's text above its columns. Every answer has
its option id and, beside it, the option's text. Text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading
apostrophe, as OWASP's CSV-injection guidance advises; numeric columns are our own numbers and
are written as they are. CSV is export-only: it is never read back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from mlorg_desktop.domain.answers import Answer, Split
from mlorg_desktop.domain.assessment import KEEP, Assessment
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.questionnaire import Question

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """``text`` as a spreadsheet shows it literally: an apostrophe before a formula start."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def question_label(question_id: str) -> str:
    """``q07`` -> ``Q7``."""
    digits = question_id[1:]
    return f"Q{int(digits)}" if digits.isdigit() else question_id


def _option_cell(answer: Answer) -> str:
    if isinstance(answer, Split):
        return f"mainly {answer.mainly}, partly {answer.partly}"
    return answer


KEEP_WORDS = "Keep what we are"


def target_words(target: str, knowledge: Knowledge) -> str:
    """A target as people read it: an archetype's name, "Keep what we are", or empty."""
    if not target:
        return ""
    if target == KEEP:
        return KEEP_WORDS
    return knowledge.catalog.archetype(target).name


def exchange_csv(assessments: Iterable[Assessment], knowledge: Knowledge) -> str:
    items = list(assessments)
    questions: dict[str, Question] = {}  # question id -> its newest wording among the versions
    for version in sorted({a.questionnaire_version for a in items}):
        for question in knowledge.bank.get(version).questions():
            questions[question.id] = question
    catalog = knowledge.catalog
    archetypes = [catalog.archetype(x) for x in catalog.archetype_ids]
    dimensions = [catalog.dimension(d) for d in catalog.dimension_ids]
    fixed = [
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
        *(f"Fit: {a.name} (0-100)" for a in archetypes),
        *(f"Position: {d.name} (0-100)" for d in dimensions),
        "Notes",
    ]
    first = list(fixed)
    second = [""] * len(fixed)
    for question_id, question in questions.items():
        label = question_label(question_id)
        first += [f"{label} option", f"{label} answer"]
        second += [question.text, ""]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralize(h) for h in first])
    writer.writerow([neutralize(h) for h in second])
    for a in items:
        result = knowledge.score(a.questionnaire_version, a.answers)
        questionnaire = knowledge.bank.get(a.questionnaire_version)
        primary = catalog.archetype(result.primary).name if result.primary else ""
        texts = [a.id, a.organization, a.unit, a.respondent, a.role, a.assessed_on]
        stamps = [a.created_at, a.updated_at]
        answers: list[str] = []
        for question_id in questions:
            answer = a.answers.get(question_id, "")
            text = questionnaire.question(question_id).answer_text(answer) if answer else ""
            answers += [_option_cell(answer), neutralize(text)]
        writer.writerow(
            [neutralize(t) for t in texts]
            + [str(a.questionnaire_version)]
            + stamps
            + [
                neutralize(primary),
                target_words(a.target, knowledge),
                f"{result.coverage * 100:.1f}",
            ]
            + [f"{result.fits[x]:.1f}" for x in catalog.archetype_ids]
            + [
                ("" if result.positions[d] is None else f"{result.positions[d]:.1f}")
                for d in catalog.dimension_ids
            ]
            + [neutralize(a.notes)]
            + answers
        )
    return out.getvalue()
