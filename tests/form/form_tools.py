"""Answering a generated respondent form in the browser the way a person does: by clicking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mlorg_desktop.__main__ import main
from mlorg_desktop.domain.bank_checksum import allows_split
from mlorg_desktop.domain.questionnaire import Questionnaire


def make_form(capsys, path: Path, data: Path, *options: str) -> Path:
    code = main(["kit", "-o", str(path), "--data-dir", str(data), *options])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert str(path) in out
    return path


def planned_answers(questionnaire: Questionnaire, shift: int) -> dict[str, object]:
    """A different answer for each question, from the bank itself: options, Don't know, Not
    applicable, and on questions that allow it a mainly/partly split."""
    planned: dict[str, object] = {}
    for index, q in enumerate(questionnaire.questions()):
        choices = list(q.valid_answers())
        main = choices[(index + shift) % len(choices)]
        option_ids = [o.id for o in q.options]
        if allows_split(q) and main in option_ids and index % 2 == 0:
            partly = option_ids[(option_ids.index(main) + 1) % len(option_ids)]
            planned[q.id] = {"mainly": main, "partly": partly}
        else:
            planned[q.id] = main
    return planned


def _label_for(question_id: str, answer: str) -> str:
    if answer in ("dont_know", "not_applicable"):
        return f'label[for="{question_id}-{answer}"]'
    return f'label[for="{answer}-answer"]'


def click(driver, selector: str) -> None:
    element = driver.find_element("css selector", selector)
    # The action bar is fixed at the bottom of the window: bring the label to the middle first,
    # as a person scrolls before clicking.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def answer_by_clicking(driver, planned: dict[str, object]) -> None:
    for question_id, answer in planned.items():
        if isinstance(answer, dict):
            click(driver, _label_for(question_id, answer["mainly"]))
            click(driver, f'label[for="{answer["partly"]}-partly"]')
        else:
            click(driver, _label_for(question_id, str(answer)))


def shown_answers(driver, questionnaire: Questionnaire) -> dict[str, object]:
    """What the page's radio buttons show, read back from the page."""
    shown: dict[str, object] = {}
    for q in questionnaire.questions():
        picked = driver.find_elements("css selector", f'input[name="{q.id}"]:checked')
        if not picked:
            continue
        main = picked[0].get_attribute("value")
        partly = driver.find_elements("css selector", f'input[name="{q.id}-partly"]:checked')
        value = partly[0].get_attribute("value") if partly else ""
        shown[q.id] = {"mainly": main, "partly": value} if value else main
    return shown


def expected_file_name(organization_slug: str, respondent_slug: str) -> str:
    return f"{organization_slug}-{respondent_slug}-{date.today().isoformat()}.json"
