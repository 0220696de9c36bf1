"""The Organizations view refills its widgets in place: choosing A, then B, then A again shows
B's numbers after A and A's after B. Every expected figure is worked out here from the domain
(rounds, pooling, role split), not read from the view's own reading."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Qt

from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.pooling import combine
from mlorg_desktop.domain.roles import split_by_role
from mlorg_desktop.domain.rounds import group_rounds
from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier
VANTAGE = ("Vantage Retail Group", "Data & AI")
MERIDIAN = ("Meridian Bank", "Group AI Division")
NEW_IDS = ("6d1f3a52-7c0e-4b8e-9a41-0c2b7d5e8f10", "6d1f3a52-7c0e-4b8e-9a41-0c2b7d5e8f11")


def _add_meridian_practitioners(store, knowledge) -> None:
    """A second respondent in each of Meridian's two rounds, answering differently, so that
    both organizations have disagreements, a role split and a trend."""
    leaders = sorted(
        (a for a in store.all() if (a.organization, a.unit) == MERIDIAN),
        key=lambda a: a.assessed_on,
    )
    assert len(leaders) == 2
    for new_id, leader, shift in zip(NEW_IDS, leaders, (1, 2), strict=True):
        questionnaire = knowledge.bank.get(leader.questionnaire_version)
        answers = dict(leader.answers)
        for n, question in enumerate(questionnaire.questions()):
            ids = [o.id for o in question.options]
            if n % 2 == 0 and answers.get(question.id) in ids:  # every other question differs
                answers[question.id] = ids[(ids.index(answers[question.id]) + shift) % len(ids)]
        store.save(
            replace(leader, id=new_id, respondent="Sam Ortiz", role="ML Engineer", answers=answers)
        )


def _round_time(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def _expected(store, knowledge, key) -> dict:
    people = [a for a in store.all() if (a.organization, a.unit) == key]
    rounds = group_rounds(people)
    readings = [combine(r.assessments, knowledge.bank, knowledge.catalog) for r in rounds]
    last, reading = rounds[-1], readings[-1]
    split = split_by_role(last.assessments, knowledge.bank, knowledge.catalog)
    numbers = {q.id: n for n, q in enumerate(reading.questionnaire.questions(), start=1)}
    archetypes = knowledge.catalog.archetypes
    names = {a.id: a.name for a in archetypes}
    return {
        "rounds": [r.label for r in rounds],
        "summary": (
            f"Round {escape(last.label)}",
            plural(last.respondents, "respondent"),
            f"Combined reading: {escape(names[reading.score.primary])}"
            if reading.score.primary
            else "Combined reading: no archetype named",
        ),
        "respondents": sorted(escape(a.respondent) for a in last.assessments),
        "disagreements": [
            (
                f"Q{numbers[p.question_id]}. {p.question.text}",
                f"{p.agreement or 0:.0%} agree",
                [f"{w:g}" for w in (*p.weights.values(), *p.special.values())],
            )
            for p in reading.disagreements
        ],
        "by_role": []
        if split is None
        else [
            f"Q{numbers[q]}. {split.groups['leadership'].pools[q].question.text}"
            for q in split.differing_questions
        ],
        "lines": {
            a.id: (
                [_round_time(r.first) for r in rounds],
                [round(g.score.fits[a.id], 6) for g in readings],
            )
            for a in archetypes
        },
        "table": [
            [r.label, r.first, *(str(round(g.score.fits[a.id])) for a in archetypes)]
            for r, g in zip(rounds, readings, strict=True)
        ],
        "since": [f"Since {escape(r.label)}</b>" for r in rounds[:-1]],
        "legend": [a.name for a in archetypes],
    }


def _shown(tab: OrganizationsTab, want: dict) -> dict:
    """What the view shows, in the shape of ``want`` (texts are looked for as written there)."""
    tree, by_role = tab.panel.disagreements, tab.panel.by_role
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    summary = tab.panel.summary.text()
    people = tab.respondents.text().removeprefix("<b>Respondents:</b> ").split(", ")
    return {
        "rounds": [tab.rounds.item(i).text().split("\n")[0] for i in range(tab.rounds.count())],
        "summary": tuple(part for part in want["summary"] if part in summary),
        "respondents": sorted(p.split(" (")[0] for p in people),
        "disagreements": [
            (top.text(0), top.text(1), [top.child(i).text(1) for i in range(top.childCount())])
            for top in tops
        ],
        "by_role": [by_role.topLevelItem(i).text(0) for i in range(by_role.topLevelItemCount())],
        "lines": {
            key: ([float(x) for x in xs], [round(float(y), 6) for y in ys])
            for key, (xs, ys) in ((k, item.getData()) for k, item in tab.plot.lines.items())
        },
        "table": tab.plot_view.table_cells()[1:],
        "legend": [tab.legend.item(i).text() for i in range(tab.legend.count())],
        "since": [s for s in want["since"] if s in tab.trend_text.text()],
    }


def _check(tab, store, knowledge, key) -> None:
    assert (tab.current_record().organization, tab.current_record().unit) == key
    want = _expected(store, knowledge, key)
    assert _shown(tab, want) == want


def _choose(tab, qtbot, key) -> None:
    """Walk the organizations list with the arrow keys to ``key``."""
    keys = [(r.organization, r.unit) for r in tab.records]
    target = keys.index(key)
    step = Qt.Key.Key_Down if target > tab.organizations.currentRow() else Qt.Key.Key_Up
    while tab.organizations.currentRow() != target:
        qtbot.keyClick(tab.organizations, step)


def test_choosing_a_then_b_then_a_shows_each_ones_numbers(
    make_window, demo_store, knowledge, qtbot
):
    _add_meridian_practitioners(demo_store, knowledge)
    window = make_window(demo_store)
    show_active(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    tab = window.current_tab()
    assert isinstance(tab, OrganizationsTab)
    qtbot.waitUntil(tab.isVisible)
    tab.organizations.setFocus()
    a, b = _expected(demo_store, knowledge, VANTAGE), _expected(demo_store, knowledge, MERIDIAN)
    # The two differ wherever the view is checked, so a stale widget cannot pass for fresh.
    for part in ("rounds", "disagreements", "by_role", "lines", "table", "respondents"):
        assert a[part] != b[part], part
    assert a["disagreements"] and b["disagreements"] and a["by_role"] and b["by_role"]
    for key in (VANTAGE, MERIDIAN, VANTAGE, MERIDIAN):
        _choose(tab, qtbot, key)
        _check(tab, demo_store, knowledge, key)
    # The same with who answered what shown, and the table in view instead of the chart.
    box = tab.panel.show_who
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    toggle = tab.plot_view.toggle
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert tab.plot_view.showing_table()
    tab.organizations.setFocus()
    for key in (VANTAGE, MERIDIAN, VANTAGE):
        _choose(tab, qtbot, key)
        _check(tab, demo_store, knowledge, key)
        # Under each answer of the first disagreement, the people who gave it.
        last = group_rounds(_people(demo_store, key))[-1]
        pool = combine(last.assessments, knowledge.bank, knowledge.catalog).disagreements[0]
        top = tab.panel.disagreements.topLevelItem(0)
        given = [
            [top.child(i).child(j).text(0) for j in range(top.child(i).childCount())]
            for i in range(top.childCount())
        ]
        assert given == [
            [f"{p.respondent} ({p.role})" for p in pool.who.get(answer, ())]
            for answer in (*pool.weights, *pool.special)
        ]
    # The trend switched to positions: lines, legend and table follow, for A and then B.
    tab.trend_choice.setFocus()
    qtbot.keyClick(tab.trend_choice, Qt.Key.Key_Down)
    dimensions = knowledge.catalog.dimensions
    for key in (MERIDIAN, VANTAGE):
        tab.organizations.setFocus()
        _choose(tab, qtbot, key)
        people = _people(demo_store, key)
        rounds = group_rounds(people)
        scores = [combine(r.assessments, knowledge.bank, knowledge.catalog).score for r in rounds]
        legend = [tab.legend.item(i).text() for i in range(tab.legend.count())]
        assert legend == [d.name for d in dimensions]
        assert tab.plot_view.table_cells()[1:] == [
            [r.label, r.first, *(_whole(s.positions[d.id]) for d in dimensions)]
            for r, s in zip(rounds, scores, strict=True)
        ]


def _whole(value) -> str:
    return "—" if value is None else str(round(value))


def _people(store, key):
    return [a for a in store.all() if (a.organization, a.unit) == key]
