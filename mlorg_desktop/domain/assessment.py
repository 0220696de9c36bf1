"""One organization's answers to one questionnaire version, with who, when and why."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from mlorg_desktop.domain.answers import Answer, Split, answer_from_json, answer_to_json
from mlorg_desktop.domain.ids import canonical_id, is_canonical
from mlorg_desktop.domain.questionnaire import Question, QuestionBank, Questionnaire
from mlorg_desktop.domain.scenario import Scenario
from mlorg_desktop.domain.validation import DataError

NAME_MAX = 200
NOTES_MAX = 20_000
MAX_SCENARIOS = 100  # the exchange schema's maxItems
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
    # The archetype the organization wants to become: "" none chosen, KEEP ("keep") to stay
    # what it is, else an archetype id (domain.roadmap).
    target: str = ""
    # Named what-if copies of the answers (domain.scenario); they never replace ``answers``.
    scenarios: tuple[Scenario, ...] = ()
    # Set only on the throwaway view of a scenario (scenario.scenario_view); never stored.
    scenario_name: str = ""

    @property
    def label(self) -> str:
        """A short human name: organization, unit and date (and the scenario, for a view)."""
        parts = [self.organization]
        if self.unit:
            parts.append(self.unit)
        if self.respondent:
            parts.append(self.respondent)
        if self.scenario_name:
            parts.append(f"What if: {self.scenario_name}")
        return " · ".join(parts) + f" ({self.assessed_on})"

    @property
    def is_scenario(self) -> bool:
        return bool(self.scenario_name)

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
            scenarios=(),  # what-ifs belong to the answers they were made from
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
    _check_answers(assessment.answers, questionnaire, "answers", fail)
    if (
        assessment.target
        and assessment.target != KEEP
        and (assessment.target not in bank.archetype_ids)
    ):
        fail("target", f"'{assessment.target[:60]}' is not {_valid_targets(bank)}")
    seen: set[str] = set()
    for index, scenario in enumerate(assessment.scenarios):
        where_in = f"scenarios[{index}]"
        if not is_canonical(scenario.id):
            fail(f"{where_in}.id", f"'{scenario.id[:60]}' is not a UUID in canonical form")
        if scenario.id in seen:
            fail(f"{where_in}.id", "is the id of an earlier scenario of this assessment")
        seen.add(scenario.id)
        for name in ("created_at", "updated_at"):
            try:
                datetime.fromisoformat(getattr(scenario, name).replace("Z", "+00:00"))
            except (ValueError, TypeError, AttributeError):
                fail(f"{where_in}.{name}", "is not an ISO 8601 timestamp")
        _check_answers(scenario.answers, questionnaire, f"{where_in}.answers", fail)


KEEP = "keep"  # the target "keep what we are" (domain.roadmap re-exports it)


def _valid_targets(bank: QuestionBank) -> str:
    ids = ", ".join(bank.archetype_ids)
    return f"a target; valid targets: '{KEEP}' (keep what we are) or an archetype id: {ids}"


def _check_answers(
    answers: dict[str, Answer],
    questionnaire: Questionnaire,
    prefix: str,
    fail: Callable[[str, str], None],
) -> None:
    for question_id, answer in answers.items():
        question: Question | None
        try:
            question = questionnaire.question(question_id)
        except KeyError:
            question = None
        if question is None:
            fail(
                f"{prefix}.{question_id}",
                f"no such question in questionnaire version {questionnaire.version}",
            )
            return
        if isinstance(answer, Split) and not question.allow_split:
            fail(f"{prefix}.{question_id}", "this question takes one answer, not mainly/partly")
        if isinstance(answer, Split) and answer.mainly == answer.partly:
            fail(f"{prefix}.{question_id}", "mainly and partly must be two different options")
        if not question.accepts(answer):
            shown = answer_to_json(answer)
            fail(f"{prefix}.{question_id}", f"'{shown}' is not an option of this question")


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


def _answers(raw: dict[str, object], where: str, prefix: str = "answers") -> dict[str, Answer]:
    """Answers in their domain form; the schema has already allowed only the two shapes."""
    answers: dict[str, Answer] = {}
    for question_id, value in raw.items():
        answer = answer_from_json(value)
        if answer is None:
            raise AssessmentError(
                where,
                f"{prefix}.{question_id}",
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
        target=data.get("target") or "",
        scenarios=tuple(
            _scenario(raw, where, index) for index, raw in enumerate(data.get("scenarios") or ())
        ),
    )
    check_meaning(assessment, bank, where)
    return assessment


def _scenario(raw: dict[str, Any], where: str, index: int) -> Scenario:
    """A scenario in its domain form; the schema has already checked its structure."""
    stamp = raw.get("created_at") or utc_now_iso()
    return Scenario(
        id=canonical_id(raw["id"]),
        name=raw["name"],
        answers=_answers(raw["answers"], where, f"scenarios[{index}].answers"),
        created_at=stamp,
        updated_at=raw.get("updated_at") or stamp,
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
        "target": assessment.target,
        "scenarios": [scenario_to_dict(s) for s in assessment.scenarios],
    }


def scenario_to_dict(scenario: Scenario) -> dict[str, object]:
    return {
        "id": scenario.id,
        "name": scenario.name,
        "answers": {q: answer_to_json(a) for q, a in scenario.answers.items()},
        "created_at": scenario.created_at,
        "updated_at": scenario.updated_at,
    }
