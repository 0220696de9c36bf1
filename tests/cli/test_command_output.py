"""What ``questionnaire``, ``list``, ``export`` and ``kit`` print, exactly: the streams, the
words, every JSON field. Expected values come from the shipped JSON files read by hand here and
from the domain's scoring, never from the CLI code under test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.domain.reading_text import reading_label
from mlorg_desktop.domain.scoring import score

QUESTIONNAIRES = ("questionnaire", "questionnaire-v{}.json")


def _shipped(resources: Path, version: int) -> dict:
    path = resources / QUESTIONNAIRES[0] / QUESTIONNAIRES[1].format(version)
    return json.loads(path.read_text(encoding="utf-8"))


def test_questionnaire_text_lists_sections_questions_and_options(cli, resources):
    raw = _shipped(resources, 2)
    expected = [f"{raw['title']} (version 2)"]
    for section in raw["sections"]:
        expected += ["", f"== {section['title']}"]
        for q in section["questions"]:
            split = "  (mainly / partly allowed)" if q.get("allow_split") else ""
            expected.append(f"{q['id']}: {q['text']}{split}")
            expected += [f"    {o['id']}: {o['text']}" for o in q["options"]]
    assert cli("questionnaire") == (0, "\n".join(expected) + "\n", "")
    # Both kinds of question are there, so the marker's presence and absence both show.
    assert {bool(q.get("allow_split")) for s in raw["sections"] for q in s["questions"]} == {
        True,
        False,
    }


@pytest.mark.parametrize("version", [1, 2])
def test_questionnaire_json_is_the_shipped_bank_with_its_ids(cli, resources, version):
    raw = _shipped(resources, version)
    code, out, err = cli("questionnaire", "--json", "--version-number", str(version))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "version": version,
        "title": raw["title"],
        "special_answers": {"dont_know": "Don't know", "not_applicable": "Not applicable"},
        "split_answer": {"mainly": "option id", "partly": "option id"},
        # Version 1 files predate the naming block: they name from 70% coverage on.
        "naming": raw.get("naming", {"rule": "coverage", "floor": 0.7}),
        "sections": [
            {
                "id": s["id"],
                "title": s["title"],
                "questions": [
                    {
                        "id": q["id"],
                        "text": q["text"],
                        "allow_not_applicable": q["allow_not_applicable"],
                        "allow_split": q.get("allow_split", False),
                        "options": [
                            {
                                "id": o["id"],
                                "text": o["text"],
                                "evidence": o.get("evidence", {}),
                                "positions": o.get("positions", {}),
                            }
                            for o in q["options"]
                        ],
                    }
                    for q in s["questions"]
                ],
            }
            for s in raw["sections"]
        ],
    }
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_an_unknown_questionnaire_version_names_the_known_ones(cli):
    assert cli("questionnaire", "--version-number", "9") == (
        2,
        "",
        "error: questionnaire version 9 is unknown (known: 1, 2)\n",
    )


DEMO_IDS = (  # in the order of the demo file
    "97cf1057-7986-508d-89e6-971de866a120",
    "dd733ddd-d9ee-51ce-92a1-40ddc559e310",
    "14aef723-53d7-5a82-b7e2-d91eb790ce86",
    "44602e08-ccc5-5b3a-9c5e-909b4ed9ecbe",
    "bddaf7dc-94d2-5c06-be1f-ef9058710dc7",
    "93fefdf1-bb97-5a42-8d67-0df41e440f83",
    "df4b2f16-226c-5498-a07b-ad22d3804563",
    "8360e978-245f-518c-91ab-ec9b87e8638e",
    "ae64b6c4-ab3b-5364-a74a-0cd3dd7619e2",
    "5360fe42-9622-5d0f-9412-e1af66b73dac",
    "ff81f920-4c39-5295-8dc8-48c3700fa109",
    "3c37a7a2-8e9d-5b6f-a265-42cad34a9763",
    "57a143d0-8a46-5a2f-a5b3-91847b9ba5bb",
    "408d5a32-004e-5453-a2b8-aa451c5d26b1",
    "a3996ca7-400c-5d9d-b63f-c4f0183fcf10",
)
SPARSE = Assessment(
    id="5a5a5a5a-0000-4000-8000-00000000000a",
    organization="Aardvark Analytics",  # sorts first
    respondent="Kim",
    assessed_on="2026-04-01",
    questionnaire_version=2,
    answers={"q01": "q01b", "q02": "q02b", "q03": "dont_know"},
)


@pytest.fixture
def mixed_store(cli, tmp_path, resources) -> Path:
    """The demo assessments and one with three answers and no unit."""
    data = tmp_path / "data"
    sparse = tmp_path / "sparse.json"
    sparse.write_text(exchange_json([SPARSE]), encoding="utf-8")
    demo = resources / "examples" / "demo-assessments.json"
    code, _, err = cli("import", str(demo), str(sparse), "--data-dir", str(data))
    assert code == 0, err
    return data


def _rows(knowledge, assessments: list[Assessment]) -> list[dict]:
    names = {a.id: a.name for a in knowledge.catalog.archetypes}
    rows = []
    for a in sorted(assessments, key=lambda a: (a.organization.casefold(), a.assessed_on)):
        result = score(knowledge.bank.get(a.questionnaire_version), knowledge.catalog, a.answers)
        rows.append(
            {
                "id": a.id,
                "organization": a.organization,
                "unit": a.unit,
                "respondent": a.respondent,
                "assessed_on": a.assessed_on,
                "primary_archetype": result.primary,
                "primary_archetype_name": names.get(result.primary) if result.primary else None,
                "reading": result.reading,
                "reading_label": reading_label(result, names),
                "leader": result.leader,
                "runner_up": result.runner_up,
                "margin": round(result.margin, 2),
                "answered": result.answered,
                "total": result.total,
                "coverage": round(result.coverage, 4),
                "questionnaire_version": a.questionnaire_version,
                "target": a.target or None,
                "scenarios": [s.name for s in a.scenarios],
            }
        )
    return rows


def test_list_json_rows(cli, knowledge, examples, mixed_store):
    code, out, err = cli("list", "--json", "--data-dir", str(mixed_store))
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert rows == _rows(knowledge, [*examples, SPARSE])
    # What the comparison rests on: named rows carry the archetype's name, the sparse one
    # none; margins and coverage with decimals beyond the ones kept.
    assert rows[0]["id"] == SPARSE.id and rows[0]["coverage"] == round(2 / 27, 4) == 0.0741
    assert {r["primary_archetype_name"] for r in rows} >= {"ML-First", "Nascent / ad-hoc", None}
    assert any(r["margin"] != round(r["margin"], 1) for r in rows)
    assert out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    assert "Tomás Rivera" in out  # as written, not \u00e1


def test_list_text_one_line_per_assessment(cli, knowledge, examples, mixed_store):
    code, out, err = cli("list", "--data-dir", str(mixed_store))
    assert (code, err) == (0, "")
    expected = [
        f"{r['id']}  {r['assessed_on']}  {r['organization']}"
        + (f" / {r['unit']}" if r["unit"] else "")
        + f"  —  {r['reading_label']}, {r['answered']} of {r['total']} answered"
        for r in _rows(knowledge, [*examples, SPARSE])
    ]
    assert out == "\n".join(expected) + "\n"
    assert out.startswith(f"{SPARSE.id}  2026-04-01  Aardvark Analytics  —  ")
    assert "  Cobalt Payments / Checkout & Risk  —  " in out


def test_export_to_a_file_says_how_many_and_where_on_stdout(cli, tmp_path):
    every = tmp_path / "every.json"
    assert cli("--demo", "export", "-o", str(every)) == (
        0,
        f"Exported 15 assessments to {every}\n",
        "",
    )
    one = tmp_path / "one.csv"
    assert cli("--demo", "export", "--csv", "-o", str(one), "--ids", "14aef723") == (
        0,
        f"Exported 1 assessment to {one}\n",
        "",
    )
    assert one.read_bytes().startswith(b"\xef\xbb\xbfId,Organization")  # the BOM spreadsheets need
    assert json.loads(every.read_bytes().decode("utf-8"))["assessments"][0]["id"]


def test_export_ids_that_name_nothing_or_too_much_are_refused_on_stderr(cli, tmp_path):
    twins = [
        Assessment(
            id=f"abcd1234-0000-4000-8000-00000000000{n}",
            organization="Acme",
            assessed_on=f"2026-0{n}-01",
            questionnaire_version=2,
        )
        for n in (1, 2)
    ]
    exchange = tmp_path / "twins.json"
    exchange.write_text(exchange_json(twins), encoding="utf-8")
    data = tmp_path / "data"
    assert cli("import", str(exchange), "--data-dir", str(data))[0] == 0
    export = ("export", "-o", "-", "--data-dir", str(data), "--ids")
    assert cli(*export, "ffff0000") == (
        2,
        "",
        "error: no saved assessment has the id: ffff0000\n",
    )
    assert cli(*export, "ffff0000", "abcd1234", "eeee1111", "ab") == (
        2,
        "",
        "error: no saved assessment has the ids: ffff0000, eeee1111\n"
        "error: the id prefix 'ab' is too short; give at least 4 characters\n"
        "error: the id prefix 'abcd1234' is ambiguous; it matches:\n"
        "  abcd1234-0000-4000-8000-000000000001  Acme (2026-01-01)\n"
        "  abcd1234-0000-4000-8000-000000000002  Acme (2026-02-01)\n",
    )


def _element_text(page: str, element_id: str) -> str | None:
    found = re.search(rf'id="{element_id}">([^<]*)<', page)
    return None if found is None else found.group(1)


def test_kit_fixes_round_and_title_and_says_which_version(cli, tmp_path):
    form = tmp_path / "form.html"
    code, out, err = cli(
        "kit", "-o", str(form), "--round", "2026 Q4", "--title", "Spring check",
        "--data-dir", str(tmp_path / "data"),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Wrote the respondent form (questionnaire version 2) to {form}\n"
    page = form.read_text(encoding="utf-8")
    assert _element_text(page, "form-title") == "Spring check"
    assert _element_text(page, "context-round") == "2026 Q4"
    plain = tmp_path / "plain.html"
    assert cli("kit", "-o", str(plain), "--data-dir", str(tmp_path / "data"))[0] == 0
    page = plain.read_text(encoding="utf-8")
    assert _element_text(page, "form-title") == (
        "How your organization does machine learning: respondent form"
    )
    assert _element_text(page, "context-round") is None  # no round given, none shown


def test_import_says_how_many_from_how_many_files_on_stdout(cli, tmp_path, resources):
    demo = resources / "examples" / "demo-assessments.json"
    sparse = tmp_path / "sparse.json"
    sparse.write_text(exchange_json([SPARSE]), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{ not json")
    one, two, three = (tmp_path / name for name in ("one", "two", "three"))
    store = "assessments.json"

    assert cli("import", str(demo), "--data-dir", str(one)) == (
        0,
        f"Imported 15 assessments into {one / store}\n",
        "",
    )
    assert cli("import", str(sparse), str(demo), "--data-dir", str(one)) == (
        0,
        f"Imported 1 assessment from 2 of 2 files into {one / store}\n"
        f"Skipped 15 already in the store (same id): {', '.join(DEMO_IDS)}\n"
        "  sparse.json: 1 added\n"
        "  demo-assessments.json: 0 added, 15 already present (same id), left as they are\n",
        "",
    )
    code, out, err = cli("import", str(broken), "--data-dir", str(one))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: nothing imported: {broken}: ")
    assert cli("import", str(demo), str(sparse), "--data-dir", str(two)) == (
        0,
        f"Imported 16 assessments from 2 of 2 files into {two / store}\n"
        "  demo-assessments.json: 15 added\n"
        "  sparse.json: 1 added\n",
        "",
    )
    code, out, err = cli("import", str(sparse), str(broken), str(demo), "--data-dir", str(three))
    assert (code, out) == (
        2,
        f"Imported 16 assessments from 2 of 3 files into {three / store}\n"
        "  sparse.json: 1 added\n"
        "  demo-assessments.json: 15 added\n",
    )
    assert err.startswith(f"error: nothing imported from {broken}: ")


def test_top_level_help_says_what_the_app_does_its_options_and_exit_codes(cli):
    code, out, err = cli("--help")
    assert (code, err) == (0, "")
    text = " ".join(out.split())  # argparse wraps to the terminal's width
    assert text.startswith("usage: mlorg-desktop ")
    for words in (
        "MLOrg Desktop: see how your organization structures machine-learning work. "
        "Without a command, opens the window.",
        "--data-dir DIR keep the store, logs and window state in DIR instead of the per-user "
        "folders",
        "--demo use a throwaway store seeded with the example assessments; your own store is "
        "never touched",
        "Exit codes: 0 success, 1 failure, 2 bad input or usage, 3 damaged store, 4 store in "
        "use by another process.",
    ):
        assert words in text
