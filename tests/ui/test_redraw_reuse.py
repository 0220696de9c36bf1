"""What a redraw keeps from the one before (legend entries, summary rows, a hidden chart table
filled only when shown, what-if panels that skip unchanged parts) still shows the current
state after several changes back and forth. Expected numbers come from domain scoring and
planning called here, and the widgets are read as a user sees them (the table's own model,
the labels' text), never through a method that could fill them first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mlorg_desktop.domain.roadmap import plan
from mlorg_desktop.report.sheet import series_label
from mlorg_desktop.ui.widgets.assessment_model import ID_ROLE
from tests.ui.test_assessment_flow import EMBEDDED
from tests.ui.test_roadmap_ui import (
    CTRL,
    CTRL_SHIFT,
    INDEPENDENT_ROW,
    choose_by_keyboard,
    fill,
    pick_target,
)
from tests.window_tools import show_active


@pytest.fixture
def compare(make_window, demo_store, qtbot):
    window = make_window(demo_store)
    show_active(window, qtbot)
    window.show_tab(window.compare_tab)
    qtbot.waitUntil(lambda: window.compare_tab.radar is not None)
    return window


def _space_on(tab, qtbot, assessment_id: str) -> None:
    """Walk the list with the arrow keys to the assessment's row and press Space."""
    tab.list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tab.list, Qt.Key.Key_Home)
    for _ in range(tab.proxy.rowCount() + 1):
        if tab.list.currentIndex().data(ID_ROLE) == assessment_id:
            break
        qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    assert tab.list.currentIndex().data(ID_ROLE) == assessment_id
    qtbot.keyClick(tab.list, Qt.Key.Key_Space)


def _shown_cells(view) -> list[list[str]]:
    """The table as its view shows it: straight from the view's model."""
    model = view.table.model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_compare_shows_the_current_numbers_after_ticks_and_unticks(compare, knowledge, qtbot):
    tab = compare.compare_tab
    bars_view = tab.chart_area.bars_view
    ids = [tab.proxy.index(r, 0).data(ID_ROLE) for r in range(4)]
    _space_on(tab, qtbot, ids[0])
    _space_on(tab, qtbot, ids[1])
    # The table shown once, then hidden: it holds two rows while the ticks go on.
    qtbot.mouseClick(bars_view.toggle, Qt.MouseButton.LeftButton)
    assert len(_shown_cells(bars_view)) == 2
    qtbot.mouseClick(bars_view.toggle, Qt.MouseButton.LeftButton)
    assert not bars_view.showing_table()
    for assessment_id in (ids[2], ids[3], ids[1]):  # the last one unticks the second row
        _space_on(tab, qtbot, assessment_id)
    assert tab.selected_ids() == [ids[0], ids[2], ids[3]]
    chosen = [compare.store.get(i) for i in tab.selected_ids()]
    scores = [knowledge.score(a.questionnaire_version, a.answers) for a in chosen]
    archetypes, dims = knowledge.catalog.archetypes, knowledge.catalog.dimensions

    qtbot.mouseClick(bars_view.toggle, Qt.MouseButton.LeftButton)
    assert bars_view.showing_table() and bars_view.table.isVisible()
    assert _shown_cells(bars_view) == [
        [f"{n}. {series_label(a)}", *(str(round(s.fits[x.id])) for x in archetypes)]
        for n, (a, s) in enumerate(zip(chosen, scores, strict=True), start=1)
    ]
    # The legend is renumbered from the unticked row on; the summary has the same rows.
    assert [tab.legend.item(r).text() for r in range(tab.legend.count())] == [
        f"{n}. {series_label(a)}" for n, a in enumerate(chosen, start=1)
    ]
    summary = [
        [tab.table.item(r, c).text() for c in range(tab.table.columnCount())]
        for r in range(tab.table.rowCount())
    ]
    assert [row[0] for row in summary] == [series_label(a) for a in chosen]
    assert [row[-len(dims) :] for row in summary] == [
        ["—" if s.positions[d.id] is None else str(round(s.positions[d.id])) for d in dims]
        for s in scores
    ]
    assert [row[4] for row in summary] == [f"{s.answered} of {s.total}" for s in scores]


@pytest.fixture
def shown(window, qtbot):
    show_active(window, qtbot)
    window.show_tab(window.assessment_tab)
    return window


def _assert_shows(tab, knowledge, answers: dict[str, str], changed: int) -> None:
    questionnaire = tab.questionnaire
    result = knowledge.score(questionnaire.version, answers)
    for archetype in knowledge.catalog.archetypes:
        assert tab.results.values[archetype.id].text() == f"{result.fits[archetype.id]:.0f}"
        assert tab.results.bars[archetype.id].value() == round(result.fits[archetype.id])
    for dimension in knowledge.catalog.dimensions:
        (you,) = [m for m in tab.results.scales[dimension.id].markers() if m.label == "You"]
        assert you.value == result.positions[dimension.id]
    roadmap = plan(
        questionnaire, knowledge.catalog, answers, "independent", text=knowledge.roadmap_text
    )
    text = tab.roadmap.text()
    assert f"to {roadmap.final_fit:.0f}" in text
    for rank, step in enumerate(roadmap.steps, start=1):
        assert f"Step {rank} · fit {step.fit_before:.0f} → {step.fit_after:.0f}" in text
    bar = tab.what_if.bar.changes
    lines = [bar.item(r).text() for r in range(bar.count())]
    if changed:
        numbered = list(enumerate(questionnaire.questions(), start=1))
        moved = [(n, q) for n, q in numbered if answers.get(q.id) != EMBEDDED.get(q.id)]
        assert len(moved) == changed
        assert lines == [
            f"Q{n}. {q.text} — {q.answer_text(EMBEDDED[q.id])} → {q.answer_text(answers[q.id])}"
            for n, q in moved
        ]
    else:
        assert lines == ["No answer changed yet: change any answer below to see what it would do."]


def test_what_if_panels_follow_answers_changed_back_and_forth(shown, qtbot, knowledge):
    tab = shown.assessment_tab
    fill(tab, qtbot, "Atlas", EMBEDDED)
    pick_target(tab, qtbot, INDEPENDENT_ROW)
    qtbot.keyClick(shown, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(tab, Qt.Key.Key_W, CTRL_SHIFT)
    assert tab.what_if.active
    _assert_shows(tab, knowledge, EMBEDDED, 0)
    # Each of these moves a dimension scale (q04 one, q14 another) and the fits.
    steps = [
        ("q04", "q04b", 1),
        ("q04", "q04c", 0),  # back to the saved answer
        ("q04", "q04a", 1),
        ("q14", "q14a", 2),
        ("q04", "q04c", 1),
        ("q14", "q14d", 0),
        ("q14", "q14f", 1),
    ]
    answers = dict(EMBEDDED)
    for question_id, option, changed in steps:
        choose_by_keyboard(tab, qtbot, question_id, option)
        answers[question_id] = option
        _assert_shows(tab, knowledge, answers, changed)
