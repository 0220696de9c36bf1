"""A generated respondent form in headless Chromium: answered by clicking, kept over a reload,
saved as an exchange file that the app imports with exactly the clicked answers."""

from __future__ import annotations

import json

import jsonschema
import pytest

from mlorg_desktop.__main__ import main
from mlorg_desktop.domain.assessment import assessment_to_dict
from mlorg_desktop.domain.bank_checksum import questionnaire_checksum
from mlorg_desktop.store import AssessmentStore
from tests.form.browser_tools import wait_for_download
from tests.form.form_tools import (
    answer_by_clicking,
    click,
    expected_file_name,
    make_form,
    planned_answers,
    shown_answers,
)

pytestmark = pytest.mark.slow


def _import(capsys, path, data) -> str:
    code = main(["import", str(path), "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_answers_survive_a_reload_and_import_as_clicked(
    chromium, capsys, tmp_path, knowledge, resources
):
    questionnaire = knowledge.bank.latest
    schema = json.loads(
        resources.joinpath("exchange", "exchange-format.schema.json").read_text("utf-8")
    )
    data = tmp_path / "data"
    runs = [
        # (options for kit, name typed, file-name slugs, round)
        (
            ["--organization", "Northwind Health", "--unit", "Data & AI", "--round", "2026 Q4"],
            "Ana Díaz",
            ("northwind-health", "ana-díaz"),
            "2026 Q4",
        ),
        (["--organization", "Fabrikam"], "", ("fabrikam", "anonymous"), None),
    ]
    for shift, (options, name, slugs, round_label) in enumerate(runs):
        form = make_form(capsys, tmp_path / f"form-{shift}.html", data, *options)
        chromium.get(form.as_uri())
        planned = planned_answers(questionnaire, shift)
        if name:
            chromium.find_element("id", "respondent").send_keys(name)
            chromium.find_element("id", "role").send_keys("Head of data")
        answer_by_clicking(chromium, planned)
        count = questionnaire.question_count
        assert chromium.find_element("id", "progress-text").text == (
            f"{count} of {count} questions answered"
        )

        chromium.refresh()
        assert shown_answers(chromium, questionnaire) == planned
        assert chromium.find_element("id", "respondent").get_attribute("value") == name
        assert chromium.find_element("id", "progress").get_attribute("value") == str(count)

        click(chromium, "#save")
        downloads = chromium.downloads
        saved = wait_for_download(downloads)
        assert saved.name == expected_file_name(*slugs)
        assert saved.name in chromium.find_element("id", "save-status").text
        document = json.loads(saved.read_text("utf-8"))
        jsonschema.validate(document, schema)  # the published schema, by the reference validator
        (record,) = document["assessments"]
        assert record["questionnaire_version"] == questionnaire.version
        assert record["questionnaire_checksum"] == questionnaire_checksum(questionnaire)
        assert record.get("round") == round_label

        assert "Imported 1 assessment" in _import(capsys, saved, data)
        assert "Skipped 1 already in the store" in _import(capsys, saved, data)
        store = AssessmentStore(data / "assessments.json", knowledge.bank, read_only=True)
        try:
            stored = store.get(record["id"])
        finally:
            store.close()
        assert assessment_to_dict(stored)["answers"] == planned
        assert stored.organization == options[1]
        assert stored.unit == (options[3] if len(options) > 2 else "")
        assert stored.respondent == name
        assert stored.role == ("Head of data" if name else "")
        saved.rename(tmp_path / saved.name)  # the next run's download is the only file there
