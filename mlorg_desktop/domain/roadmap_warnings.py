"""Warnings on roadmap steps: marked on the step, never used to drop it.

Three kinds: a step that pulls a design dimension one way while another step pulls it the other
way; a step that changes a question an earlier step already changed (or undoes it); and a step
toward an option that leans into one of the target's known weak spots
(``resources/roadmap/roadmap-text.json``).
"""

from __future__ import annotations

from collections.abc import Mapping

from mlorg_desktop.domain.answers import Answer, is_answered, shares
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.questionnaire import Question, Questionnaire
from mlorg_desktop.domain.roadmap_text import RoadmapText

RawStep = tuple[Question, Answer | None, str, float, float]


def _positions(question: Question, answer: Answer | None) -> dict[str, float]:
    """Where one answer places the organization on each dimension (as domain.scoring does)."""
    if not is_answered(answer) or answer is None:
        return {}
    placed: dict[str, list[tuple[float, float]]] = {}
    for option_id, share in shares(answer):
        for dimension_id, value in question.option(option_id).positions.items():
            placed.setdefault(dimension_id, []).append((share, value))
    return {
        d: sum(s * v for s, v in parts) / sum(s for s, _ in parts) for d, parts in placed.items()
    }


def _mean(values: Mapping[str, float]) -> float | None:
    return sum(values.values()) / len(values) if values else None


def step_warnings(
    raw: list[RawStep],
    questionnaire: Questionnaire,
    catalog: Catalog,
    archetype: str,
    words: RoadmapText,
    answers: Mapping[str, Answer],
) -> list[tuple[str, ...]]:
    """The warnings of each step, in step order."""
    found: list[list[str]] = [[] for _ in raw]
    # dimension -> question -> position: the dimension's position is the mean over questions.
    where: dict[str, dict[str, float]] = {d: {} for d in catalog.dimension_ids}
    for question in questionnaire.questions():
        for dimension_id, value in _positions(question, answers.get(question.id)).items():
            where[dimension_id][question.id] = value
    moves: list[tuple[int, str, int]] = []  # step index, dimension, +1 up / -1 down
    changed: dict[str, int] = {}  # question id -> the step that last changed it
    first_answer: dict[str, Answer | None] = {}
    for index, (question, before, option_id, *_) in enumerate(raw):
        new = _positions(question, option_id)
        for dimension_id in set(new) | set(_positions(question, before)):
            old_mean = _mean(where[dimension_id])
            if dimension_id in new:
                where[dimension_id][question.id] = new[dimension_id]
            else:
                where[dimension_id].pop(question.id, None)
            new_mean = _mean(where[dimension_id])
            if old_mean is not None and new_mean is not None and abs(new_mean - old_mean) > 1e-9:
                moves.append((index, dimension_id, 1 if new_mean > old_mean else -1))
        if question.id in changed:
            earlier = changed[question.id]
            if option_id == first_answer[question.id]:
                found[index].append(f"Undoes step {earlier + 1}, which changed this question.")
            else:
                found[index].append(f"Changes this question again after step {earlier + 1}.")
        else:
            first_answer[question.id] = before
        changed[question.id] = index
        for warning in words.warnings_for(questionnaire.version, archetype, option_id):
            name = catalog.archetype(archetype).name
            found[index].append(f"Leans into a known weak spot of {name}: {warning}")
    for i, (step_a, dim_a, dir_a) in enumerate(moves):
        for step_b, dim_b, dir_b in moves[i + 1 :]:
            if dim_a == dim_b and dir_a != dir_b and step_a != step_b:
                dimension = catalog.dimension(dim_a)
                toward = {1: dimension.high_label, -1: dimension.low_label}
                found[step_b].append(
                    f"Pulls {dimension.name} toward “{toward[dir_b]}”, against step "
                    f"{step_a + 1}, which pulls it toward “{toward[dir_a]}”."
                )
                found[step_a].append(
                    f"Step {step_b + 1} pulls {dimension.name} back toward “{toward[dir_b]}”."
                )
    return [tuple(dict.fromkeys(w)) for w in found]
