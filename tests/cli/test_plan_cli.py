"""``plan ID [--target ARCHETYPE] [--steps N] [--json]``: its contract, run as the user runs it."""

from __future__ import annotations

import json

from mlorg_desktop.domain.answers import answer_from_json
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.domain.scoring import score

COBALT = "14aef723-53d7-5a82-b7e2-d91eb790ce86"  # a demo assessment, Business & Product Embedded
VALID = ("keep", "nascent", "rnd", "embedded", "independent", "ml_first")


def test_plan_json_contract_on_the_demo(cli, knowledge, examples):
    code, out, err = cli("plan", COBALT[:8], "--target", "independent", "--json", "--demo")
    assert code == 0, err
    doc = json.loads(out)
    assert {
        "assessment_id",
        "target",
        "current_fit",
        "steps",
        "gap",
        "reaches_target",
        "note",
    } <= set(doc)
    assert (doc["assessment_id"], doc["target"]) == (COBALT, "independent")
    assert doc["current_fit"] == 0.0
    assert doc["reaches_target"] is True
    assert [g["dimension"] for g in doc["gap"]] == [
        "se_vs_research",
        "data_ownership",
        "model_ownership",
    ]
    cobalt = next(a for a in examples if a.id == COBALT)
    questionnaire = knowledge.bank.get(cobalt.questionnaire_version)
    answers = dict(cobalt.answers)
    for step in doc["steps"]:
        assert set(step) >= {"question_id", "from", "to", "fit_after", "dimension", "meaning"}
        assert answer_from_json(step["from"]) == answers.get(step["question_id"])
        answers[step["question_id"]] = step["to"]
        expected = score(questionnaire, knowledge.catalog, answers).fits["independent"]
        assert step["fit_after"] == round(expected, 2)
        assert step["meaning"]
    assert doc["steps"][-1]["fit_after"] == 100.0


def test_plan_uses_the_stored_target_and_steps_limits_it(cli, tmp_path, examples):
    data = tmp_path / "data"
    data.mkdir()
    with_target = [
        Assessment(**{**vars(examples[2]), "target": "ml_first"}),
        Assessment(**{**vars(examples[3]), "target": ""}),
    ]
    exchange = tmp_path / "two.json"
    exchange.write_text(exchange_json(with_target), encoding="utf-8")
    assert cli("import", str(exchange), "--data-dir", str(data))[0] == 0
    for _ in range(2):  # a second run reads the same store the same way
        code, out, err = cli(
            "plan", examples[2].id[:6], "--steps", "2", "--json", "--data-dir", str(data)
        )
        assert code == 0, err
        doc = json.loads(out)
        assert doc["target"] == "ml_first" and len(doc["steps"]) == 2
        assert "After the first 2 steps" in doc["note"]
    code, out, err = cli("plan", examples[2].id, "--data-dir", str(data))
    assert code == 0, err
    assert out.startswith("Road to ML-First: Cobalt Payments")
    assert "Steps (fit after each, cumulative)" in out and "  1. " in out
    code, out, err = cli("plan", examples[3].id, "--data-dir", str(data))
    assert code == 2 and out == ""
    assert "has no target; pass --target" in err
    for valid in VALID:
        assert valid in err


def test_plan_refuses_an_unknown_archetype_and_an_unknown_id(cli):
    code, out, err = cli("plan", COBALT, "--target", "skunkworks", "--demo")
    assert code == 2 and out == ""
    assert "'skunkworks' is not an archetype" in err
    for valid in VALID:
        assert valid in err
    code, _, err = cli("plan", "ffffffff", "--target", "rnd", "--demo")
    assert code == 2 and "no saved assessment has the id" in err
    code, _, err = cli("plan", COBALT, "--steps", "0", "--demo")
    assert code == 2 and "1 or more" in err


def test_keep_plans_for_todays_reading(cli):
    code, out, err = cli("plan", COBALT, "--target", "keep", "--json", "--demo")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["target"] == "embedded" and doc["kept"] is True


def test_list_shows_targets_and_scenario_names(cli):
    code, out, err = cli("list", "--json", "--demo")
    assert code == 0, err
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows[COBALT]["target"] == "independent"
    assert rows[COBALT]["scenarios"] == ["Central ML division"]
    assert rows["dd733ddd-d9ee-51ce-92a1-40ddc559e310"]["target"] == "embedded"
    assert sum(1 for row in rows.values() if row["target"]) == 2
