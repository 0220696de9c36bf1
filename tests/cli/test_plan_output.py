"""What ``plan`` prints, word for word and field by field: the errors a user acts on (stderr,
exit 2, nothing on stdout), the ``--json`` document and the text summary. Expected values come
from the catalog by hand and from the domain (scoring, gap, roadmap), never from cli_plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.domain.gap import gap
from mlorg_desktop.domain.roadmap import plan
from mlorg_desktop.domain.scoring import score

HARBOUR = "97cf1057-7986-508d-89e6-971de866a120"
NORTHLINE = "dd733ddd-d9ee-51ce-92a1-40ddc559e310"
COBALT = "14aef723-53d7-5a82-b7e2-d91eb790ce86"
VALID_TARGETS = "keep (keep what we are), nascent, rnd, embedded, independent, ml_first"


def _demo(examples, prefix: str) -> Assessment:
    return next(a for a in examples if a.id.startswith(prefix[:8]))


def _store_with(cli, tmp_path: Path, assessments: list[Assessment]) -> Path:
    data = tmp_path / "data"
    exchange = tmp_path / "these.json"
    exchange.write_text(exchange_json(assessments), encoding="utf-8")
    code, _, err = cli("import", str(exchange), "--data-dir", str(data))
    assert code == 0, err
    return data


def test_demo_ids_are_the_ones_these_tests_name(examples):
    assert {HARBOUR, NORTHLINE, COBALT} <= {a.id for a in examples}


def test_an_id_prefix_too_short_is_refused_on_stderr(cli):
    assert cli("plan", "97c", "--target", "rnd", "--demo") == (
        2,
        "",
        "error: the id prefix '97c' is too short; give at least 4 characters\n",
    )


def test_an_ambiguous_prefix_lists_every_candidate_with_its_label(cli, tmp_path):
    first = Assessment(
        id="abcd1234-0000-4000-8000-000000000001",
        organization="Acme",
        unit="Search",
        respondent="Ann",
        assessed_on="2026-01-05",
        questionnaire_version=2,
        answers={"q01": "q01b"},
    )
    second = Assessment(
        id="abcd1234-0000-4000-8000-000000000002",
        organization="Acme",
        assessed_on="2026-02-07",
        questionnaire_version=2,
        answers={"q01": "q01c"},
    )
    data = _store_with(cli, tmp_path, [second, first])
    assert cli("plan", "abcd-12", "--target", "rnd", "--data-dir", str(data)) == (
        2,
        "",
        "error: the id prefix 'abcd-12' is ambiguous; it matches:\n"
        "  abcd1234-0000-4000-8000-000000000001  Acme · Search · Ann (2026-01-05)\n"
        "  abcd1234-0000-4000-8000-000000000002  Acme (2026-02-07)\n",
    )


def test_an_unknown_target_lists_the_valid_ones_in_catalog_order(cli):
    assert cli("plan", COBALT, "--target", "skunkworks", "--demo") == (
        2,
        "",
        f"error: 'skunkworks' is not an archetype; valid targets: {VALID_TARGETS}\n",
    )


@pytest.mark.parametrize("steps", ["abc", "0", "-3"])
def test_steps_must_be_a_whole_number_of_one_or_more(cli, steps):
    code, out, err = cli("plan", COBALT, "--target", "rnd", "--steps", steps, "--demo")
    assert (code, out) == (2, "")
    assert err.endswith(
        f"plan: error: argument --steps: '{steps}' is not a whole number of 1 or more\n"
    )


def test_one_step_is_a_valid_limit(cli):
    code, out, err = cli("plan", COBALT, "--target", "rnd", "--steps", "1", "--json", "--demo")
    assert code == 0, err
    assert len(json.loads(out)["steps"]) == 1


def _expected_json(knowledge, assessment: Assessment, target: str, steps: int) -> dict:
    """The plan --json document from the domain: the roadmap's choices, each fit re-scored."""
    questionnaire = knowledge.bank.get(assessment.questionnaire_version)
    catalog = knowledge.catalog
    roadmap = plan(
        questionnaire, catalog, assessment.answers, target, steps=steps, text=knowledge.roadmap_text
    )
    today = score(questionnaire, catalog, assessment.answers)
    answers = dict(assessment.answers)
    fit = today.fits[roadmap.target]
    rows = []
    for step in roadmap.steps:
        before = answers.get(step.question_id)
        answers[step.question_id] = step.to_option
        after = score(questionnaire, catalog, answers).fits[roadmap.target]
        rows.append(
            {
                "question_id": step.question_id,
                "from": before,
                "to": step.to_option,
                "fit_after": round(after, 2),
                "gain": round(after - fit, 2),
                "dimension": step.dimension_id,
                "section": step.section_id,
                "meaning": step.meaning,
                "warnings": list(step.warnings),
            }
        )
        fit = after
    final = score(questionnaire, catalog, answers)
    return {
        "assessment_id": assessment.id,
        "target": roadmap.target,
        "kept": target == "keep",
        "current_fit": round(today.fits[roadmap.target], 2),
        "steps": rows,
        "final_fit": round(final.fits[roadmap.target], 2),
        "final_reading": final.reading,
        "reaches_target": final.primary == roadmap.target,
        "note": roadmap.note,
        "gap": [
            {
                "dimension": line.dimension_id,
                "current": None if line.current is None else round(line.current, 1),
                "target": line.target,
                "distance": None if line.distance is None else round(line.distance, 1),
                "words": line.words,
            }
            for line in gap(today, roadmap.target, catalog, questionnaire)
        ],
    }


@pytest.mark.parametrize(
    ("wanted", "target", "steps"),
    [
        # Fit today 10.71 of 100; no answer places Harbour on "se_vs_research" yet.
        (HARBOUR, "rnd", 2),
        # Positions like 13.75 and 6.67, distances like 66.25: the rounding shows.
        (NORTHLINE, "embedded", 3),
    ],
)
def test_plan_json_fields_and_values(cli, knowledge, examples, wanted, target, steps):
    code, out, err = cli(
        "plan", wanted, "--target", target, "--steps", str(steps), "--json", "--demo"
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    expected = _expected_json(knowledge, _demo(examples, wanted), target, steps)
    assert doc == expected
    # The cases carry what the rounding and the missing positions are about.
    assert doc["current_fit"] != round(doc["current_fit"]) or doc["final_fit"] != round(
        doc["final_fit"]
    )
    assert all(s["gain"] != round(s["gain"]) for s in doc["steps"])


def test_plan_json_layout_two_space_indent_and_text_as_is(cli):
    """One field per line (readable, greppable, diffable) and the gap's “quotes” unescaped."""
    code, out, _ = cli("plan", HARBOUR, "--target", "rnd", "--json", "--demo")
    assert code == 0
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    assert "“" in out


def test_keep_without_a_leader_plans_nothing_and_says_why(cli, tmp_path):
    blank = Assessment(
        id="0f0f0f0f-1111-4222-8333-444444444444",
        organization="Blank Co",
        assessed_on="2026-03-01",
        questionnaire_version=2,
    )
    data = _store_with(cli, tmp_path, [blank])
    note = (
        "No archetype leads yet, so there is nothing to keep. Answer more questions, "
        "or choose the archetype you want to become."
    )
    code, out, err = cli("plan", "0f0f0f0f", "--target", "keep", "--json", "--data-dir", str(data))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "assessment_id": blank.id,
        "target": None,
        "kept": True,
        "current_fit": 0.0,
        "steps": [],
        "final_fit": 0.0,
        "final_reading": "too few answers",
        "reaches_target": False,
        "note": note,
        "gap": [],
    }
    assert cli("plan", "0f0f0f0f", "--target", "keep", "--data-dir", str(data)) == (
        0,
        f"Blank Co (2026-03-01)\n{note}\n",
        "",
    )


def _expected_text(knowledge, assessment: Assessment, target: str, steps: int | None) -> str:
    questionnaire = knowledge.bank.get(assessment.questionnaire_version)
    roadmap = plan(
        questionnaire,
        knowledge.catalog,
        assessment.answers,
        target,
        steps=steps,
        text=knowledge.roadmap_text,
    )
    today = score(questionnaire, knowledge.catalog, assessment.answers)
    name = knowledge.catalog.archetype(roadmap.target).name
    head = f"Road to {name}{' (keep what we are)' if target == 'keep' else ''}: {assessment.label}"
    text = [
        head,
        f"Fit today {roadmap.current_fit:.0f} of 100; after these steps {roadmap.final_fit:.0f}.",
        "",
        "Where you stand",
    ]
    text += [
        f"  {line.words}" for line in gap(today, roadmap.target, knowledge.catalog, questionnaire)
    ]
    text += ["", "Steps (fit after each, cumulative)" if roadmap.steps else "No steps."]
    for number, step in enumerate(roadmap.steps, start=1):
        text += [
            f"  {number}. {step.question_text}  [{step.section_title}]  fit {step.fit_after:.0f}",
            f"     from: {step.from_text}",
            f"     to:   {step.to_text}",
            f"     {step.meaning}",
        ]
        text += [f"     ! {w}" for w in step.warnings]
    return "\n".join([*text, "", roadmap.note]) + "\n"


@pytest.mark.parametrize(
    ("wanted", "target", "steps", "first_line"),
    [
        (HARBOUR, "nascent", None, "Road to Nascent / ad-hoc: Harbour Freight Logistics"),
        (COBALT, "keep", None, "Road to Business & Product Embedded (keep what we are): Cobalt"),
        (HARBOUR, "rnd", 3, "Road to Research & Development: Harbour Freight Logistics"),
    ],
)
def test_plan_summary_text(cli, knowledge, examples, wanted, target, steps, first_line):
    argv = ["plan", wanted, "--target", target, "--demo"]
    code, out, err = cli(*argv, *(["--steps", str(steps)] if steps else []))
    assert (code, err) == (0, "")
    assert out == _expected_text(knowledge, _demo(examples, wanted), target, steps)
    assert out.startswith(first_line)
    if target == "nascent":  # Harbour already is Nascent: nothing to change
        assert "\n\nNo steps.\n\n" in out and "Steps (" not in out
    else:
        assert "\n  1. " in out and "\n  0. " not in out
