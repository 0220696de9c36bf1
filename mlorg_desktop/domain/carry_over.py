"""Carrying answers from one questionnaire version to the next when an assessment is redone.

``resources/questionnaire/vN-to-vM.json`` lists, for each old question, the new question it
became and the old options whose meaning is unchanged in the new version. Re-assessing an old
assessment opens the newest version with those answers carried over; every other old answer is
left for the respondent to review (with the old wording shown), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from mlorg_desktop.domain.answers import DONT_KNOW, NOT_APPLICABLE, Answer, Split
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import read_json_file
from mlorg_desktop.domain.questionnaire import Question, QuestionBank, QuestionnaireError
from mlorg_desktop.domain.validation import Reader

_FILE_PATTERN = re.compile(r"^v(\d+)-to-v(\d+)\.json$")


@dataclass(frozen=True)
class AnswerMap:
    from_version: int
    to_version: int
    # old question id -> (new question id, {old option id: new option id})
    questions: dict[str, tuple[str, dict[str, str]]]


@dataclass(frozen=True)
class CarriedOver:
    assessment: Assessment  # on the newest version, a new id, dated today, not saved
    # new question id -> the old answer's wording, for answers that need the respondent's look
    to_review: dict[str, str]


def load_answer_maps(folder: Path, bank: QuestionBank) -> dict[int, AnswerMap]:
    """Every ``vN-to-vM.json`` in ``folder``, checked against the question bank."""
    maps: dict[int, AnswerMap] = {}
    for path in sorted(folder.glob("v*-to-v*.json")):
        match = _FILE_PATTERN.match(path.name)
        if match:
            answer_map = _load(path, bank)
            maps[answer_map.from_version] = answer_map
    return maps


def _load(path: Path, bank: QuestionBank) -> AnswerMap:
    doc = Reader(read_json_file(path, QuestionnaireError), str(path))

    def fail(field: str, problem: str) -> QuestionnaireError:
        return QuestionnaireError(str(path), field, problem)

    try:
        old, new = bank.get(doc.get("from_version", int)), bank.get(doc.get("to_version", int))
    except KeyError as exc:
        raise fail("from_version", str(exc.args[0])) from None
    questions: dict[str, tuple[str, dict[str, str]]] = {}
    entries = doc.child("questions")
    for old_id in entries.data:
        entry = entries.child(old_id)
        target = entry.text("to")
        options = entry.child("options")
        try:
            old_q, new_q = old.question(old_id), new.question(target)
        except KeyError:
            raise fail(entries.field(old_id), "names a question that does not exist") from None
        pairs: dict[str, str] = {}
        for old_option in options.data:
            new_option = options.text(old_option)
            if old_option not in {o.id for o in old_q.options} or not new_q.accepts(new_option):
                raise fail(options.field(old_option), "is not an option of its question")
            pairs[old_option] = new_option
        questions[old_id] = (target, pairs)
    return AnswerMap(old.version, new.version, questions)


def carry_over(
    original: Assessment,
    bank: QuestionBank,
    maps: dict[int, AnswerMap],
    today: date | None = None,
) -> CarriedOver:
    """A re-assessment of ``original`` on the newest questionnaire version."""
    answers: dict[str, Answer] = dict(original.answers)
    version = original.questionnaire_version
    review: dict[str, str] = {}
    while version < bank.latest.version and version in maps:
        step = maps[version]
        old = bank.get(version)
        new = bank.get(step.to_version)
        carried: dict[str, Answer] = {}
        next_review: dict[str, str] = {}
        for old_id, answer in answers.items():
            if old_id not in step.questions:
                continue
            new_id, options = step.questions[old_id]
            kept = _carry(answer, options, new.question(new_id))
            if kept is None:
                next_review[new_id] = review.get(old_id) or old.question(old_id).answer_text(answer)
            else:
                carried[new_id] = kept
        answers, review, version = carried, next_review, step.to_version
    again = original.reassessed(today)
    return CarriedOver(replace(again, questionnaire_version=version, answers=answers), review)


def _carry(answer: Answer, options: dict[str, str], target: Question) -> Answer | None:
    """The same answer on the new question, or None when its meaning may have changed."""
    if isinstance(answer, Split):
        mainly, partly = options.get(answer.mainly), options.get(answer.partly)
        if mainly and partly and target.accepts(Split(mainly, partly)):
            return Split(mainly, partly)
        return None
    if answer in (DONT_KNOW, NOT_APPLICABLE):
        return answer if target.accepts(answer) else None
    return options.get(answer)
