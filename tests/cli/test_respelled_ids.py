"""Re-spelled ids on the command line: one UUID is one record; --ids takes unique prefixes."""

from __future__ import annotations

import copy
import json

from mlorg_desktop.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _respelled(doc: dict, spell) -> dict:
    doc = copy.deepcopy(doc)
    for record in doc["assessments"]:
        record["id"] = spell(record["id"])
    return doc


def test_one_file_imported_three_times_with_respelled_ids_stays_six(capsys, tmp_path, resources):
    original = json.loads((resources / "examples" / "demo-assessments.json").read_text())
    data = tmp_path / "data"
    files = []
    for name, spell in (
        ("upper", str.upper),
        ("bare", lambda i: i.replace("-", "")),
        ("braces", lambda i: "{" + i.upper() + "}"),
    ):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(_respelled(original, spell)), encoding="utf-8")
        files.append(path)
    code, out, err = run(capsys, "import", str(files[0]), "--data-dir", str(data))
    assert code == 0 and "Imported 15" in out, err
    for path in files[1:]:
        code, out, err = run(capsys, "import", str(path), "--data-dir", str(data))
        assert code == 0 and "Imported 0" in out and "Skipped 15" in out, (out, err)
    code, out, _ = run(capsys, "list", "--json", "--data-dir", str(data))
    rows = json.loads(out)
    assert sorted(r["id"] for r in rows) == sorted(a["id"] for a in original["assessments"])
    stored = json.loads((data / "assessments.json").read_text())["assessments"]
    assert sorted(r["id"] for r in stored.values()) == sorted(r["id"] for r in rows)


def test_same_id_twice_in_one_file_under_two_spellings_is_refused(capsys, tmp_path, resources):
    doc = json.loads((resources / "examples" / "demo-assessments.json").read_text())
    doc["assessments"][1]["id"] = doc["assessments"][0]["id"].upper()
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "import", str(path), "--data-dir", str(tmp_path / "data"))
    assert code == 2 and "assessment #2" in err and "appears twice" in err, err


def _two_with_one_prefix(tmp_path) -> tuple[str, list[str]]:
    ids = ["aaaa0000-0000-4000-8000-000000000001", "aaaa1111-0000-4000-8000-000000000002"]
    records = [
        {
            "id": i,
            "organization": f"Org {n}",
            "assessed_on": "2026-11-01",
            "questionnaire_version": 1,
            "answers": {},
        }
        for n, i in enumerate(ids)
    ]
    doc = {"format": "mlorg-desktop-exchange", "format_version": 1, "assessments": records}
    path = tmp_path / "two.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path), ids


def test_export_ids_accepts_unique_prefixes_and_lists_candidates(capsys, tmp_path):
    path, ids = _two_with_one_prefix(tmp_path)
    data = str(tmp_path / "data")
    assert run(capsys, "import", path, "--data-dir", data)[0] == 0
    out = tmp_path / "one.json"
    code, _, err = run(capsys, "export", "-o", str(out), "--ids", "aaaa1", "--data-dir", data)
    assert code == 0, err
    assert [a["id"] for a in json.loads(out.read_text())["assessments"]] == [ids[1]]
    code, _, err = run(capsys, "export", "-o", str(out), "--ids", "aaaa", "--data-dir", data)
    assert code == 2 and "ambiguous" in err and ids[0] in err and ids[1] in err, err
    assert "Org 0" in err and "Org 1" in err
