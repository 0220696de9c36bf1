"""The gap and the roadmap: how far the answers are from the target, and the steps that close it.

``show_plan`` is cheap enough to call on every answer change; the plan itself is computed by
``domain.roadmap.plan`` (greedy by fit gained, docs/method.md), this panel only words it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.gap import GapLine
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.roadmap import Roadmap, Step
from mlorg_desktop.ui.widgets.layout import MARGIN, container, hbox, vbox
from mlorg_desktop.ui.widgets.target_picker import TargetPicker
from mlorg_desktop.ui.widgets.text_view import TextView

EMPTY_TEXT = (
    "No target yet: pick the archetype you want to become in the list above to see the gap "
    "and the steps that close it."
)
WARNING_COLOR = "#B35900"  # dark orange: readable on white, apart from the archetype colours
OTHER_GROUP = "Other questions"
FIRST_STEPS = 5  # listed in ranking order before the steps grouped by dimension


class RoadmapPanel(QWidget):
    """The target picker on top, then the target's gap and roadmap (scrolling), or one line
    saying how to get them.

    Signals:
        target_chosen(str): the user picked another target in the list.
    """

    target_chosen = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.roadmap: Roadmap | None = None
        self.target = TargetPicker(catalog)
        self.target.target_chosen.connect(self.target_chosen)
        label = QLabel("Target archet&ype:")  # plain text: a rich-text label has no mnemonic
        bold = label.font()
        bold.setBold(True)
        label.setFont(bold)
        label.setBuddy(self.target)
        self.heading = QLabel("<h3>Gap and roadmap</h3>")
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.view = TextView()
        self.view.setAccessibleName("Gap and roadmap")
        inner = QVBoxLayout()
        inner.setContentsMargins(MARGIN, 0, MARGIN, MARGIN)
        for widget in (self.heading, self.empty, self.view):
            inner.addWidget(widget)
        inner.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(container(inner))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setLayout(vbox(hbox(label, self.target, None, margin=MARGIN), self.scroll))
        self.layout().setStretch(1, 1)
        self.setMinimumWidth(300)
        self.show_empty(EMPTY_TEXT)

    def focus_chain(self) -> list[QWidget]:
        return [self.target, self.view]

    def text(self) -> str:
        """What the panel says now, as plain text (the empty line or the plan)."""
        return self.empty.text() if self.roadmap is None else self.view.toPlainText()

    def show_empty(self, text: str) -> None:
        self.roadmap = None
        self.heading.setText("<h3>Gap and roadmap</h3>")
        self.empty.setText(text)
        self.empty.show()
        self.view.hide()
        self.view.show_html("")

    def show_plan(self, roadmap: Roadmap, gap: Sequence[GapLine], numbers: dict[str, int]) -> None:
        """``numbers``: question id -> its number in the questionnaire (Q1, Q2, …)."""
        self.roadmap = roadmap
        name = self.catalog.archetype(roadmap.target).name
        self.heading.setText(f"<h3>Road to {escape(name)}</h3>")
        self.empty.hide()
        self.view.show()
        self.view.show_html(plan_html(roadmap, gap, numbers, name, self.catalog))


def plan_html(
    roadmap: Roadmap,
    gap: Sequence[GapLine],
    numbers: dict[str, int],
    name: str,
    catalog: Catalog,
    limit: int | None = None,
) -> str:
    """The gap, then the steps; with ``limit``, only the first ``limit`` steps in detail."""
    parts = ["<p><b>The gap on the three dimensions</b></p><ul>"]
    for line in gap:
        parts.append(f"<li>{escape(line.words)}</li>")
    parts.append("</ul>")
    steps = roadmap.steps
    if not steps:
        parts.append(
            f"<p>{escape(name)} fits at {roadmap.current_fit:.0f} now. No single change of "
            "answer raises that fit any further.</p>"
        )
    else:
        parts.append(
            f"<p><b>{plural(len(steps), 'step')}</b> {'takes' if len(steps) == 1 else 'take'} "
            f"the fit for {escape(name)} from "
            f"<b>{roadmap.current_fit:.0f}</b> to <b>{roadmap.final_fit:.0f}</b>. They are "
            "ranked by the fit each adds after the ones before it (step 1 is the single change "
            "that gains most) and grouped below by dimension and section; the fit after a step "
            "counts every step before it.</p>"
        )
        warned = sum(1 for s in steps if s.warnings)
        if warned:
            parts.append(
                f"<p><span style='color:{WARNING_COLOR}'><b>⚠ {plural(warned, 'step')} "
                f"{'carries' if warned == 1 else 'carry'} a warning</b></span>: they pull "
                "against another step or lean into a known weakness of the target. They are "
                "shown, not dropped.</p>"
            )
        parts.append("<p><b>The first steps, in order:</b></p><ol>")
        for step in steps[:FIRST_STEPS]:
            number = numbers.get(step.question_id)
            where = f"Q{number}" if number else step.question_id
            mark = " ⚠" if step.warnings else ""
            parts.append(
                f"<li>{where}: “{escape(step.to_text)}” — fit {step.fit_after:.0f}{mark}</li>"
            )
        parts.append("</ol>")
        rank = {id(s): i for i, s in enumerate(steps, start=1)}
        detailed = steps if limit is None else steps[:limit]
        if len(detailed) < len(steps):
            parts.append(
                f"<p>The first {len(detailed)} of the {len(steps)} steps in detail, by "
                "dimension and section:</p>"
            )
        for group, members in _groups(detailed, catalog):
            parts.append(f"<h4>{escape(group)}</h4>")
            for step in members:
                parts.append(_step_html(step, rank[id(step)], numbers))
    parts.append(f"<p><i>{escape(roadmap.note)}</i></p>")
    return "".join(parts)


def _groups(steps: Sequence[Step], catalog: Catalog) -> list[tuple[str, list[Step]]]:
    """Steps by dimension (catalog order, then questions on no dimension), then by section in
    the order the sections first appear; inside a group the ranking order is kept."""
    dimension_names = {d.id: d.name for d in catalog.dimensions}
    order = [d.id for d in catalog.dimensions] + [None]
    groups: dict[tuple[str | None, str], list[Step]] = {}
    for step in steps:
        groups.setdefault((step.dimension_id, step.section_title), []).append(step)
    keyed = sorted(
        groups.items(), key=lambda kv: order.index(kv[0][0]) if kv[0][0] in order else 99
    )
    result = []
    for (dimension_id, section_title), members in keyed:
        dimension = dimension_names.get(dimension_id or "", OTHER_GROUP)
        result.append((f"{dimension} · {section_title}", members))
    return result


def _step_html(step: Step, rank: int, numbers: dict[str, int]) -> str:
    number = numbers.get(step.question_id)
    label = f"Q{number}. " if number else ""
    warnings = "".join(
        f"<br><span style='color:{WARNING_COLOR}'>⚠ {escape(w)}</span>" for w in step.warnings
    )
    return (
        f"<p><b>Step {rank}</b> · fit {step.fit_before:.0f} → <b>{step.fit_after:.0f}</b> "
        f"(+{step.gain:.1f})<br>{escape(label + step.question_text)}<br>"
        f"from “{escape(step.from_text)}” → to “{escape(step.to_text)}”<br>"
        f"<i>{escape(step.meaning)}</i>{warnings}</p>"
    )
