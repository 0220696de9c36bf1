"""`list --json` carries the reading and the runner-up; `questionnaire --json` shows version 2
with the questions that accept "mainly / partly"."""

from __future__ import annotations

import json

from mlorg_desktop.__main__ import main
from tests.reading_cases import TIE


def _record(uid: str, name: str, answers: dict[str, object]) -> dict[str, object]:
    return {
        "id": uid,
        "organization": name,
        "assessed_on": "2026-12-01",
        "questionnaire_version": 2,
        "answers": answers,
    }


def test_list_json_has_reading_and_runner_up(capsys, tmp_path):
    doc = {
        "format": "mlorg-desktop-exchange",
        "format_version": 1,
        "assessments": [
            _record("11111111-1111-4111-8111-111111111111", "Tied Co", TIE),
            _record(
                "22222222-2222-4222-8222-222222222222",
                "Early Co",
                {f"q0{n}": f"q0{n}a" for n in range(1, 6)},
            ),
        ],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    for _ in range(2):  # a second import skips the same ids and changes nothing
        assert main(["--data-dir", str(tmp_path), "import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "list", "--json"]) == 0
    rows = {r["organization"]: r for r in json.loads(capsys.readouterr().out)}
    tied = rows["Tied Co"]
    assert (tied["reading"], tied["leader"], tied["runner_up"]) == (
        "transitional",
        "embedded",
        "independent",
    )
    assert tied["margin"] == 0 and (tied["answered"], tied["total"]) == (12, 27)
    assert tied["primary_archetype"] is None
    assert (
        tied["reading_label"]
        == "Transitional: Business & Product Embedded ⇄ Independent ML organization"
    )
    early = rows["Early Co"]
    assert early["reading"] == "too few answers" and early["answered"] == 5
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    text = capsys.readouterr().out
    assert "Tied Co  —  Transitional: " in text and "12 of 27 answered" in text


def test_questionnaire_json_is_version_2_with_split_questions(capsys):
    assert main(["questionnaire", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == 2 and doc["naming"] == {"rule": "robust_lead", "floor": 0.4}
    questions = {q["id"]: q for s in doc["sections"] for q in s["questions"]}
    assert len(questions) == 27
    assert questions["q01"]["allow_split"] and not questions["q03"]["allow_split"]
    assert any("programme or process owners" in q["text"] for q in questions.values())
    assert main(["questionnaire", "--json", "--version-number", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 1
