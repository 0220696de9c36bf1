"""The command line against real stores in tmp_path: in-process through main() ("installed")
and, in `make bundle-check`, through the frozen bundle ("frozen", tests/frozen_tools.py)."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest

from mlorg_desktop import __version__


def run(cli, *argv: str) -> tuple[int, str, str]:
    return cli(*argv)


def test_version_and_help(cli):
    code, out, _ = run(cli, "--version")
    assert code == 0 and __version__ in out
    code, text, _ = run(cli, "--help")
    assert code == 0
    for option in (
        "--data-dir",
        "--demo",
        "--smoke-test",
        "list",
        "questionnaire",
        "export",
        "import",
    ):
        assert option in text


def test_list_on_a_folder_without_store(cli, tmp_path):
    (tmp_path / "new").mkdir()
    code, out, _ = run(cli, "list", "--data-dir", str(tmp_path / "new"), "--json")
    assert code == 0 and json.loads(out) == []
    assert list((tmp_path / "new").iterdir()) == []  # a reading command creates nothing


@pytest.mark.parametrize("argv", [["--demo", "list", "--json"], ["list", "--demo", "--json"]])
def test_demo_before_or_after_the_command(cli, argv):
    code, out, _ = run(cli, *argv)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 15
    assert {r["primary_archetype"] for r in rows} == {
        "nascent",
        "rnd",
        "embedded",
        "independent",
        "ml_first",
    }


def test_data_dir_before_or_after_the_command(cli, tmp_path, resources):
    examples = resources / "examples" / "demo-assessments.json"
    assert run(cli, "--data-dir", str(tmp_path), "import", str(examples))[0] == 0
    code, out, _ = run(cli, "list", "--data-dir", str(tmp_path))
    assert code == 0 and "Quanta Labs" in out and "ML-First" in out


def test_questionnaire_json_has_ids(cli):
    code, out, _ = run(cli, "questionnaire", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["version"] == 2
    first = doc["sections"][0]["questions"][0]
    assert first["id"] == "q01" and first["options"][0]["id"] == "q01a"
    assert doc["special_answers"]["dont_know"] == "Don't know"


def test_export_import_round_trip(cli, tmp_path):
    exported = tmp_path / "out.json"
    assert run(cli, "--demo", "export", "-o", str(exported))[0] == 0
    target = tmp_path / "store"
    code, out, _ = run(cli, "import", str(exported), "--data-dir", str(target))
    assert code == 0 and "Imported 15" in out
    code, out, _ = run(cli, "import", str(exported), "--data-dir", str(target))
    assert code == 0 and "Imported 0" in out and "Skipped 15" in out
    listed = json.loads(run(cli, "list", "--json", "--data-dir", str(target))[1])
    assert len(listed) == 15


def test_export_selected_ids_and_csv(cli, tmp_path):
    ids = [r["id"] for r in json.loads(run(cli, "--demo", "list", "--json")[1])][:2]
    out_file = tmp_path / "two.json"
    assert run(cli, "--demo", "export", "-o", str(out_file), "--ids", *ids)[0] == 0
    assert [a["id"] for a in json.loads(out_file.read_text())["assessments"]] == ids
    code, out, _ = run(cli, "--demo", "export", "-o", "-", "--csv")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 17 and lines[0].startswith("Id,Organization")
    code, _, err = run(cli, "--demo", "export", "-o", "-", "--ids", "nope")
    assert code == 2 and "nope" in err


def _valid_doc(resources: Path) -> dict:
    return json.loads((resources / "examples" / "demo-assessments.json").read_text())


def _mutate(doc: dict, change) -> dict:
    doc = copy.deepcopy(doc)
    change(doc)
    return doc


BAD_IMPORTS = {
    "not json": (b"{ this is not json", "not valid JSON"),
    "empty object": (b"{}", "format"),
    "empty list": (b"[]", "expected an object"),
    "null": (b"null", "expected an object"),
    "not utf-8": (b'{"format": "\xff\xfe"}', "not UTF-8"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
}
BAD_DOCS = {
    "wrong format name": (lambda d: d.__setitem__("format", "other"), "format"),
    "future format version": (lambda d: d.__setitem__("format_version", 9), "format_version"),
    "assessments not a list": (lambda d: d.__setitem__("assessments", {}), "assessments"),
    "missing organization": (lambda d: d["assessments"][2].pop("organization"), "assessment #3"),
    "blank organization": (
        lambda d: d["assessments"][0].__setitem__("organization", " "),
        "organization",
    ),
    "unknown question": (
        lambda d: d["assessments"][1]["answers"].__setitem__("q99", "q99a"),
        "answers.q99",
    ),
    "unknown option": (
        lambda d: d["assessments"][1]["answers"].__setitem__("q01", "q02a"),
        "answers.q01",
    ),
    "other questionnaire version": (
        lambda d: d["assessments"][0].__setitem__("questionnaire_version", 7),
        "questionnaire_version",
    ),
    "duplicate ids": (
        lambda d: d["assessments"][1].__setitem__("id", d["assessments"][0]["id"]),
        "appears twice",
    ),
    "id not a uuid": (lambda d: d["assessments"][0].__setitem__("id", "abc"), "UUID"),
    "wrong type": (
        lambda d: d["assessments"][0].__setitem__("questionnaire_version", "1"),
        "expected a whole number",
    ),
    "10,000-character name": (
        lambda d: d["assessments"][0].__setitem__("respondent", "x" * 10000),
        "respondent",
    ),
    "control characters": (
        lambda d: d["assessments"][0].__setitem__("unit", "a\x00b"),
        "control character",
    ),
    "bad date": (
        lambda d: d["assessments"][0].__setitem__("assessed_on", "yesterday"),
        "assessed_on",
    ),
    "answer not text": (
        lambda d: d["assessments"][0]["answers"].__setitem__("q01", 3),
        "answers.q01",
    ),
}


@pytest.fixture
def filled_store(cli, tmp_path, resources) -> Path:
    data = tmp_path / "data"
    run(
        cli,
        "import",
        str(resources / "examples" / "demo-assessments.json"),
        "--data-dir",
        str(data),
    )
    return data


def _assert_refused(cli, data: Path, bad: Path, expected: str) -> None:
    before = (data / "assessments.json").read_bytes()
    code, _, err = run(cli, "import", str(bad), "--data-dir", str(data))
    assert code == 2, err
    assert expected in err, err
    assert (data / "assessments.json").read_bytes() == before


@pytest.mark.parametrize("name", sorted(BAD_IMPORTS))
def test_bad_import_bytes(cli, filled_store, tmp_path, name):
    content, expected = BAD_IMPORTS[name]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    _assert_refused(cli, filled_store, bad, expected)


@pytest.mark.parametrize("name", sorted(BAD_DOCS))
def test_bad_import_documents(cli, filled_store, tmp_path, resources, name):
    change, expected = BAD_DOCS[name]
    doc = _valid_doc(resources)
    # New ids, so only the defect (and not "already present") decides the outcome, and the
    # defective record last, so an import that kept the valid records before it would show.
    for n, record in enumerate(doc["assessments"]):
        record["id"] = str(uuid.uuid5(uuid.NAMESPACE_OID, f"refused-import-{n}"))
    original = copy.deepcopy(doc["assessments"])
    doc = _mutate(doc, change)
    records = doc["assessments"]
    changed = (
        next(
            (i for i, r in enumerate(records) if r != original[i]),
            None,
        )
        if isinstance(records, list) and len(records) == len(original)
        else None
    )
    if changed is not None:
        records.append(records.pop(changed))
        expected = expected.replace(f"assessment #{changed + 1}", f"assessment #{len(records)}")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    _assert_refused(cli, filled_store, bad, expected)


def test_import_of_a_folder_a_symlink_and_a_missing_file(cli, filled_store, tmp_path, resources):
    # A folder stands for the .json files in it (test_org_cli); one without any is refused.
    _assert_refused(cli, filled_store, tmp_path, "holds no .json files")
    link = tmp_path / "link.json"
    link.symlink_to(resources / "examples" / "demo-assessments.json")
    _assert_refused(cli, filled_store, link, "symbolic link")
    _assert_refused(cli, filled_store, tmp_path / "missing.json", "does not exist")


def test_import_over_the_size_limit_is_refused_before_parsing(
    cli, filled_store, tmp_path, resources, monkeypatch
):
    import mlorg_desktop.domain.exchange as exchange

    big = tmp_path / "big.json"
    doc = _valid_doc(resources)
    doc["padding"] = "x" * (exchange.MAX_IMPORT_BYTES + 10)
    big.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(
        exchange,
        "parse_exchange_bytes",
        lambda *_a, **_k: pytest.fail("a file over the limit was read"),
    )
    _assert_refused(cli, filled_store, big, "import limit")


def test_damaged_store_exits_3_and_is_untouched(cli, tmp_path):
    (tmp_path / "assessments.json").write_bytes(b"{ truncated")
    code, _, err = run(cli, "list", "--data-dir", str(tmp_path))
    assert code == 3 and "damaged" in err
    assert (tmp_path / "assessments.json").read_bytes() == b"{ truncated"


def test_sheet_pdf_from_the_demo(qapp, cli, tmp_path):
    from tests.pdf_tools import pdf_info, pdf_text

    out = tmp_path / "sheet.pdf"
    code, stdout, _ = run(cli, "sheet", "--demo", "-o", str(out), "--page-size", "Letter")
    assert code == 0 and "15 assessments" in stdout
    assert "letter" in pdf_info(out)["Page size"]
    assert "Harbour Freight Logistics" in pdf_text(out)


def test_sheet_selected_ids(qapp, cli, tmp_path):
    from tests.pdf_tools import pdf_text

    rows = json.loads(run(cli, "--demo", "list", "--json")[1])
    quanta = next(r["id"] for r in rows if r["organization"] == "Quanta Labs")
    out = tmp_path / "one.pdf"
    assert run(cli, "sheet", "--demo", "-o", str(out), "--ids", quanta)[0] == 0
    text = pdf_text(out)
    assert "Quanta Labs" in text and "Northline Energy" not in text


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["sheet", "--demo", "--printer", "NoSuchQueue"], 2, "no printer named 'NoSuchQueue'"),
        (["sheet", "--demo", "-o", "/nonexistent-folder/x.pdf"], 1, "does not exist"),
        (["sheet", "--demo", "-o", "x.pdf", "--ids", "not-an-id"], 2, "not-an-id"),
    ],
)
def test_sheet_errors(qapp, cli, argv, code, message):
    got, _, err = run(cli, *argv)
    assert got == code and message in err


@pytest.mark.cups
def test_sheet_unknown_printer_lists_the_available_ones(qapp, cli):
    """The list is checked against CUPS itself (lpstat), not against the call the code makes;
    the TestPDF queue guarantees it is not empty."""
    from tests.cups_tools import QUEUE, cups_queues, require_queue

    require_queue()
    code, _, err = run(cli, "sheet", "--demo", "--printer", "NoSuchQueue")
    assert code != 0 and "no printer named 'NoSuchQueue'" in err
    queues = cups_queues()
    assert QUEUE in queues
    listed = err.split("Available printers:", 1)[1].strip()
    assert sorted(listed.split(", ")) == sorted(queues)


def test_sheet_on_an_empty_store(qapp, cli, tmp_path):
    code, _, err = run(cli, "sheet", "--data-dir", str(tmp_path), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "no saved assessments" in err


def test_sheet_needs_a_target(cli):
    code, _, err = run(cli, "sheet", "--demo")
    assert code == 2 and "sheet" in err
