"""The exchange format: reading and validating assessment files from elsewhere, and writing them.

Validation happens completely before anything is stored, so a rejected file changes nothing.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_to_dict,
    checked_assessment_from_dict,
    utc_now_iso,
)
from mlorg_desktop.domain.bank_checksum import questionnaire_checksum
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.validation import DataError

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
        if _looks_like_csv(text, where):
            raise ExchangeError(where, "(file)", CSV_IS_EXPORT_ONLY) from None
        raise ExchangeError(
            where, "(file)", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ExchangeError(
            where, "(file)", "is nested too deeply to be an exchange file"
        ) from None
    return parse_exchange_document(data, knowledge, where)


CSV_IS_EXPORT_ONLY = (
    "is a CSV file; CSV is export-only (for spreadsheets) and cannot be imported. Import the "
    "exchange file (.json) that Export writes instead"
)


def _looks_like_csv(text: str, where: str) -> bool:
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    return where.lower().endswith(".csv") or (
        text.startswith("\ufeff") and "," in first_line and not first_line.startswith(("{", "["))
    )


def parse_exchange_document(data: object, knowledge: Knowledge, where: str) -> ExchangeDocument:
    """Validate the structure with the published schema, then what it cannot say (the options
    of each record's questionnaire version, real dates, ids unique in any spelling)."""
    from mlorg_desktop.domain.exchange_schema import check_document

    try:
        check_document(data, where)
    except DataError as exc:
        raise ExchangeError(exc.where, exc.field, exc.problem) from None
    assert isinstance(data, dict)  # the schema says so
    assessments = []
    seen: set[str] = set()
    for index, record in enumerate(data["assessments"]):
        record_where = f"{where}: assessment #{index + 1} (id {record['id'][:40]})"
        _check_form_questions(record, knowledge, record_where)
        try:
            assessment = checked_assessment_from_dict(record, knowledge.bank, record_where)
        except AssessmentError as exc:
            raise ExchangeError(exc.where, exc.field, exc.problem) from None
        if assessment.id in seen:
            raise ExchangeError(record_where, "id", "appears twice in this file")
        seen.add(assessment.id)
        assessments.append(assessment)
    return ExchangeDocument(assessments=tuple(assessments))


def _check_form_questions(record: dict[str, object], knowledge: Knowledge, where: str) -> None:
    """A file saved by a respondent form names the questions it showed by their checksum; refuse
    it unless they are exactly the questions of that version in this app."""
    checksum = record.get("questionnaire_checksum")
    version = record["questionnaire_version"]
    if checksum is None or not isinstance(version, int) or version not in knowledge.bank.versions:
        return  # an ordinary export, or an unknown version (reported by the record check)
    expected = questionnaire_checksum(knowledge.bank.versions[version])
    if checksum != expected:
        raise ExchangeError(
            where,
            "questionnaire_checksum",
            f"does not match questionnaire version {version} of this app, so the questions "
            "this file answers are not the ones the app knows (a respondent form edited by "
            "hand, or made by another version of MLOrg Desktop). Nothing was imported; send "
            "the respondent a new form made with this app",
        )


def exchange_document(assessments: Iterable[Assessment]) -> dict[str, object]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_now_iso(),
        "assessments": [assessment_to_dict(a) for a in assessments],
    }


def exchange_json(assessments: Iterable[Assessment]) -> str:
    return json.dumps(exchange_document(assessments), ensure_ascii=False, indent=2) + "\n"


def future_dated(assessments: Iterable[Assessment], today: date | None = None) -> list[str]:
    """A warning for each assessment dated after ``today`` (a typo, or a clock that is wrong)."""
    today = today or date.today()
    return [
        f"{a.label} is dated {a.assessed_on}, after today ({today.isoformat()}); check the date"
        for a in assessments
        if a.assessed_on > today.isoformat()
    ]


def exchange_csv(assessments: Iterable[Assessment], knowledge: Knowledge) -> str:
    """The CSV export (see domain.csv_export)."""
    from mlorg_desktop.domain.csv_export import exchange_csv as write_csv

    return write_csv(assessments, knowledge)
