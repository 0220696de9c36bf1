"""A refused import changes nothing, even when the file's other records are new and valid."""

from __future__ import annotations

import json
import uuid

from mlorg_desktop.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _record(n: int, **changes) -> dict:
    record = {
        "id": str(uuid.UUID(int=0xABC000 + n)),
        "organization": f"New organization {n}",
        "assessed_on": "2026-10-01",
        "questionnaire_version": 1,
        "answers": {"q01": "q01b"},
    }
    record.update(changes)
    return record


def _file(tmp_path, name: str, records: list[dict]):
    path = tmp_path / name
    doc = {"format": "mlorg-desktop-exchange", "format_version": 1, "assessments": records}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_new_valid_records_before_a_bad_one_are_not_written(capsys, tmp_path, resources):
    data = str(tmp_path / "data")
    assert (
        run(
            capsys,
            "import",
            str(resources / "examples" / "demo-assessments.json"),
            "--data-dir",
            data,
        )[0]
        == 0
    )
    store = tmp_path / "data" / "assessments.json"
    before = store.read_bytes()
    bad = _file(
        tmp_path,
        "mixed.json",
        [_record(1), _record(2), _record(3, assessed_on="2026-13-45")],
    )
    code, _, err = run(capsys, "import", bad, "--data-dir", data)
    assert code == 2, err
    assert "mixed.json: assessment #3" in err and "assessed_on" in err, err
    assert store.read_bytes() == before
    code, out, _ = run(capsys, "list", "--json", "--data-dir", data)
    assert len(json.loads(out)) == 15
    # the same two new records alone are accepted: the refusal was the third's fault
    good = _file(tmp_path, "good.json", [_record(1), _record(2)])
    code, out, _ = run(capsys, "import", good, "--data-dir", data)
    assert code == 0 and "Imported 2" in out


def test_a_future_date_is_imported_with_a_warning(capsys, tmp_path):
    data = str(tmp_path / "data")
    future = _file(tmp_path, "future.json", [_record(1, assessed_on="2999-01-01"), _record(2)])
    code, out, err = run(capsys, "import", future, "--data-dir", data)
    assert code == 0 and "Imported 2" in out
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, err
    assert "New organization 1" in warnings[0] and "2999-01-01" in warnings[0]
    assert "after today" in warnings[0]
