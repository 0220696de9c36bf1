""" "Road to <target>" on paper: the gap on the three dimensions and the plan's first five
steps, each with the target's fit once it is made, as ``domain.roadmap.plan`` ranks them."""

from __future__ import annotations

import uuid
from dataclasses import replace

from mlorg_desktop.domain.assessment import KEEP, Assessment
from mlorg_desktop.domain.roadmap import plan
from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sections import SECTIONS
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_text


def _flat(path):
    return " ".join(pdf_text(path).split())


def _sheet(tmp_path, knowledge, assessments, sections=SECTIONS):
    path = tmp_path / "road.pdf"
    data = build_sheet_data(knowledge, assessments, "test", sections=sections)
    write_pdf(path, data, "A4", ())
    return _flat(path), data


def test_first_five_steps_with_their_fit(qapp, knowledge, examples, tmp_path):
    northline = next(a for a in examples if a.organization == "Northline Energy")
    cobalt = replace(
        next(a for a in examples if a.organization == "Cobalt Payments"), target="independent"
    )
    text, _ = _sheet(tmp_path, knowledge, [northline, cobalt])
    for a, name in ((northline, "Business & Product Embedded"), (cobalt, "Independent ML")):
        expected = plan(
            knowledge.bank.get(a.questionnaire_version), knowledge.catalog, a.answers, a.target
        )
        assert len(expected.steps) >= 6  # the sheet shows five of more
        assert f"Road to {name}" in text
        shown = text[text.index(f"Road to {name}") :]
        position = 0
        for number, step in enumerate(expected.steps[:5], start=1):
            found = shown.index(f"{number}. {step.question_text}", position)
            fit = shown.index(f"Fit {step.fit_after:.0f}.", found)
            position = fit
        sixth = expected.steps[5]
        assert f"6. {sixth.question_text}" not in shown
        assert f"today {expected.current_fit:.0f} of 100" in shown
    # The gap: a line per dimension, in the catalog's order.
    for dimension in knowledge.catalog.dimensions:
        assert text.count(f"{dimension.name}: you sit") == 2


def test_summary_names_the_first_steps(qapp, knowledge, examples, tmp_path):
    northline = next(a for a in examples if a.organization == "Northline Energy")
    text, data = _sheet(tmp_path, knowledge, [northline], sections=["summary", "glossary"])
    version = northline.questionnaire_version
    steps = plan(
        knowledge.bank.get(version), knowledge.catalog, northline.answers, northline.target
    ).steps
    assert "Road to" not in text  # the section is off
    lines = [
        knowledge.roadmap_text.line(
            version, knowledge.bank.get(version).question(s.question_id), s.to_option
        ).rstrip(".")
        + f" (fit {s.fit_after:.0f})"
        for s in steps[:2]
    ]
    assert f"First steps: {lines[0]}; {lines[1]}." in text
    assert data.summary[0].count("(fit ") == 3  # the reading, then two steps


def test_no_road_without_a_target(qapp, knowledge, examples, tmp_path):
    plain = [replace(a, target="") for a in examples[:3]]
    text, _ = _sheet(tmp_path, knowledge, plain)
    assert "Road to" not in text and "First steps" not in text


def _one_answer(org: str, answers: dict, target: str) -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization=org,
        unit="",
        questionnaire_version=1,
        assessed_on="2026-03-02",
        answers=answers,
        target=target,
    )


def test_keep_and_no_leader_headings_word_for_word(qapp, knowledge, tmp_path):
    """Three roads, worked out by hand on version 1's q01 (every option gives its archetype 3):
    nothing answered and "keep what we are" has no leader to keep, so a "Road ahead" heading and
    the note; q01c kept leads Embedded at 3 of 3 = 100, and the five steps answer open questions
    with Embedded's strongest options (earned and possible grow alike: still 100); q01a aimed at
    Embedded earns it 0 of 3 today, and that road is not a kept one."""
    items = [
        _one_answer("Quill Labs", {}, KEEP),
        _one_answer("Fenwick Foods", {"q01": "q01c"}, KEEP),
        _one_answer("Garth Rail", {"q01": "q01a"}, "embedded"),
    ]
    text, _ = _sheet(tmp_path, knowledge, items)
    assert (
        "Road ahead: 1. Quill Labs (2026-03-02) No archetype leads yet, so there is nothing to "
        "keep. Answer more questions, or choose the archetype you want to become."
    ) in text
    assert (
        "Road to Business & Product Embedded (keep what we are): 2. Fenwick Foods (2026-03-02) "
        "Fit for Business & Product Embedded today 100 of 100; after the 5 steps below 100."
    ) in text
    assert (
        "Road to Business & Product Embedded: 3. Garth Rail (2026-03-02) "
        "Fit for Business & Product Embedded today 0 of 100; after the 5 steps below"
    ) in text
    assert text.count("(keep what we are)") == 1
    assert "Road to" not in text[: text.index("Road ahead: 1. Quill Labs")]
