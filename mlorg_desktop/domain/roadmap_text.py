"""What a roadmap step means in practice, and the warnings a target's weak spots call for.

``resources/roadmap/roadmap-text.json`` holds, per questionnaire version, one line per option
(what doing it means: hires, reporting lines, who owns data, who deploys and looks after
models), pair overrides for moves that need their own words, and per archetype its known weak
spots with the options that lean into them. A version without lines of its own (version 1)
borrows the lines of the newer version's options its answers carry over to
(``resources/questionnaire/vN-to-vM.json``); an option with no line at all is described by its
own wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlorg_desktop.domain.answers import Answer, Split, is_answered
from mlorg_desktop.domain.catalog import read_json_file
from mlorg_desktop.domain.questionnaire import Question, QuestionBank
from mlorg_desktop.domain.validation import DataError

if TYPE_CHECKING:
    from mlorg_desktop.domain.carry_over import AnswerMap

TEXT_FILE = ("roadmap", "roadmap-text.json")
PAIR_SEPARATOR = ">"
OUTCOME_LEAD = "An outcome of the other changes rather than a step to take: "


class RoadmapTextError(DataError):
    """The roadmap text file is malformed or names options or archetypes that do not exist."""


@dataclass(frozen=True)
class Weakness:
    warning: str
    options: frozenset[str]


@dataclass(frozen=True)
class RoadmapText:
    lines: dict[int, dict[str, str]]  # version -> option id -> what doing it means
    pairs: dict[int, dict[tuple[str, str], str]]  # version -> (from, to) -> words for the move
    weaknesses: dict[int, dict[str, tuple[Weakness, ...]]]  # version -> archetype -> weak spots
    # version -> questions whose answers follow from the structure (hiring, spending, uptake)
    outcomes: dict[int, frozenset[str]] = field(default_factory=dict)

    def line(self, version: int, question: Question, option_id: str) -> str:
        """What answering ``option_id`` means in practice (its own wording if no line)."""
        return self.lines.get(version, {}).get(option_id) or question.option(option_id).text

    def meaning(
        self, version: int, question: Question, from_answer: Answer | None, to_option: str
    ) -> str:
        """The step's meaning: a pair's own words, else the new practice and today's."""
        today = _main_option(from_answer)
        if today is not None:
            pair = self.pairs.get(version, {}).get((today, to_option))
            if pair:
                return pair
        target_line = self.line(version, question, to_option)
        if question.id in self.outcomes.get(version, frozenset()):
            target_line = f"{OUTCOME_LEAD}{target_line}"
        if today is None:
            return target_line
        return f"{target_line} (Today: {self.line(version, question, today)})"

    def warnings_for(self, version: int, archetype_id: str, option_id: str) -> tuple[str, ...]:
        spots = self.weaknesses.get(version, {}).get(archetype_id, ())
        return tuple(w.warning for w in spots if option_id in w.options)


def _main_option(answer: Answer | None) -> str | None:
    if isinstance(answer, Split):
        return answer.mainly
    return answer if is_answered(answer) else None


def load_roadmap_text(
    resources: Path,
    bank: QuestionBank,
    answer_maps: Mapping[int, AnswerMap],
) -> RoadmapText:
    """Load and check the roadmap text; older versions borrow through the answer maps."""
    path = resources.joinpath(*TEXT_FILE)
    where = str(path)
    doc = read_json_file(path, RoadmapTextError)
    if not isinstance(doc, dict) or not isinstance(doc.get("versions"), dict):
        raise RoadmapTextError(where, "versions", "expected an object of versions")
    lines: dict[int, dict[str, str]] = {}
    pairs: dict[int, dict[tuple[str, str], str]] = {}
    outcomes: dict[int, frozenset[str]] = {}
    for key, body in doc["versions"].items():
        version = _version(key, bank, where)
        options = {o.id for q in bank.versions[version].questions() for o in q.options}
        lines[version] = _texts(body.get("options"), options, where, f"versions.{key}.options")
        pairs[version] = {}
        outcomes[version] = _outcomes(body.get("outcomes", []), bank, version, where, key)
        for pair, words in _texts(
            body.get("pairs", {}), None, where, f"versions.{key}.pairs"
        ).items():
            before, _, after = pair.partition(PAIR_SEPARATOR)
            if before not in options or after not in options:
                raise RoadmapTextError(where, f"versions.{key}.pairs.{pair}", "unknown option")
            pairs[version][(before, after)] = words
    raw_weak = doc.get("weaknesses")
    if not isinstance(raw_weak, dict):
        raise RoadmapTextError(where, "weaknesses", "expected an object of archetypes")
    base = max(lines) if lines else bank.latest.version
    weaknesses = {base: _weaknesses(raw_weak, bank, base, where)}
    for old, answer_map in answer_maps.items():
        if old in lines or answer_map.to_version not in lines:
            continue
        carried = {
            before: after
            for _, (_, options) in answer_map.questions.items()
            for before, after in options.items()
        }
        new_lines = lines[answer_map.to_version]
        new_outcomes = outcomes.get(answer_map.to_version, frozenset())
        outcomes[old] = frozenset(
            before for before, (after, _) in answer_map.questions.items() if after in new_outcomes
        )
        lines[old] = {b: new_lines[a] for b, a in carried.items() if a in new_lines}
        weaknesses[old] = {
            archetype: tuple(
                Weakness(w.warning, frozenset(b for b, a in carried.items() if a in w.options))
                for w in spots
            )
            for archetype, spots in weaknesses.get(answer_map.to_version, {}).items()
        }
    return RoadmapText(lines=lines, pairs=pairs, weaknesses=weaknesses, outcomes=outcomes)


def _outcomes(raw: Any, bank: QuestionBank, version: int, where: str, key: str) -> frozenset[str]:
    questions = {q.id for q in bank.versions[version].questions()}
    if not isinstance(raw, list) or any(q not in questions for q in raw):
        raise RoadmapTextError(where, f"versions.{key}.outcomes", "names an unknown question")
    return frozenset(raw)


def _version(key: str, bank: QuestionBank, where: str) -> int:
    try:
        version = int(key)
    except ValueError:
        version = -1
    if version not in bank.versions:
        raise RoadmapTextError(where, f"versions.{key}", "is not a questionnaire version")
    return version


def _texts(raw: Any, known: set[str] | None, where: str, field: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise RoadmapTextError(where, field, "expected an object of texts")
    for key, value in raw.items():
        if known is not None and key not in known:
            raise RoadmapTextError(where, f"{field}.{key}", "is not an option of this version")
        if not isinstance(value, str) or not value.strip():
            raise RoadmapTextError(where, f"{field}.{key}", "expected non-empty text")
    return dict(raw)


def _weaknesses(
    raw: dict[str, Any], bank: QuestionBank, version: int, where: str
) -> dict[str, tuple[Weakness, ...]]:
    options = {o.id for q in bank.versions[version].questions() for o in q.options}
    result: dict[str, tuple[Weakness, ...]] = {}
    for archetype, spots in raw.items():
        if bank.archetype_ids and archetype not in bank.archetype_ids:
            raise RoadmapTextError(where, f"weaknesses.{archetype}", "is not an archetype")
        if not isinstance(spots, list):
            raise RoadmapTextError(where, f"weaknesses.{archetype}", "expected a list")
        found = []
        for index, spot in enumerate(spots):
            field = f"weaknesses.{archetype}[{index}]"
            if not isinstance(spot, dict) or not isinstance(spot.get("warning"), str):
                raise RoadmapTextError(where, field, "expected a warning and its options")
            listed = spot.get("options")
            if not isinstance(listed, list) or any(o not in options for o in listed):
                raise RoadmapTextError(where, f"{field}.options", "names an unknown option")
            found.append(Weakness(spot["warning"], frozenset(listed)))
        result[archetype] = tuple(found)
    return result
