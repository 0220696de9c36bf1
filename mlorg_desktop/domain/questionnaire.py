"""The versioned question bank: sections, questions and options with their evidence weights."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mlorg_desktop.domain.answers import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SPECIAL_ANSWERS,
    SPECIAL_LABELS,
    Answer,
    Split,
)
from mlorg_desktop.domain.catalog import Catalog, read_json_file
from mlorg_desktop.domain.validation import DataError, Reader

__all__ = [
    "DONT_KNOW",
    "NOT_APPLICABLE",
    "SPECIAL_ANSWERS",
    "SPECIAL_LABELS",
    "Naming",
    "Option",
    "Question",
    "QuestionBank",
    "Questionnaire",
    "Section",
]

# Version 1 named the leader from 70% coverage; version 2 on name a robust lead (docs/method.md).
COVERAGE_RULE = "coverage"
ROBUST_RULE = "robust_lead"
_FILE_PATTERN = re.compile(r"^questionnaire-v(\d+)\.json$")


class QuestionnaireError(DataError):
    """A questionnaire file is malformed or refers to unknown archetypes or dimensions."""


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    evidence: dict[str, float]
    positions: dict[str, float]


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]
    allow_not_applicable: bool
    section_id: str
    allow_split: bool = False
    # Derived once, because scoring and validation run for every stored assessment.
    max_evidence: dict[str, float] = field(init=False, repr=False, compare=False)
    _by_id: dict[str, Option] = field(init=False, repr=False, compare=False)
    _valid: frozenset[str] = field(init=False, repr=False, compare=False)
    _strongest: dict[tuple[str, str | None], Option] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        best: dict[str, float] = {}
        for option in self.options:
            for archetype_id, weight in option.evidence.items():
                best[archetype_id] = max(best.get(archetype_id, 0.0), weight)
        object.__setattr__(self, "max_evidence", best)
        object.__setattr__(self, "_by_id", {o.id: o for o in self.options})
        object.__setattr__(self, "_valid", frozenset(self.valid_answers()))

    def option(self, option_id: str) -> Option:
        return self._by_id[option_id]

    def strongest(self, archetype_id: str, against: str | None = None) -> Option:
        """The option with most evidence for ``archetype_id``; ties go to the one with least
        evidence for ``against``, then to the first. Cached: the naming rule asks often."""
        key = (archetype_id, against)
        best = self._strongest.get(key)
        if best is None:
            best = max(
                self.options,
                key=lambda o: (
                    o.evidence.get(archetype_id, 0.0),
                    -o.evidence.get(against, 0.0) if against else 0.0,
                ),
            )
            self._strongest[key] = best
        return best

    def valid_answers(self) -> tuple[str, ...]:
        specials = SPECIAL_ANSWERS if self.allow_not_applicable else (DONT_KNOW,)
        return tuple(o.id for o in self.options) + specials

    def accepts(self, answer: Answer) -> bool:
        """Whether ``answer`` is an option, an allowed special answer or an allowed split."""
        if isinstance(answer, Split):
            return (
                self.allow_split
                and answer.mainly != answer.partly
                and answer.mainly in self._by_id
                and answer.partly in self._by_id
            )
        return answer in self._valid

    def answer_text(self, answer: Answer) -> str:
        if isinstance(answer, Split):
            mainly, partly = self.option(answer.mainly).text, self.option(answer.partly).text
            return f"Mainly: {mainly} Partly: {partly}"
        return SPECIAL_LABELS.get(answer) or self.option(answer).text


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Naming:
    """When a version names an archetype: ``coverage`` (v1: from ``floor`` coverage on) or
    ``robust_lead`` (v2 on: a lead no open question could overturn, from ``floor`` on)."""

    rule: str = COVERAGE_RULE
    floor: float = 0.70


@dataclass(frozen=True)
class Questionnaire:
    version: int
    title: str
    instructions: str
    sections: tuple[Section, ...]
    naming: Naming = Naming()
    _by_id: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {q.id: q for section in self.sections for q in section.questions}
        object.__setattr__(self, "_by_id", index)

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    @property
    def question_count(self) -> int:
        return len(self._by_id)


@dataclass(frozen=True)
class QuestionBank:
    """Every questionnaire version the app knows; old versions stay so old answers still score."""

    versions: dict[int, Questionnaire]
    # The catalog's archetype ids, for checks that need them where only the bank is at hand
    # (an assessment's target, validated when the store opens).
    archetype_ids: tuple[str, ...] = ()

    @property
    def latest(self) -> Questionnaire:
        return self.versions[max(self.versions)]

    @functools.cached_property
    def split_sets(self) -> dict[int, dict[str, frozenset[str]]]:
        """For each version, the option ids of each question that accepts a split answer."""
        return {
            version: {
                q.id: frozenset(o.id for o in q.options)
                for q in questionnaire.questions()
                if q.allow_split
            }
            for version, questionnaire in self.versions.items()
        }

    @functools.cached_property
    def answer_sets(self) -> dict[int, dict[str, frozenset[str]]]:
        """For each version, each question's accepted answers (the quick check on open)."""
        return {
            version: {q.id: frozenset(q.valid_answers()) for q in questionnaire.questions()}
            for version, questionnaire in self.versions.items()
        }

    def get(self, version: int) -> Questionnaire:
        try:
            return self.versions[version]
        except KeyError:
            known = ", ".join(str(v) for v in sorted(self.versions))
            raise KeyError(f"questionnaire version {version} is unknown (known: {known})") from None


def load_question_bank(folder: Path, catalog: Catalog) -> QuestionBank:
    """Load every ``questionnaire-vN.json`` in ``folder``; the number in the name must match."""
    versions: dict[int, Questionnaire] = {}
    for path in sorted(folder.glob("questionnaire-v*.json")):
        match = _FILE_PATTERN.match(path.name)
        if not match:
            continue
        questionnaire = load_questionnaire(path, catalog)
        if questionnaire.version != int(match.group(1)):
            raise QuestionnaireError(
                str(path),
                "version",
                f"is {questionnaire.version} but the file name says {match.group(1)}",
            )
        versions[questionnaire.version] = questionnaire
    if not versions:
        raise QuestionnaireError(str(folder), "(folder)", "holds no questionnaire-vN.json file")
    return QuestionBank(versions=versions, archetype_ids=catalog.archetype_ids)


def load_questionnaire(path: Path, catalog: Catalog) -> Questionnaire:
    doc = Reader(read_json_file(path, QuestionnaireError), str(path))
    try:
        return _questionnaire(doc, catalog)
    except QuestionnaireError:
        raise
    except DataError as exc:
        raise QuestionnaireError(exc.where, exc.field, exc.problem) from None


def _questionnaire(doc: Reader, catalog: Catalog) -> Questionnaire:
    version = doc.get("version", int)
    if version < 1:
        raise QuestionnaireError(doc.where, "version", "must be 1 or more")
    seen_questions: set[str] = set()
    seen_options: set[str] = set()
    sections = []
    for s in doc.objects("sections"):
        section_id = s.text("id")
        questions = []
        for q in s.objects("questions"):
            question_id = _unique(q, "id", seen_questions)
            options = tuple(
                _option(o, catalog, seen_options) for o in q.objects("options", min_items=2)
            )
            questions.append(
                Question(
                    id=question_id,
                    text=q.text("text"),
                    options=options,
                    allow_not_applicable=q.get(
                        "allow_not_applicable", bool, optional=True, default=False
                    ),
                    section_id=section_id,
                    allow_split=q.get("allow_split", bool, optional=True, default=False),
                )
            )
        sections.append(
            Section(
                id=section_id,
                title=s.text("title"),
                intro=s.text("intro"),
                questions=tuple(questions),
            )
        )
    return Questionnaire(
        version=version,
        title=doc.text("title"),
        instructions=doc.text("instructions"),
        sections=tuple(sections),
        naming=_naming(doc),
    )


def _naming(doc: Reader) -> Naming:
    if "naming" not in doc.data:
        return Naming()
    n = doc.child("naming")
    rule = n.text("rule")
    if rule not in (COVERAGE_RULE, ROBUST_RULE):
        raise QuestionnaireError(
            doc.where, n.field("rule"), f"must be '{COVERAGE_RULE}' or '{ROBUST_RULE}'"
        )
    floor = n.get("floor", float)
    if not 0 < floor <= 1:
        raise QuestionnaireError(doc.where, n.field("floor"), "must be above 0 and at most 1")
    return Naming(rule=rule, floor=floor)


def _unique(r: Reader, key: str, seen: set[str]) -> str:
    value = r.text(key)
    if value in seen or value in SPECIAL_ANSWERS:
        raise QuestionnaireError(r.where, r.field(key), f"id '{value}' is used twice or reserved")
    seen.add(value)
    return value


def _option(o: Reader, catalog: Catalog, seen: set[str]) -> Option:
    option_id = _unique(o, "id", seen)
    evidence: dict[str, float] = {}
    raw_evidence = o.get("evidence", dict, optional=True, default={})
    for archetype_id in raw_evidence:
        if archetype_id not in catalog.archetype_ids:
            raise QuestionnaireError(
                o.where,
                f"{o.field('evidence')}.{archetype_id}",
                "is not an archetype in the catalog",
            )
    ev = Reader(raw_evidence, o.where, o.field("evidence"))
    for archetype_id in raw_evidence:
        weight = ev.get(archetype_id, float)
        if not 0 < weight <= 10:
            raise QuestionnaireError(
                o.where,
                ev.field(archetype_id),
                f"weight must be above 0 and at most 10, got {weight}",
            )
        evidence[archetype_id] = weight
    positions: dict[str, float] = {}
    raw_positions = o.get("positions", dict, optional=True, default={})
    pos = Reader(raw_positions, o.where, o.field("positions"))
    for dimension_id in raw_positions:
        if dimension_id not in catalog.dimension_ids:
            raise QuestionnaireError(
                o.where, pos.field(dimension_id), "is not a dimension in the catalog"
            )
        value = pos.score(dimension_id)
        assert value is not None
        positions[dimension_id] = value
    if not evidence and not positions:
        raise QuestionnaireError(
            o.where, o.path, "carries neither evidence nor a dimension position"
        )
    return Option(id=option_id, text=o.text("text"), evidence=evidence, positions=positions)
