"""One organization's answers to one questionnaire version, with who, when and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from mlorg_desktop.domain.answers import Answer, Split, answer_from_json, answer_to_json
from mlorg_desktop.domain.ids import canonical_id, is_canonical
from mlorg_desktop.domain.questionnaire import QuestionBank
from mlorg_desktop.domain.validation import DataError

NAME_MAX = 200
NOTES_MAX = 20_000
# The quick path below accepts a subset of what the exchange schema accepts (C0 and C1 control
# characters are refused; line breaks and tabs are fine in notes).
_CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_NOTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


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
    answers: dict[str, Answer] = field(default_factory=dict)
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
    """Check ``assessment`` against the exchange schema (the one definition of a record's
    structure) and against what a schema cannot say: its questionnaire version and options."""
    from mlorg_desktop.domain.exchange_schema import check_record

    try:
        check_record(assessment_to_dict(assessment), where)
    except DataError as exc:
        raise AssessmentError(exc.where, exc.field, exc.problem) from None
    check_meaning(assessment, bank, where)


def check_meaning(assessment: Assessment, bank: QuestionBank, where: str) -> None:
    """The checks a schema cannot make: a canonical id, real calendar dates and times, the
    questionnaire version this app ships, and answers that are options of its questions."""

    def fail(name: str, problem: str) -> None:
        raise AssessmentError(where, name, problem)

    if not is_canonical(assessment.id):
        fail("id", f"'{assessment.id[:60]}' is not a UUID in canonical form")
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
        if isinstance(answer, Split) and not question.allow_split:
            fail(f"answers.{question_id}", "this question takes one answer, not mainly/partly")
        if isinstance(answer, Split) and answer.mainly == answer.partly:
            fail(f"answers.{question_id}", "mainly and partly must be two different options")
        if not question.accepts(answer):
            shown = answer_to_json(answer)
            fail(f"answers.{question_id}", f"'{shown}' is not an option of this question")


def assessment_from_dict(data: object, bank: QuestionBank, where: str) -> Assessment:
    """Build and validate an Assessment from its JSON form (store records and exchange files).

    The structure is checked with the exchange schema; the id is kept in its canonical
    spelling, so an id written in upper case, without hyphens or in braces is the same id.
    """
    from mlorg_desktop.domain.exchange_schema import check_record

    try:
        check_record(data, where)
    except DataError as exc:
        raise AssessmentError(exc.where, exc.field, exc.problem) from None
    return checked_assessment_from_dict(data, bank, where)


def _answers(raw: dict[str, object], where: str) -> dict[str, Answer]:
    """Answers in their domain form; the schema has already allowed only the two shapes."""
    answers: dict[str, Answer] = {}
    for question_id, value in raw.items():
        answer = answer_from_json(value)
        if answer is None:
            raise AssessmentError(
                where,
                f"answers.{question_id}",
                'expected an option id or {"mainly": option id, "partly": option id}',
            )
        answers[question_id] = answer
    return answers


def checked_assessment_from_dict(data: object, bank: QuestionBank, where: str) -> Assessment:
    """assessment_from_dict for a record the schema has already passed (as part of a whole
    exchange document): only the checks a schema cannot make remain."""
    assert isinstance(data, dict)  # the schema says so
    assessment = Assessment(
        id=canonical_id(data["id"]),
        organization=data["organization"],
        unit=data.get("unit") or "",
        respondent=data.get("respondent") or "",
        role=data.get("role") or "",
        round=data.get("round") or "",
        assessed_on=data["assessed_on"],
        notes=data.get("notes") or "",
        questionnaire_version=int(data["questionnaire_version"]),  # 1.0 is the integer 1
        answers=_answers(data["answers"], where),
        created_at=data.get("created_at") or utc_now_iso(),
        updated_at=data.get("updated_at") or utc_now_iso(),
    )
    check_meaning(assessment, bank, where)
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
_RECORD_KEYS = len(_TEXT_FIELDS) + len(_STAMPS) + 2  # + questionnaire_version, answers


def stored_assessment(data: object, bank: QuestionBank, where: str) -> Assessment:
    """assessment_from_dict for records this app wrote, ~3x faster on a 10,000-record store.

    A record in exactly the shape assessment_to_dict writes, and valid, is checked by a few
    direct tests; anything else (an optional field missing, an upper-case UUID, a bad value)
    goes through assessment_from_dict, which accepts or rejects it with its precise message.
    The quick tests only ever accept what assessment_from_dict accepts, with the same result.
    """
    return checked_stored_assessment(data, bank, where)[0]


def checked_stored_assessment(
    data: object, bank: QuestionBank, where: str
) -> tuple[Assessment, bool]:
    """stored_assessment, and whether ``data`` is exactly what assessment_to_dict makes of the
    result: only such a record may later be rebuilt by ``trusted_assessment``."""
    quick = _quick(data, bank)
    if quick is not None:
        # _quick read every field by name: with no other key the record is exactly its shape.
        return quick, len(data) == _RECORD_KEYS  # type: ignore[arg-type]
    full = assessment_from_dict(data, bank, where)
    return full, assessment_to_dict(full) == data


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
    splittable = bank.split_sets[version]
    parsed: dict[str, Answer] = {}
    for question_id, answer in answers.items():
        if type(answer) is dict:
            options = splittable.get(question_id)
            split = answer_from_json(answer)
            if (
                options is None
                or not isinstance(split, Split)
                or split.mainly == split.partly
                or split.mainly not in options
                or split.partly not in options
            ):
                return None
            parsed[question_id] = split
            continue
        valid = allowed.get(question_id)
        if valid is None or type(answer) is not str or answer not in valid:
            return None
        parsed[question_id] = answer
    if _DATE.fullmatch(assessed_on) is None or not all(_STAMP.fullmatch(s) for s in stamps):
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
        answers=parsed,
        unit=unit,
        respondent=respondent,
        role=role,
        assessed_on=assessed_on,
        notes=notes,
        created_at=stamps[0],
        updated_at=stamps[1],
        round=round_,
    )


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
        "answers": {q: answer_to_json(a) for q, a in assessment.answers.items()},
        "created_at": assessment.created_at,
        "updated_at": assessment.updated_at,
        "round": assessment.round,
    }
