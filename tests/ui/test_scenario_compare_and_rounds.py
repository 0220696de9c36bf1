"""Scenarios in the Compare tab (listed under their assessment, marked, drawn dashed) and a
round's target in the Organizations tab (one write onto every respondent's assessment)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from mlorg_desktop.domain.assessment import new_id, utc_now_iso
from mlorg_desktop.domain.scenario import Scenario, with_scenario
from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.store import AssessmentStore
from tests.pdf_tools import pdf_text
from tests.ui.test_organizations_tab import open_organizations
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(make_window, qtbot):
    def build():
        window = make_window()
        show_active(window, qtbot)
        return window

    return build


def _with_scenario(store, assessment, name, changed):
    now = utc_now_iso()
    scenario = Scenario(new_id(), name, {**assessment.answers, **changed}, now, now)
    return store.save(with_scenario(assessment, scenario)), scenario


def test_scenario_ticked_in_compare_is_marked_and_dashed(
    shown, demo_store, qtbot, knowledge, tmp_path
):
    meridian = next(a for a in demo_store.all() if a.assessed_on == "2025-10-15")
    question = knowledge.bank.get(meridian.questionnaire_version).sections[0].questions[0]
    other = next(o.id for o in question.options if o.id != meridian.answers.get(question.id))
    stored, scenario = _with_scenario(demo_store, meridian, "Central hub", {question.id: other})
    window = shown()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    tab = window.compare_tab
    qtbot.waitUntil(lambda: tab.radar is not None)
    row_id = f"{stored.id}~{scenario.id}"
    parent = tab._by_id[stored.id]
    child = tab._by_id[row_id]
    assert child.parent() is parent and child.text() == "◇ Scenario: Central hub"
    assert child.font().italic()
    # Tick the assessment and its scenario with the keyboard: highlight the row, press Space.
    tab.list.setFocus()
    for item in (parent, child):
        index = tab.proxy.mapFromSource(item.index())
        tab.list.setCurrentIndex(index)
        qtbot.keyClick(tab.list, Qt.Key.Key_Space)
    assert tab.selected_ids() == [stored.id, row_id]
    rows = tab.comparison.rows
    assert rows[0].assessment.answers == meridian.answers
    assert rows[1].assessment.answers == scenario.answers and rows[1].assessment.is_scenario
    legend = tab.legend.item(1)
    assert "◇ Scenario: Central hub" in legend.text() and legend.font().italic()
    assert "◇ Scenario: Central hub" in tab.table.item(1, 0).text()
    assert tab.table.item(1, 0).font().italic() and not tab.table.item(0, 0).font().italic()
    pens = [s.opts["pen"] for s in tab.radar.series]
    assert pens[0].style() != Qt.PenStyle.CustomDashLine
    assert pens[1].style() == Qt.PenStyle.CustomDashLine
    assert tab.bars.bars[1].opts["pen"].style() == Qt.PenStyle.CustomDashLine
    # The sheet gets the scenario like an assessment, labelled as one: read back from the PDF.
    chosen = tab.selected_assessments()
    assert chosen[1].scenario_name == "Central hub" and chosen[1].answers == scenario.answers
    pdf = tmp_path / "sheet.pdf"
    write_pdf(pdf, window.printing.sheet(chosen), "A4", window.paths.protected_files())
    text = " ".join(pdf_text(pdf, layout=False).split())
    assert "Scenario: Central hub" in text and text.count("Meridian Bank") >= 2
    # Deleting the scenario elsewhere takes it out of the list and the comparison.
    demo_store.save(replace(demo_store.get(stored.id), scenarios=()))
    tab.on_assessment_saved(stored.id)
    assert row_id not in tab._by_id and tab.selected_ids() == [stored.id]


def test_round_target_writes_every_respondent_once(shown, demo_store, qtbot, store_path, knowledge):
    window = shown()
    tab = open_organizations(window, qtbot)
    tab.select_organization("Vantage Retail Group", "Data & AI")
    tab.rounds.setCurrentRow(tab.rounds.count() - 1)
    people = tab.reading.rounds[-1].round.assessments
    assert len(people) == 5 and {a.target for a in people} == {""}
    ids = {a.id for a in people}
    others = {a.id: a.target for a in demo_store.all() if a.id not in ids}
    assert "No target for this round yet" in tab.panel.roadmap.view.toPlainText()
    writes = []
    storage = demo_store._storage
    original = storage.write
    storage.write = lambda data: (writes.append(1), original(data))[1]
    picker = tab.panel.roadmap.target
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Home)
    for _ in range(5):  # None, Keep what we are, Nascent, R&D, Embedded, Independent
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    storage.write = original
    # Each arrow key is a choice, written at once: five writes for five keys, never one a person.
    assert len(writes) == 5
    demo_store.flush()
    again = AssessmentStore(store_path, knowledge.bank)
    assert {again.get(a.id).target for a in people} == {"independent"}
    assert {a.id: a.target for a in again.all() if a.id not in ids} == others
    again.close()
    text = tab.panel.roadmap.view.toPlainText()
    assert "Road to Independent ML organization" in text and "Step 1" in text
    assert picker.currentText() == "Independent ML organization"
