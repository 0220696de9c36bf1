"""The ``org`` command's words and layout, written out by hand for small stores: every error
message whole, the JSON's formatting, and the text summary of a one-answer organization."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from tests.cli.test_org_cli import Done, person  # one answer, q01c, on 2026-01-10


@pytest.fixture
def run(cli):
    return lambda *argv: Done(*cli(*argv))


@pytest.fixture
def data(run, tmp_path):
    """A store holding the given people, filled through the CLI's own import."""

    def fill(*people: Assessment) -> Path:
        source = tmp_path / "people.json"
        source.write_text(exchange_json(people), encoding="utf-8")
        folder = tmp_path / "data"
        assert run("import", str(source), "--data-dir", str(folder)).returncode == 0
        return folder

    return fill


def test_error_messages_word_for_word(run, data):
    folder = str(
        data(
            person("Acme", "Data"),
            person("ACME", "Retail"),  # the same organization spelled another way
            person("Northwind Health"),
            person("Northwind Wealth"),
        )
    )
    # Records are ordered by organization, then unit: Acme/Data comes first and names it.
    done = run("org", "acme", "--data-dir", folder)
    assert done == Done(
        2,
        "",
        "error: Acme has assessments for several units ('Data', 'Retail'); "
        "choose one with --unit\n",
    )
    done = run("org", "Acme", "--unit", "Sales", "--data-dir", folder)
    assert done == Done(2, "", "error: Acme has no unit 'Sales'; its units: 'Data', 'Retail'\n")
    # Two close names, the closer first ("heath" is one letter from "health").
    done = run("org", "Northwind Heath", "--data-dir", folder)
    assert done == Done(
        2,
        "",
        "error: no saved assessments of an organization named 'Northwind Heath'. "
        "Did you mean: Northwind Health, Northwind Wealth?\n",
    )
    # Nothing close: no "Did you mean" at all.
    done = run("org", "Zzyzx Quarry", "--data-dir", folder)
    assert done == Done(
        2, "", "error: no saved assessments of an organization named 'Zzyzx Quarry'.\n"
    )
    # An unknown organization asked with a unit is still "no such organization".
    done = run("org", "Zzyzx Quarry", "--unit", "Data", "--data-dir", folder)
    assert done == Done(
        2, "", "error: no saved assessments of an organization named 'Zzyzx Quarry'.\n"
    )


def test_json_is_indented_by_two_and_keeps_accents(run, data):
    done = run("org", "café nord", "--data-dir", str(data(person("Café Nord"))), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["organization"] == "Café Nord"
    assert '  "organization": "Café Nord",\n' in done.stdout  # two spaces, the é as itself
    assert done.stdout == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_text_summary_of_one_answer_whole(run, data):
    """One respondent who answered only q01 with "c" (version 1: 25 questions). q01c carries
    Embedded 3 (q01's most for Embedded) and ML-First 1 (of q01's most, 3): fits 100 and 33,
    the rest 0 in catalogue order; q01 places nothing on a dimension; 1 of 25 is 4 %."""
    done = run("org", "Café Nord", "--data-dir", str(data(person("Café Nord"))))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Café Nord\n"
        "\n"
        "Round 2026-01-10 (2026-01-10), 1 respondent\n"
        "  Combined reading: no archetype named (too few answers), coverage 4%\n"
        "  Fit: Business & Product Embedded 100, ML-First 33, Nascent / ad-hoc 0, "
        "Research & Development 0, Independent ML organization 0\n"
        "  Positions: Software engineering vs research —, Data ownership —, "
        "Model ownership —\n"
    )
