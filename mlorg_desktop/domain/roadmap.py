"""The roadmap to a target archetype: answer changes ranked by the target's fit they gain.

Greedy (docs/method.md): each step is the single change, among every question and every one of
its single options, that raises the target's fit most given the steps before it; ties go to
question order, then option order. Step 1 is therefore exactly the best single change. A fit is
earned / possible evidence (``domain.scoring``), and one change alters only its own question's
share of both sums, so ``_TargetTally`` prices each candidate in O(1). Warnings mark steps that
pull a dimension against another step, change a question again, or lean into one of the
target's known weak spots (``roadmap_text``); they are never dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from mlorg_desktop.domain.answers import SPECIAL_LABELS, Answer, is_answered, shares
from mlorg_desktop.domain.assessment import KEEP
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.pooling import QuestionPool
from mlorg_desktop.domain.questionnaire import Question, Questionnaire
from mlorg_desktop.domain.roadmap_note import roadmap_note
from mlorg_desktop.domain.roadmap_text import RoadmapText
from mlorg_desktop.domain.scoring import Score, score

__all__ = ["KEEP", "Roadmap", "RoadmapError", "Step", "plan", "resolve_target", "round_answers"]

_EPS = 1e-9  # fit points: gains this close count as equal (float sums differ by ~1e-14)
NOT_ANSWERED = "Not answered"


class RoadmapError(ValueError):
    """The target is not KEEP nor an archetype id; the message names the valid ids."""


@dataclass(frozen=True)
class Step:
    question_id: str
    question_text: str
    section_id: str
    section_title: str
    dimension_id: str | None
    from_answer: Answer | None
    from_text: str
    to_option: str
    to_text: str
    fit_before: float
    fit_after: float  # the target's fit once this step and all before it are made
    gain: float
    meaning: str
    warnings: tuple[str, ...]
    # A settling step answers an open question once no change raises the fit any more, so
    # that the reading can name the target (domain.roadmap_settle); its gain is 0.
    settles: bool = False


@dataclass(frozen=True)
class Roadmap:
    target: str  # the archetype planned for (KEEP resolved to today's leader); "" if none
    current_fit: float
    steps: tuple[Step, ...]
    final_fit: float
    final_reading: str  # named / leaning / transitional / too few answers, after all steps
    reaches_target: bool
    note: str
    kept: bool = False  # the target was KEEP ("keep what we are")


def check_target(target: str, catalog: Catalog) -> None:
    if target != KEEP and target not in catalog.archetype_ids:
        valid = ", ".join(catalog.archetype_ids)
        raise RoadmapError(
            f"'{target}' is not a target; valid targets: {KEEP} (keep what we are), {valid}"
        )


def resolve_target(target: str, score: Score) -> str | None:
    """The archetype a target stands for: KEEP is today's leader (None without one)."""
    if target == KEEP:
        return score.leader
    return target or None


def round_answers(pools: Mapping[str, QuestionPool]) -> dict[str, Answer]:
    """Each question's most common answer in a round (ties: the option listed first), so a
    round's roadmap is planned from what most respondents said."""
    return {qid: pool.modal for qid, pool in pools.items() if pool.modal is not None}


class _TargetTally:
    """Earned and possible evidence of one archetype, kept per question for O(1) pricing."""

    def __init__(self, questionnaire: Questionnaire, archetype: str, answers: Mapping[str, Answer]):
        self.archetype = archetype
        self.share: dict[str, tuple[float, float]] = {}
        self.earned = self.possible = 0.0
        for question in questionnaire.questions():
            self.set(question, answers.get(question.id))

    def set(self, question: Question, answer: Answer | None) -> None:
        old_e, old_p = self.share.get(question.id, (0.0, 0.0))
        new_e, new_p = self._part(question, answer)
        self.earned += new_e - old_e
        self.possible += new_p - old_p
        self.share[question.id] = (new_e, new_p)

    def _part(self, question: Question, answer: Answer | None) -> tuple[float, float]:
        if not is_answered(answer) or answer is None:
            return 0.0, 0.0
        earned = sum(
            s * question.option(o).evidence.get(self.archetype, 0.0) for o, s in shares(answer)
        )
        return earned, question.max_evidence.get(self.archetype, 0.0)

    @property
    def fit(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0


def plan(
    questionnaire: Questionnaire,
    catalog: Catalog,
    answers: Mapping[str, Answer],
    target: str,
    steps: int | None = None,
    text: RoadmapText | None = None,
) -> Roadmap:
    """The ranked answer changes that raise ``target``'s fit most (at most ``steps`` of them)."""
    check_target(target, catalog)
    start = score(questionnaire, catalog, answers)
    archetype = resolve_target(target, start)
    if archetype is None:
        return Roadmap(
            target="",
            current_fit=0.0,
            steps=(),
            final_fit=0.0,
            final_reading=start.reading,
            reaches_target=False,
            note="No archetype leads yet, so there is nothing to keep. Answer more questions, "
            "or choose the archetype you want to become.",
            kept=True,
        )
    words = text or default_text()
    tally = _TargetTally(questionnaire, archetype, answers)
    current = dict(answers)
    raw: list[tuple[Question, Answer | None, str, float, float]] = []
    fit = start.fits[archetype]
    sections = {s.id: s.title for s in questionnaire.sections}
    # Every option of a question changes ``possible`` alike, so a question's best change is
    # to its strongest option for the target (ties: the first listed); once made, no later
    # change of that question can gain, so it leaves the candidates.
    candidates = []
    for question in questionnaire.questions():
        option = question.strongest(archetype)
        if option.id != current.get(question.id):
            weight = option.evidence.get(archetype, 0.0)
            candidates.append(
                (question, option.id, weight, question.max_evidence.get(archetype, 0.0))
            )
    share = tally.share
    while candidates and (steps is None or len(raw) < steps):
        earned, possible = tally.earned, tally.possible
        now = tally.fit
        best_index, best_gain = -1, _EPS
        for index, (question, _, weight, most) in enumerate(candidates):
            old_e, old_p = share[question.id]
            after = possible - old_p + most
            gain = (100.0 * (earned - old_e + weight) / after if after else 0.0) - now
            if gain > best_gain + (_EPS if best_index >= 0 else 0.0):
                best_index, best_gain = index, gain
        if best_index < 0:
            break
        question, option_id, _, _ = candidates.pop(best_index)
        before = current.get(question.id)
        tally.set(question, option_id)
        current[question.id] = option_id
        raw.append((question, before, option_id, fit, tally.fit))
        fit = tally.fit
    final = score(questionnaire, catalog, current) if raw else start
    gaining = len(raw)
    if steps is None or len(raw) < steps:
        from mlorg_desktop.domain.roadmap_settle import settling_answers

        for question, option_id in settling_answers(questionnaire, catalog, final, archetype):
            if steps is not None and len(raw) >= steps:
                break
            before = current.get(question.id)
            tally.set(question, option_id)
            current[question.id] = option_id
            raw.append((question, before, option_id, fit, tally.fit))
            fit = tally.fit
        if len(raw) > gaining:
            final = score(questionnaire, catalog, current)
    made = _steps(raw, questionnaire, catalog, archetype, words, sections, answers, gaining)
    return Roadmap(
        target=archetype,
        current_fit=start.fits[archetype],
        steps=made,
        final_fit=final.fits[archetype],
        final_reading=final.reading,
        reaches_target=final.primary == archetype,
        note=roadmap_note(
            final, archetype, catalog, len(made), sum(1 for s in made if s.settles), steps
        ),
        kept=target == KEEP,
    )


def _steps(
    raw: list[tuple[Question, Answer | None, str, float, float]],
    questionnaire: Questionnaire,
    catalog: Catalog,
    archetype: str,
    words: RoadmapText,
    sections: dict[str, str],
    answers: Mapping[str, Answer],
    gaining: int,
) -> tuple[Step, ...]:
    from mlorg_desktop.domain.roadmap_warnings import step_warnings

    version = questionnaire.version
    warnings = step_warnings(raw, questionnaire, catalog, archetype, words, answers)
    made = []
    for index, (question, before, option_id, fit_before, fit_after) in enumerate(raw):
        made.append(
            Step(
                question_id=question.id,
                question_text=question.text,
                section_id=question.section_id,
                section_title=sections.get(question.section_id, question.section_id),
                dimension_id=question_dimension(question),
                from_answer=before,
                from_text=answer_words(question, before),
                to_option=option_id,
                to_text=question.option(option_id).text,
                fit_before=fit_before,
                fit_after=fit_after,
                gain=fit_after - fit_before,
                meaning=words.meaning(version, question, before, option_id),
                warnings=warnings[index],
                settles=index >= gaining,
            )
        )
    return tuple(made)


def question_dimension(question: Question) -> str | None:
    """The design dimension a question places the organization on, if any."""
    for option in question.options:
        for dimension_id in option.positions:
            return dimension_id
    return None


def answer_words(question: Question, answer: Answer | None) -> str:
    if answer is None:
        return NOT_ANSWERED
    if isinstance(answer, str) and answer in SPECIAL_LABELS:
        return SPECIAL_LABELS[answer]
    return question.answer_text(answer)


@functools.cache
def default_text() -> RoadmapText:
    """The shipped roadmap text, for callers that have no Knowledge at hand."""
    from mlorg_desktop.domain.knowledge import load_knowledge
    from mlorg_desktop.resources import resources_dir

    return load_knowledge(resources_dir()).roadmap_text
