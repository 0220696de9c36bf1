"""`kit` writes the respondent form through the guarded writer; an import refuses a form's file
whose questions are not the ones of the version it names."""

from __future__ import annotations

import json
import uuid

from mlorg_desktop.domain.bank_checksum import questionnaire_checksum


def _form_file(tmp_path, knowledge, checksum: str):
    latest = knowledge.bank.latest
    first = next(latest.questions())
    record = {
        "id": str(uuid.uuid4()),
        "organization": "Acme",
        "assessed_on": "2026-11-30",
        "questionnaire_version": latest.version,
        "questionnaire_checksum": checksum,
        "round": "2026 Q4",
        "answers": {first.id: first.options[0].id},
    }
    path = tmp_path / "acme-anonymous-2026-11-30.json"
    doc = {"format": "mlorg-desktop-exchange", "format_version": 1, "assessments": [record]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_kit_writes_the_form_and_refuses_the_store(cli, tmp_path):
    data = tmp_path / "data"
    form = tmp_path / "form.html"
    code, out, err = cli("kit", "-o", str(form), "--organization", "Acme", "--data-dir", str(data))
    assert code == 0, err
    assert "Acme" in form.read_text("utf-8") and str(form) in out
    store = data / "assessments.json"
    data.mkdir(exist_ok=True)
    store.write_text("", encoding="utf-8")
    for target in (store, data / "assessments.json.bak"):
        code, _, err = cli("kit", "-o", str(target), "--data-dir", str(data))
        assert code == 2 and "refusing to write" in err
    assert store.read_text("utf-8") == ""
    code, _, err = cli("kit", "-o", str(form), "--unit", "u" * 201, "--data-dir", str(data))
    assert code == 2 and "unit is 201 characters" in err


def test_a_form_file_with_other_questions_is_refused_and_nothing_changes(cli, tmp_path, knowledge):
    data = tmp_path / "data"
    good = _form_file(tmp_path, knowledge, questionnaire_checksum(knowledge.bank.latest))
    code, out, err = cli("import", str(good), "--data-dir", str(data))
    assert code == 0 and "Imported 1 assessment" in out, err
    before = (data / "assessments.json").read_bytes()

    bad = _form_file(tmp_path, knowledge, "sha256:" + "0" * 64)
    code, out, err = cli("import", str(bad), "--data-dir", str(data))
    assert code == 2
    assert str(bad) in err and "questionnaire_checksum" in err
    assert f"does not match questionnaire version {knowledge.bank.latest.version}" in err
    assert (data / "assessments.json").read_bytes() == before
