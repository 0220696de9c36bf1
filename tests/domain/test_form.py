"""The respondent form's HTML: one proper fieldset per question of the latest questionnaire,
everything escaped, and a policy that allows only the page's own inline style and script."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from html.parser import HTMLParser

import pytest

from mlorg_desktop.domain.bank_checksum import allows_split, questionnaire_checksum
from mlorg_desktop.domain.form import FormSettings, FormSettingsError, render_form


class _Page(HTMLParser):
    """The parts of the page the checks need, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self.labels: dict[str, str] = {}
        self._open: list[tuple[str, dict[str, str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag in ("script", "style", "label", "legend", "dd", "h1"):
            self._open.append((tag, attributes, []))

    def handle_data(self, data):
        for _, _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _, attributes, text = self._open.pop()
            if tag in self.blocks and attributes.get("type") != "application/json":
                self.blocks[tag].append("".join(text))
            if tag == "label":
                self.labels[attributes["for"]] = " ".join("".join(text).split())
            if tag in ("dd", "h1") and "id" in attributes:
                self.labels["#" + attributes["id"]] = "".join(text)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_allows_exactly_the_inline_style_and_script_and_nothing_else(knowledge):
    page = _parse(render_form(knowledge.bank.latest, FormSettings(organization="Acme")))
    (meta,) = page.all("meta", **{"http-equiv": "Content-Security-Policy"})
    rules = dict(rule.strip().split(" ", 1) for rule in meta["content"].split(";"))
    (script,), (style,) = page.blocks["script"], page.blocks["style"]
    assert rules == {
        "default-src": "'none'",
        "script-src": _hash(script),
        "style-src": _hash(style),
        "base-uri": "'none'",
        "form-action": "'none'",
    }
    assert "localStorage" in script and "@media print" in style  # the right blocks
    # Nothing is loaded from anywhere: no element points at another file.
    pointing = [(t, a) for t, a in page.tags if {"src", "href", "action"} & set(a)]
    assert pointing == []


def test_every_question_is_a_fieldset_with_labelled_radios_from_the_bank(knowledge):
    questionnaire = knowledge.bank.latest
    html = render_form(questionnaire, FormSettings(organization="Acme"))
    page = _parse(html)
    fieldsets = page.all("fieldset", class_="question")
    assert [f["data-question"] for f in fieldsets] == [q.id for q in questionnaire.questions()]
    assert html.count('<legend><span class="number">') == questionnaire.question_count
    for q in questionnaire.questions():
        radios = page.all("input", type="radio", name=q.id)
        assert [r["value"] for r in radios] == list(q.valid_answers())
        for radio, answer in zip(radios, q.valid_answers(), strict=True):
            assert page.labels[radio["id"]] == q.answer_text(answer)
        partly = page.all("input", type="radio", name=f"{q.id}-partly")
        expected = [""] + [o.id for o in q.options] if allows_split(q) else []
        assert [r["value"] for r in partly] == expected
    assert "Your answers stay on this computer until you send the file." in html


def test_every_text_put_into_the_page_is_escaped(knowledge):
    settings = FormSettings(
        organization="</script><script>alert(1)</script>",
        unit='"><img src=x onerror=alert(2)>',
        round="R&D <2026>",
        title="<h1>Title</h1>",
    )
    page = _parse(render_form(knowledge.bank.latest, settings))
    assert page.labels["#context-organization"] == settings.organization
    assert page.labels["#context-unit"] == settings.unit
    assert page.labels["#context-round"] == settings.round
    assert page.labels["#form-title"] == settings.title
    assert page.all("img") == [] and len(page.all("h1")) == 1
    assert len(page.blocks["script"]) == 1  # plus the JSON data block, which is not run


def test_too_long_a_value_is_refused_in_words(knowledge):
    with pytest.raises(FormSettingsError, match="organization is 201 characters"):
        render_form(knowledge.bank.latest, FormSettings(organization="x" * 201))
    # Line breaks and tabs become spaces (an exchange file allows no control characters).
    page = _parse(render_form(knowledge.bank.latest, FormSettings(unit="Data\n\tand AI")))
    assert page.labels["#context-unit"] == "Data and AI"


def test_checksum_changes_with_any_wording_or_answer_but_not_with_weights(knowledge):
    questionnaire = knowledge.bank.latest
    base = questionnaire_checksum(questionnaire)
    assert base == questionnaire_checksum(knowledge.bank.latest)
    assert base.startswith("sha256:") and len(base) == 71

    def changed_first_question(**changes) -> str:
        section = questionnaire.sections[0]
        first = dataclasses.replace(section.questions[0], **changes)
        sections = (dataclasses.replace(section, questions=(first, *section.questions[1:])),)
        return questionnaire_checksum(
            dataclasses.replace(questionnaire, sections=sections + questionnaire.sections[1:])
        )

    first = questionnaire.sections[0].questions[0]
    reworded = dataclasses.replace(first.options[0], text=first.options[0].text + ".")
    reweighed = dataclasses.replace(first.options[0], evidence={})
    assert changed_first_question(text=first.text + "?") != base
    assert changed_first_question(options=(reworded, *first.options[1:])) != base
    assert changed_first_question(allow_not_applicable=not first.allow_not_applicable) != base
    assert changed_first_question(options=(reweighed, *first.options[1:])) == base
