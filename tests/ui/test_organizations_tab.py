"""The Organizations view, driven from the keyboard and mouse as a user would."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab
from tests.pdf_tools import pdf_page_text
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(make_window, qtbot):
    def build(target=None):
        window = make_window(target)
        show_active(window, qtbot)
        return window

    return build


def open_organizations(window, qtbot) -> OrganizationsTab:
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    tab = window.current_tab()
    assert isinstance(tab, OrganizationsTab)
    qtbot.waitUntil(tab.isVisible)  # a tab's content is shown once built
    return tab


def test_empty_store_says_what_to_do(shown, qtbot):
    window = shown()
    tab = open_organizations(window, qtbot)
    assert tab.stack.currentWidget() is tab.empty and tab.empty.isVisible()
    assert "File ▸ Import…" in tab.empty.message.text() and "drop" in tab.empty.message.text()


def _go_to_vantage(tab, qtbot):
    tab.organizations.setFocus()
    qtbot.keyClick(tab.organizations, Qt.Key.Key_End)  # Vantage sorts last in the demo
    assert tab.current_record().organization == "Vantage Retail Group"


def test_keyboard_walk_through_rounds_disagreements_and_roles(shown, demo_store, qtbot):
    window = shown(demo_store)
    tab = open_organizations(window, qtbot)
    _go_to_vantage(tab, qtbot)
    # The newest round is shown first.
    assert tab.rounds.count() == 2 and tab.rounds.currentRow() == 1
    assert "Round Autumn 2026 review" in tab.panel.summary.text()
    assert "5 respondents" in tab.panel.summary.text()
    qtbot.keyClick(tab.rounds, Qt.Key.Key_Up)
    summary = tab.panel.summary.text()
    assert "Round 2025-11-03 · 2025-11-03 to 2025-11-14 · 4 respondents" in summary
    assert "Tomás Rivera (Data Scientist)" in tab.respondents.text()
    # Q1 split 2 (ML division: the two leaders) against 2 (product teams: the practitioners).
    tree = tab.panel.disagreements
    q1 = tree.topLevelItem(0)
    assert q1.text(0).startswith("Q1. ") and q1.text(1) == "50% agree"
    assert [q1.child(i).text(1) for i in range(q1.childCount())] == ["2", "2"]
    assert q1.child(0).childCount() == 0  # names only when asked
    leaders = "Leadership (2) see <b>Independent ML organization</b>"
    practice = "Practitioners (2) see <b>Business &amp; Product Embedded</b>"
    assert leaders in tab.panel.by_role_summary.text()
    assert practice in tab.panel.by_role_summary.text()

    # Mnemonics reach the panel's parts: Alt+Q the disagreements, Alt+L the roles.
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Q, alt)
    assert window.focusWidget() is tree
    qtbot.keyClick(tree, Qt.Key.Key_L, alt)
    assert window.focusWidget() is tab.panel.roles
    qtbot.keyClick(tab.panel.roles, Qt.Key.Key_W, alt)  # Alt+W ticks "Show who answered"
    qtbot.waitUntil(tab.panel.show_who.isChecked)  # a mnemonic clicks after a short animation
    qtbot.keyClick(tab.panel.roles, Qt.Key.Key_W, alt)
    qtbot.waitUntil(lambda: not tab.panel.show_who.isChecked())

    # Who answered what: ticked with the mouse.
    box = tab.panel.show_who
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    q1 = tree.topLevelItem(0)
    division = next(
        q1.child(i)
        for i in range(q1.childCount())
        if "dedicated ML division" in q1.child(i).text(0)
    )
    names = sorted(division.child(i).text(0) for i in range(division.childCount()))
    assert names == [
        "Marta Kowalski (Chief Technology Officer)",
        "Omar Haddad (Head of Data Platform)",
    ]

    # The data scientist counts as leadership from now on: Space on its row.
    roles = tab.panel.roles
    roles.setFocus()
    row = next(i for i in range(roles.count()) if roles.item(i).text() == "Data Scientist")
    roles.setCurrentRow(row)
    qtbot.keyClick(roles, Qt.Key.Key_Space)
    assert "Leadership (3)" in tab.panel.by_role_summary.text()
    assert "Practitioners (1)" in tab.panel.by_role_summary.text()
    assert tab.rounds.currentRow() == 0  # the chosen round stays
    assert json.loads(window.settings.value("organizations/role_groups")) == {
        "data scientist": "leadership"
    }


def test_role_groups_are_remembered_by_the_next_window(shown, demo_store, qtbot, settings):
    settings.setValue("organizations/role_groups", json.dumps({"ml engineer": "leadership"}))
    window = shown(demo_store)
    tab = open_organizations(window, qtbot)
    _go_to_vantage(tab, qtbot)
    qtbot.keyClick(tab.rounds, Qt.Key.Key_Up)
    assert "Leadership (3)" in tab.panel.by_role_summary.text()


def test_trend_plot_has_a_line_per_series_with_a_marker_at_each_round(shown, demo_store, qtbot):
    window = shown(demo_store)
    tab = open_organizations(window, qtbot)
    _go_to_vantage(tab, qtbot)
    plot = tab.plot
    assert set(plot.lines) == {"nascent", "rnd", "embedded", "independent", "ml_first"}
    xs, _ = plot.lines["independent"].getData()
    # 2025-11-03 and 2026-09-28, midnight UTC.
    assert list(xs) == [1762128000.0, 1790553600.0]
    assert plot.getPlotItem().getAxis("bottom").__class__.__name__ == "DateAxisItem"
    # In grey print: every line its own marker, and all four dash patterns in use.
    assert len({i.opts["symbol"] for i in plot.lines.values()}) == 5
    assert len({i.opts["pen"].style() for i in plot.lines.values()}) == 4
    assert tab.legend.count() == 5
    tab.trend_choice.setFocus()
    qtbot.keyClick(tab.trend_choice, Qt.Key.Key_Down)
    assert set(plot.lines) == {"se_vs_research", "data_ownership", "model_ownership"}
    assert "Since 2025-11-03</b> (to Autumn 2026 review)" in tab.trend_text.text()
    assert "Data ownership +" in tab.trend_text.text()
    # Q3 went from "inside product teams" (c) to "a full set in one division" (d).
    assert "The combined answer changed on Q3, " in tab.trend_text.text()
    # An organization with one round explains when the trend will appear.
    tab.organizations.setFocus()
    qtbot.keyClick(tab.organizations, Qt.Key.Key_Home)  # Cobalt Payments: one assessment
    assert "One round so far" in tab.trend_text.text()
    assert "nothing to disagree about yet" in tab.panel.disagreement_note.text()


def test_saving_and_deleting_elsewhere_updates_the_list(shown, qtbot, monkeypatch):
    from mlorg_desktop.ui.dialogs import dialogs

    window = shown()
    tab = open_organizations(window, qtbot)
    assert tab.stack.currentWidget() is tab.empty
    form = window.assessment_tab
    window.show_tab(form)
    qtbot.keyClicks(form.organization, "Keyboard Corp")
    qtbot.keyClicks(form.round, "Pilot survey")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    saved_id = form.stored_id()
    assert window.store.get(saved_id).round == "Pilot survey"
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert tab.organizations.count() == 1 and tab.rounds.item(0).text().startswith("Pilot survey")
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, name: True)
    window.saved_tab.select(saved_id)
    window.saved_tab.delete_selected()
    assert tab.organizations.count() == 0 and tab.stack.currentWidget() is tab.empty
    QApplication.processEvents()


def test_readings_prepared_while_idle_follow_the_store(shown, demo_store, qtbot):
    """Selections reuse readings made once (some in idle moments); a change to the store makes
    them again, so a new respondent shows at once."""
    from dataclasses import replace

    from mlorg_desktop.domain.org_report import read_record

    window = shown(demo_store)
    tab = open_organizations(window, qtbot)
    qtbot.waitUntil(lambda: not tab._preparing.isActive())  # every organization read
    _go_to_vantage(tab, qtbot)
    fresh = read_record(tab.current_record(), window.knowledge, tab.role_overrides())
    assert tab.reading == fresh
    assert "5 respondents" in tab.panel.summary.text()
    newest = tab.reading.rounds[-1].round.assessments[0]
    window.store.save(replace(newest, id="5b0c6f43-2a52-4f7e-9d52-2f8d0b7c1a11", respondent="Ana"))
    tab.on_assessment_saved("5b0c6f43-2a52-4f7e-9d52-2f8d0b7c1a11")
    assert tab.current_record().organization == "Vantage Retail Group"
    assert "6 respondents" in tab.panel.summary.text()


def test_the_printed_sheet_splits_roles_as_the_user_set_them(shown, demo_store, qtbot, tmp_path):
    """A role ticked as leadership in the Organizations tab counts as leadership on the sheet
    too (the PDF read back page by page), not only in the window."""
    window = shown(demo_store)
    tab = open_organizations(window, qtbot)
    _go_to_vantage(tab, qtbot)
    vantage = [a for a in demo_store.all() if a.organization == "Vantage Retail Group"]

    def by_role_lines(name: str) -> list[str]:
        pdf = tmp_path / f"{name}.pdf"
        pages = write_pdf(pdf, window.printing.sheet(vantage), "A4", ())
        text = " ".join(pdf_page_text(pdf, n) for n in range(1, pages + 1))
        return re.findall(
            r"By role: (Leadership \(\d\)[^;]*; Practitioners \(\d\))", " ".join(text.split())
        )

    # The 2025-11-03 round: CTO and head of platform lead; two practitioners.
    before = by_role_lines("before")
    assert "Leadership (2) see Independent ML organization; Practitioners (2)" in before
    qtbot.keyClick(tab.rounds, Qt.Key.Key_Up)
    roles = tab.panel.roles
    roles.setFocus()
    roles.setCurrentRow(
        next(i for i in range(roles.count()) if roles.item(i).text() == "Data Scientist")
    )
    qtbot.keyClick(roles, Qt.Key.Key_Space)
    assert "Leadership (3)" in tab.panel.by_role_summary.text()
    after = by_role_lines("after")
    assert any(
        line.startswith("Leadership (3)") and line.endswith("Practitioners (1)") for line in after
    )
    assert "Leadership (2) see Independent ML organization; Practitioners (2)" not in after
