"""The respondent form with the keyboard only: Tab from field to field and into a question,
arrow keys between answers; without a fixed organization the respondent must type one."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.keys import Keys

from tests.form.browser_tools import wait_for_download
from tests.form.form_tools import make_form

pytestmark = pytest.mark.slow


def _focused(driver) -> str:
    return driver.switch_to.active_element.get_attribute("id")


def test_keyboard_only_and_organization_typed_by_the_respondent(
    chromium, capsys, tmp_path, knowledge
):
    questionnaire = knowledge.bank.latest
    first = next(questionnaire.questions())
    form = make_form(capsys, tmp_path / "form.html", tmp_path / "data", "--round", "R1")
    chromium.get(form.as_uri())
    chromium.find_element("id", "save").send_keys(Keys.ENTER)  # nothing typed yet
    assert "fill in the organization" in chromium.find_element("id", "save-status").text
    assert _focused(chromium) == "organization"
    assert list(chromium.downloads.iterdir()) == []

    keys = chromium.switch_to.active_element
    keys.send_keys("Contoso")
    chromium.switch_to.active_element.send_keys(Keys.TAB)
    assert _focused(chromium) == "respondent"
    chromium.switch_to.active_element.send_keys(Keys.TAB, Keys.TAB)  # past the role
    # Into the first question: its first answer, then the arrow key picks the next one.
    assert _focused(chromium) == f"{first.options[0].id}-answer"
    chromium.switch_to.active_element.send_keys(Keys.SPACE)
    chromium.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert _focused(chromium) == f"{first.options[1].id}-answer"
    count = questionnaire.question_count
    assert chromium.find_element("id", "progress-text").text == f"1 of {count} questions answered"

    chromium.find_element("id", "save").send_keys(Keys.ENTER)
    saved = wait_for_download(chromium.downloads)
    (record,) = json.loads(saved.read_text("utf-8"))["assessments"]
    assert saved.name.startswith("contoso-anonymous-")
    assert record["organization"] == "Contoso" and record["respondent"] is None
    assert record["answers"] == {first.id: first.options[1].id}
    assert record["round"] == "R1" and record["unit"] is None
