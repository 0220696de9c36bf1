"""One organization's answers to one questionnaire version, with who, when and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from mlorg_desktop.domain.questionnaire import QuestionBank
from mlorg_desktop.domain.validation import DataError, Reader

NAME_MAX = 200
NOTES_MAX = 20_000
# Line breaks and tabs are fine in notes; other control characters never come from typing.
_CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_NOTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    import uuid  # not at start-up: uuid imports platform (~4 ms)

    return str(uuid.uuid4())


@dataclass(frozen=True)
class Assessment:
    id: str
    organization: str
    questionnaire_version: int
    answers: dict[str, str] = field(default_factory=dict)
    unit: str = ""
    respondent: str = ""
    role: str = ""
    assessed_on: str = field(default_factory=lambda: date.today().isoformat())
    notes: str = ""
    created_at: str = field(default_factory=utc_now_iso)
    updated_at: str = field(default_factory=utc_now_iso)
    # An explicit round label ("Autumn 2025 survey"); when set it overrides grouping by date
    # (domain.rounds). Empty means "group me by my date".
    round: str = ""

    @property
    def label(self) -> str:
        """A short human name: organization, unit and date."""
        parts = [self.organization]
        if self.unit:
            parts.append(self.unit)
        if self.respondent:
            parts.append(self.respondent)
        return " · ".join(parts) + f" ({self.assessed_on})"

    def reassessed(self, today: date | None = None) -> Assessment:
        """A copy with a new id and today's date, for answering the same questions again later."""
        now = utc_now_iso()
        return replace(
            self,
            id=new_id(),
            assessed_on=(today or date.today()).isoformat(),
            created_at=now,
            updated_at=now,
            answers=dict(self.answers),
            round="",  # answering again later is a new round
        )


class AssessmentError(DataError):
    """An assessment record is invalid; ``where`` names the record."""


def validate_fields(assessment: Assessment, bank: QuestionBank, where: str) -> None:
    """Check every field of ``assessment`` against the rules and its questionnaire version."""

    def fail(name: str, problem: str) -> None:
        raise AssessmentError(where, name, problem)

    import uuid

    try:
        uuid.UUID(assessment.id)
    except (ValueError, AttributeError, TypeError):
        fail("id", f"'{assessment.id}' is not a UUID")
    if not assessment.organization.strip():
        fail("organization", "is required and must not be blank")
    for name in ("organization", "unit", "respondent", "role", "round"):
        value = getattr(assessment, name)
        if len(value) > NAME_MAX:
            fail(name, f"is {len(value)} characters long; the limit is {NAME_MAX}")
        if _CONTROL_IN_LINE.search(value):
            fail(name, "contains a control character")
    if len(assessment.notes) > NOTES_MAX:
        fail("notes", f"is {len(assessment.notes)} characters long; the limit is {NOTES_MAX}")
    if _CONTROL_IN_NOTES.search(assessment.notes):
        fail("notes", "contains a control character")
    try:
        date.fromisoformat(assessment.assessed_on)
    except (ValueError, TypeError):
        fail("assessed_on", f"'{assessment.assessed_on}' is not a date like 2026-11-27")
    for name in ("created_at", "updated_at"):
        try:
            datetime.fromisoformat(getattr(assessment, name).replace("Z", "+00:00"))
        except (ValueError, TypeError, AttributeError):
            fail(name, "is not an ISO 8601 timestamp")
    try:
        questionnaire = bank.get(assessment.questionnaire_version)
    except KeyError as exc:
        fail("questionnaire_version", str(exc.args[0]))
        return
    for question_id, answer in assessment.answers.items():
        try:
            question = questionnaire.question(question_id)
        except KeyError:
            fail(
                f"answers.{question_id}",
                f"no such question in questionnaire version {questionnaire.version}",
            )
            return
        if not question.accepts(answer):
            fail(f"answers.{question_id}", f"'{answer}' is not an option of this question")


def assessment_from_dict(data: object, bank: QuestionBank, where: str) -> Assessment:
    """Build and validate an Assessment from its JSON form (store records and exchange files)."""
    r = Reader(data, where)
    try:
        answers_reader = r.child("answers")
        answers = {}
        for question_id in answers_reader.data:
            answers[question_id] = answers_reader.get(question_id, str)
        assessment = Assessment(
            id=r.get("id", str),
            organization=r.get("organization", str),
            unit=r.get("unit", str, optional=True, default=""),
            respondent=r.get("respondent", str, optional=True, default=""),
            role=r.get("role", str, optional=True, default=""),
            round=r.get("round", str, optional=True, default=""),
            assessed_on=r.get("assessed_on", str),
            notes=r.get("notes", str, optional=True, default=""),
            questionnaire_version=r.get("questionnaire_version", int),
            answers=answers,
            created_at=_stamp(r, "created_at"),
            updated_at=_stamp(r, "updated_at"),
        )
    except AssessmentError:
        raise
    except DataError as exc:
        raise AssessmentError(exc.where, exc.field, exc.problem) from None
    validate_fields(assessment, bank, where)
    return assessment


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TEXT_FIELDS = (
    "id",
    "organization",
    "unit",
    "respondent",
    "role",
    "assessed_on",
    "notes",
    "round",
)
_STAMPS = ("created_at", "updated_at")


def stored_assessment(data: object, bank: QuestionBank, where: str) -> Assessment:
    """assessment_from_dict for records this app wrote, ~3x faster on a 10,000-record store.

    A record in exactly the shape assessment_to_dict writes, and valid, is checked by a few
    direct tests; anything else (an optional field missing, an upper-case UUID, a bad value)
    goes through assessment_from_dict, which accepts or rejects it with its precise message.
    The quick tests only ever accept what assessment_from_dict accepts, with the same result.
    """
    quick = _quick(data, bank)
    return quick if quick is not None else assessment_from_dict(data, bank, where)


def _quick(data: object, bank: QuestionBank) -> Assessment | None:
    if type(data) is not dict:
        return None
    try:
        texts = [data[name] for name in _TEXT_FIELDS]
        stamps = [data[name] for name in _STAMPS]
        version = data["questionnaire_version"]
        answers = data["answers"]
    except KeyError:
        return None
    if any(type(v) is not str for v in texts + stamps) or type(version) is not int:
        return None
    id_, organization, unit, respondent, role, assessed_on, notes, round_ = texts
    names = organization + unit + respondent + role + round_
    if (
        _CANONICAL_UUID.fullmatch(id_) is None
        or not organization.strip()
        or max(len(organization), len(unit), len(respondent), len(role), len(round_)) > NAME_MAX
        or _CONTROL_IN_LINE.search(names)
        or len(notes) > NOTES_MAX
        or _CONTROL_IN_NOTES.search(notes)
        or type(answers) is not dict
    ):
        return None
    allowed = bank.answer_sets.get(version)
    if allowed is None:
        return None
    for question_id, answer in answers.items():
        valid = allowed.get(question_id)
        if valid is None or type(answer) is not str or answer not in valid:
            return None
    try:
        date.fromisoformat(assessed_on)
        for stamp in stamps:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return Assessment(
        id=id_,
        organization=organization,
        questionnaire_version=version,
        answers=dict(answers),
        unit=unit,
        respondent=respondent,
        role=role,
        assessed_on=assessed_on,
        notes=notes,
        created_at=stamps[0],
        updated_at=stamps[1],
        round=round_,
    )


def _stamp(r: Reader, key: str) -> str:
    """A timestamp field, or now when it is absent (only then: a present one is validated)."""
    value: str | None = r.get(key, str, optional=True)
    return utc_now_iso() if value is None else value


def assessment_to_dict(assessment: Assessment) -> dict[str, object]:
    return {
        "id": assessment.id,
        "organization": assessment.organization,
        "unit": assessment.unit,
        "respondent": assessment.respondent,
        "role": assessment.role,
        "assessed_on": assessment.assessed_on,
        "notes": assessment.notes,
        "questionnaire_version": assessment.questionnaire_version,
        "answers": dict(assessment.answers),
        "created_at": assessment.created_at,
        "updated_at": assessment.updated_at,
        "round": assessment.round,
    }
