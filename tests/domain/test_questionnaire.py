"""The question bank: size, observable options, escape answers, and versioning."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE


def test_size_and_sections(knowledge):
    questionnaire = knowledge.bank.latest
    assert 18 <= questionnaire.question_count <= 30
    assert len(questionnaire.sections) >= 8
    titles = " ".join(s.title.lower() for s in questionnaire.sections)
    for topic in (
        "talent",
        "data",
        "deployment",
        "literacy",
        "software engineering",
        "model ownership",
    ):
        assert topic in titles


def test_every_question_offers_dont_know_and_some_not_applicable(knowledge):
    questions = list(knowledge.bank.latest.questions())
    assert all(DONT_KNOW in q.valid_answers() for q in questions)
    assert any(NOT_APPLICABLE in q.valid_answers() for q in questions)
    assert any(NOT_APPLICABLE not in q.valid_answers() for q in questions)


def test_options_describe_behaviour_not_self_ratings(knowledge):
    self_rating = re.compile(
        r"\b(we are (very )?(mature|good|advanced|excellent)|rate|"
        r"on a scale)\b",
        re.IGNORECASE,
    )
    for question in knowledge.bank.latest.questions():
        for option in question.options:
            assert not self_rating.search(option.text), option.text


def test_every_archetype_and_dimension_can_be_reached(knowledge):
    questionnaire = knowledge.bank.latest
    options = [o for q in questionnaire.questions() for o in q.options]
    for archetype_id in knowledge.catalog.archetype_ids:
        assert sum(1 for o in options if o.evidence.get(archetype_id, 0) >= 3) >= 10
    for dimension_id in knowledge.catalog.dimension_ids:
        questions = [
            q
            for q in questionnaire.questions()
            if any(dimension_id in o.positions for o in q.options)
        ]
        assert len(questions) >= 2, dimension_id


def test_old_versions_stay_scorable_when_a_new_one_ships(tmp_path: Path, resources: Path):
    """A version 3 drops a question; a v1 assessment still scores with v1."""
    copy = tmp_path / "resources"
    shutil.copytree(resources, copy)
    v1_path = copy / "questionnaire" / "questionnaire-v1.json"
    v3 = json.loads(v1_path.read_text(encoding="utf-8"))
    v3["version"] = 3
    removed = v3["sections"][0]["questions"].pop(0)
    (copy / "questionnaire" / "questionnaire-v3.json").write_text(json.dumps(v3), encoding="utf-8")
    knowledge = load_knowledge(copy)
    assert knowledge.bank.latest.version == 3
    assert sorted(knowledge.bank.versions) == [1, 2, 3]

    answers = {removed["id"]: removed["options"][1]["id"]}
    old = Assessment(
        id="8a0c7a49-7d3e-4c1e-9f8e-2a7c4c0e1a11",
        organization="Old Co",
        questionnaire_version=1,
        answers=answers,
    )
    result = knowledge.score(old.questionnaire_version, old.answers)
    assert result.answered == 1 and result.fits["rnd"] == 100.0
    assert knowledge.score(3, answers).answered == 0  # v3 has no such question


def test_no_archetype_gets_full_credit_from_another_archetypes_answer(knowledge):
    """A question's maximum for an archetype must come from an option typical of it (where it
    has the top weight); otherwise an answer typical of someone else would give it 100%."""
    for questionnaire in knowledge.bank.versions.values():
        for question in questionnaire.questions():
            for archetype_id, best in question.max_evidence.items():
                assert any(
                    o.evidence.get(archetype_id) == best == max(o.evidence.values())
                    for o in question.options
                ), (questionnaire.version, question.id, archetype_id)


def test_version_2_splits_exactly_the_structure_questions(knowledge):
    v2 = knowledge.bank.get(2)
    assert v2.naming.rule == "robust_lead" and v2.naming.floor == 0.4
    splittable = {q.id for q in v2.questions() if q.allow_split}
    # where ML people sit, reporting line, mentors of most, dataset preparation, typical week,
    # pipelines, data decisions, deployment, alerts
    assert splittable == {"q01", "q02", "q13", "q14", "q21", "q24", "q25", "q26", "q27"}
    assert not any(q.allow_split for q in knowledge.bank.get(1).questions())
