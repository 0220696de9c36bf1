"""The exchange format: reading and validating assessment files from elsewhere, and writing them.

Validation happens completely before anything is stored, so a rejected file changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mlorg_desktop.domain.answers import Answer, Split
from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
    utc_now_iso,
)
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.validation import DataError, Reader

FORMAT_NAME = "mlorg-desktop-exchange"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024


class ExchangeError(DataError):
    """An exchange file cannot be imported; nothing has been written."""


@dataclass(frozen=True)
class ExchangeDocument:
    assessments: tuple[Assessment, ...]


def read_exchange_file(path: Path, knowledge: Knowledge) -> ExchangeDocument:
    """Read, parse and fully validate an exchange file, refusing anything suspicious first."""
    where = str(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ExchangeError(where, "(file)", "does not exist") from None
    except OSError as exc:
        raise ExchangeError(where, "(file)", f"cannot be read: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise ExchangeError(where, "(file)", "is a symbolic link; import the file it points to")
    if stat.S_ISDIR(info.st_mode):
        raise ExchangeError(where, "(file)", "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ExchangeError(where, "(file)", "is not a regular file")
    if info.st_size > MAX_IMPORT_BYTES:
        raise ExchangeError(
            where,
            "(file)",
            f"is {info.st_size:,} bytes; the import limit is {MAX_IMPORT_BYTES:,} bytes (50 MB)",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(where, "(file)", f"cannot be read: {exc.strerror}") from None
    return parse_exchange_bytes(raw, knowledge, where)


def parse_exchange_bytes(raw: bytes, knowledge: Knowledge, where: str) -> ExchangeDocument:
    if len(raw) > MAX_IMPORT_BYTES:
        raise ExchangeError(where, "(file)", "is larger than the 50 MB import limit")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExchangeError(
            where, "(file)", f"is not UTF-8 text (bad byte at position {exc.start})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            where, "(file)", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ExchangeError(
            where, "(file)", "is nested too deeply to be an exchange file"
        ) from None
    return parse_exchange_document(data, knowledge, where)


def parse_exchange_document(data: object, knowledge: Knowledge, where: str) -> ExchangeDocument:
    try:
        doc = Reader(data, where)
        if doc.get("format", str) != FORMAT_NAME:
            raise ExchangeError(where, "format", f"must be '{FORMAT_NAME}'")
        version = doc.get("format_version", int)
        if version != FORMAT_VERSION:
            raise ExchangeError(
                where,
                "format_version",
                f"is {version}; this version of the app reads {FORMAT_VERSION}",
            )
        records = doc.get("assessments", list)
    except ExchangeError:
        raise
    except DataError as exc:
        raise ExchangeError(exc.where, exc.field, exc.problem) from None
    assessments = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        record_where = f"{where}: assessment #{index + 1}"
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            record_where += f" (id {record['id'][:40]})"
        try:
            assessment = assessment_from_dict(record, knowledge.bank, record_where)
        except AssessmentError as exc:
            raise ExchangeError(exc.where, exc.field, exc.problem) from None
        if assessment.id in seen:
            raise ExchangeError(record_where, "id", "appears twice in this file")
        seen.add(assessment.id)
        assessments.append(assessment)
    return ExchangeDocument(assessments=tuple(assessments))


def exchange_document(assessments: Iterable[Assessment]) -> dict[str, object]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_now_iso(),
        "assessments": [assessment_to_dict(a) for a in assessments],
    }


def exchange_json(assessments: Iterable[Assessment]) -> str:
    return json.dumps(exchange_document(assessments), ensure_ascii=False, indent=2) + "\n"


def exchange_csv(assessments: Iterable[Assessment], knowledge: Knowledge) -> str:
    """One row per assessment: its fields, its scores, then one column per question id."""
    items = list(assessments)
    question_ids: list[str] = []
    for version in sorted({a.questionnaire_version for a in items}):
        for question in knowledge.bank.get(version).questions():
            if question.id not in question_ids:
                question_ids.append(question.id)
    catalog = knowledge.catalog
    header = (
        [
            "id",
            "organization",
            "unit",
            "respondent",
            "role",
            "assessed_on",
            "questionnaire_version",
            "primary_archetype",
            "coverage",
        ]
        + [f"fit_{a}" for a in catalog.archetype_ids]
        + [f"position_{d}" for d in catalog.dimension_ids]
        + ["notes"]
        + question_ids
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for a in items:
        result = knowledge.score(a.questionnaire_version, a.answers)
        writer.writerow(
            [
                a.id,
                a.organization,
                a.unit,
                a.respondent,
                a.role,
                a.assessed_on,
                a.questionnaire_version,
                result.primary or "",
                f"{result.coverage:.2f}",
            ]
            + [f"{result.fits[x]:.1f}" for x in catalog.archetype_ids]
            + [
                ("" if result.positions[d] is None else f"{result.positions[d]:.1f}")
                for d in catalog.dimension_ids
            ]
            + [a.notes]
            + [_csv_answer(a.answers.get(q, "")) for q in question_ids]
        )
    return out.getvalue()


def _csv_answer(answer: Answer) -> str:
    if isinstance(answer, Split):
        return f"mainly {answer.mainly}, partly {answer.partly}"
    return answer
