"""The ``org`` command's contract and multi-file ``import``."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import NamedTuple

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json

ARCHETYPES = ["nascent", "rnd", "embedded", "independent", "ml_first"]
DIMENSIONS = ["se_vs_research", "data_ownership", "model_ownership"]


class Done(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(cli):
    """The command in this process (so mutation testing sees it) and, in `make bundle-check`,
    in the frozen bundle (tests/cli/conftest.py)."""
    return lambda *argv: Done(*cli(*argv))


def test_org_json_contract_on_the_demo(run):
    done = run("org", "vantage retail group", "--demo", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"organization", "unit", "rounds", "trend"}
    assert (doc["organization"], doc["unit"]) == ("Vantage Retail Group", "Data & AI")
    first, second = doc["rounds"]
    for r in (first, second):
        assert set(r) == {
            "label", "from", "to", "respondents", "combined", "agreement", "disagreements",
            "by_role",
        }  # fmt: skip
        assert set(r["combined"]) == {
            "primary_archetype", "reading", "fits", "positions", "coverage",
        }  # fmt: skip
        assert list(r["combined"]["fits"]) == ARCHETYPES
        assert list(r["combined"]["positions"]) == DIMENSIONS
    assert (first["label"], first["from"], first["to"], first["respondents"]) == (
        "2025-11-03",
        "2025-11-03",
        "2025-11-14",
        4,
    )
    assert (second["label"], second["respondents"]) == ("Autumn 2026 review", 5)
    assert first["combined"]["primary_archetype"] == "independent"
    assert first["combined"]["reading"] == "named"
    # q01 in round 1: both leaders "d" (ML division), both practitioners "c" (product teams).
    q01 = next(d for d in first["disagreements"] if d["question_id"] == "q01")
    assert q01 == {"question_id": "q01", "agreement": 0.5, "answers": {"q01c": 2, "q01d": 2}}
    # q01 in round 2: 3 of 5 say "c" -> 0.6, still below two thirds.
    q01 = next(d for d in second["disagreements"] if d["question_id"] == "q01")
    assert q01["agreement"] == 0.6 and q01["answers"] == {"q01c": 3, "q01d": 2}
    assert first["by_role"]["leadership"]["respondents"] == 2
    assert first["by_role"]["practitioners"]["leading_archetype"] == "embedded"
    (change,) = doc["trend"]
    assert (change["from"], change["to"]) == ("2025-11-03", "Autumn 2026 review")
    assert list(change["fit_change"]) == ARCHETYPES
    expected = round(
        second["combined"]["positions"]["data_ownership"]
        - first["combined"]["positions"]["data_ownership"],
        1,
    )
    assert change["position_change"]["data_ownership"] == pytest.approx(expected, abs=0.11)


def test_org_text_summary_and_unknown_names(run):
    done = run("org", "Vantage Retail Group", "--demo")
    assert done.returncode == 0
    assert "Round Autumn 2026 review" in done.stdout and "Disagreement on q01" in done.stdout
    assert "Leadership (2)" in done.stdout and "Since 2025-11-03" in done.stdout
    done = run("org", "Vantage Retial Group", "--demo")
    assert done.returncode == 2 and done.stdout == ""
    assert "Did you mean: Vantage Retail Group?" in done.stderr
    done = run("org", "Meridian Bank", "--unit", "Retail", "--demo")
    assert done.returncode == 2 and "Group AI Division" in done.stderr


def person(org: str, unit: str = "", **fields: object) -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization=org,
        unit=unit,
        questionnaire_version=1,
        assessed_on="2026-01-10",
        answers={"q01": "q01c"},
        **fields,  # type: ignore[arg-type]
    )


def write(path: Path, *items: Assessment) -> Path:
    path.write_text(exchange_json(items), encoding="utf-8")
    return path


def test_org_with_several_units_asks_for_one(run, tmp_path):
    data = tmp_path / "data"
    source = write(tmp_path / "two.json", person("Acme", "Data"), person("Acme", "Retail"))
    assert run("import", str(source), "--data-dir", str(data)).returncode == 0
    done = run("org", "acme", "--data-dir", str(data), "--json")
    assert done.returncode == 2 and "--unit" in done.stderr and "'Retail'" in done.stderr
    done = run("org", "acme", "--unit", "retail", "--data-dir", str(data), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["unit"] == "Retail"


def test_import_many_files_adds_valid_skips_duplicates_refuses_bad(run, tmp_path):
    data = tmp_path / "data"
    a1, a2, b1 = person("Acme"), person("Acme"), person("Beta")
    first = write(tmp_path / "first.json", a1, a2)
    second = write(tmp_path / "second.json", a2, b1)  # a2 again: already present
    bad_new = person("Gamma")
    third = tmp_path / "third.json"
    doc = json.loads(exchange_json([bad_new, person("Gamma")]))
    doc["assessments"][1]["assessed_on"] = "someday"
    third.write_text(json.dumps(doc), encoding="utf-8")
    done = run("import", str(first), str(second), str(third), "--data-dir", str(data))
    assert done.returncode == 2
    assert "Imported 3 assessments from 2 of 3 files" in done.stdout
    assert "first.json: 2 added" in done.stdout
    assert "second.json: 1 added, 1 already present" in done.stdout
    assert "third.json: assessment #2" in done.stderr and "assessed_on" in done.stderr
    listed = json.loads(run("list", "--json", "--data-dir", str(data)).stdout)
    assert sorted(r["id"] for r in listed) == sorted([a1.id, a2.id, b1.id])  # no Gamma

    # Nothing valid: the store stays byte-identical although the bad files hold new records.
    before = (data / "assessments.json").read_bytes()
    other_bad = tmp_path / "other.json"
    other_bad.write_text('{"format": "mlorg-desktop-exchange"', encoding="utf-8")
    done = run("import", str(third), str(other_bad), "--data-dir", str(data))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("nothing imported") == 2 and "not valid JSON" in done.stderr
    assert (data / "assessments.json").read_bytes() == before


def test_import_a_folder(run, tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    write(folder / "one.json", person("Acme"))
    write(folder / "two.JSON", person("Acme"))
    (folder / "readme.txt").write_text("not an exchange file", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    data = tmp_path / "data"
    done = run("import", str(folder), str(empty), "--data-dir", str(data))
    assert done.returncode == 2
    assert "Imported 2 assessments from 2 of 3 files" in done.stdout
    assert "holds no .json files" in done.stderr
