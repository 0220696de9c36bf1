"""The respondent form asks the network for nothing, and text put into it stays text."""

from __future__ import annotations

import json

import pytest
from selenium.common.exceptions import NoAlertPresentException

from tests.form.browser_tools import requests_sent, wait_for_download
from tests.form.form_tools import answer_by_clicking, click, make_form, planned_answers

pytestmark = pytest.mark.slow

INJECTED = "</script><script>alert(1)</script>"
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}
TITLE = "Survey <img src=x onerror=alert(2)> & co"


def test_no_request_but_the_page_and_injected_text_renders_as_text(
    chromium, capsys, tmp_path, knowledge
):
    form = make_form(
        capsys,
        tmp_path / "form.html",
        tmp_path / "data",
        "--organization",
        INJECTED,
        "--unit",
        "<b>Unit</b>",
        "--round",
        "R'1\"",
        "--title",
        TITLE,
    )
    requests_sent(chromium)  # forget what the browser itself loaded before the page
    chromium.get(form.as_uri())
    answer_by_clicking(chromium, planned_answers(knowledge.bank.latest, 0))
    click(chromium, "#save")
    saved = wait_for_download(chromium.downloads)
    chromium.refresh()

    with pytest.raises(NoAlertPresentException):
        chromium.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert chromium.find_element("id", "context-organization").text == INJECTED
    assert chromium.find_element("id", "context-unit").text == "<b>Unit</b>"
    assert chromium.find_element("id", "context-round").text == "R'1\""
    assert chromium.find_element("id", "form-title").text == TITLE
    assert chromium.title == TITLE
    assert chromium.find_elements("css selector", "img, b") == []
    # Exactly the two inline blocks we wrote, and the JSON data block: nothing injected.
    assert len(chromium.find_elements("css selector", "script")) == 2
    # The page's own script ran (it saved), and the policy blocked nothing of ours.
    console = [e["message"] for e in chromium.get_log("browser")]
    assert not [m for m in console if "Content Security Policy" in m], console

    (record,) = json.loads(saved.read_text("utf-8"))["assessments"]
    assert record["organization"] == INJECTED
    assert record["round"] == "R'1\""

    sent = requests_sent(chromium)
    page = form.as_uri()
    loaders = {r["loader"] for r in sent if r["url"] == page}
    assert loaders, f"the performance log did not record the page itself: {sent}"
    from_page = [r["url"] for r in sent if r["loader"] in loaders or r["document"] == page]
    # Two loads (open, reload) and not one request more: no image, font, script or connection.
    assert from_page == [page, page], from_page
    # Nor anything at all over the network, from any tab of this browser.
    assert not [r for r in sent if r["url"].split(":", 1)[0] in NETWORK_SCHEMES], sent
