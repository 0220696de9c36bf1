"""Live results: fit per archetype, positions on the dimensions, explanation and guidance."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mlorg_desktop.domain.answer_guidance import LikelyRisk, LikelyStrength
from mlorg_desktop.domain.guidance import Guidance
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.naming import TOO_FEW
from mlorg_desktop.domain.reading_text import (
    COVERAGE_HELP,
    FIT_HELP,
    MARGIN_HELP,
    answered_text,
    reading_explanation,
    reading_label,
    rule_help,
)
from mlorg_desktop.domain.roadmap import Roadmap
from mlorg_desktop.domain.scoring import Score
from mlorg_desktop.report.palette import archetype_color
from mlorg_desktop.ui.widgets.accessibility import announce
from mlorg_desktop.ui.widgets.dimension_scale import DimensionScale, Marker
from mlorg_desktop.ui.widgets.guidance_html import details_html
from mlorg_desktop.ui.widgets.layout import MARGIN, container
from mlorg_desktop.ui.widgets.text_view import TextView


def _set_bar(bar: QProgressBar, value: int) -> None:
    """``setValue`` with the repaint deferred: a visible QProgressBar repaints itself at once
    when its value moves, five extra paints per answer; with updates off, it only asks for
    one with the rest of the column."""
    if bar.value() == value:
        return
    bar.setUpdatesEnabled(False)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)


def _items(lines: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


class ResultsPanel(QScrollArea):
    """Shows one Score; ``show_score`` is cheap enough to call on every answer change.

    Signals:
        announced(str): a change of result was just announced to screen readers.
    """

    announced = Signal(str)

    def __init__(self, knowledge: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        catalog = knowledge.catalog
        # A Tab stop after the questions (selectable by keyboard), named by its whole text.
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.headline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Qt gives labels ClickFocus
        # A label draws no focus frame of its own; this one shows where Tab went.
        self.headline.setStyleSheet(
            "QLabel { border: 1px solid transparent; padding: 2px; }"
            " QLabel:focus { border-color: palette(highlight); }"
        )
        self._verdict = ""  # the archetype line last announced
        self.bars: dict[str, QProgressBar] = {}
        self.values: dict[str, QLabel] = {}
        inner = QVBoxLayout()
        inner.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        inner.addWidget(QLabel("<h3>Result</h3>"))
        inner.addWidget(self.headline)
        fit_title = QLabel("<b>Fit per archetype</b> (0–100)")
        fit_title.setToolTip(FIT_HELP)
        inner.addWidget(fit_title)
        fits = QGridLayout()
        fits.setColumnStretch(1, 1)
        for row, archetype in enumerate(catalog.archetypes):
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(False)
            bar.setFixedHeight(14)
            bar.setAccessibleName(f"Fit for {archetype.name}")
            bar.setToolTip(FIT_HELP)
            color = archetype_color(archetype.id)
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")
            value = QLabel("0")
            value.setMinimumWidth(26)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.bars[archetype.id] = bar
            self.values[archetype.id] = value
            name = QLabel(archetype.name)
            name.setWordWrap(True)  # "Business & Product Embedded" takes two lines if needed
            bar.setMinimumWidth(60)
            fits.addWidget(name, row, 0)
            fits.addWidget(bar, row, 1)
            fits.addWidget(value, row, 2)
        inner.addLayout(fits)
        positions = QLabel("<b>Your position on the design dimensions</b>")
        positions.setWordWrap(True)
        inner.addWidget(positions)
        self.scales: dict[str, DimensionScale] = {}
        for dimension in catalog.dimensions:
            scale = DimensionScale(dimension)
            self.scales[dimension.id] = scale
            inner.addWidget(QLabel(escape(dimension.name)))
            inner.addWidget(scale)
        self.details = TextView()
        self.details.setAccessibleName("Explanation and guidance")
        inner.addWidget(self.details)
        inner.addStretch(1)
        self.setWidget(container(inner))
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        # Not a Tab stop itself (an unnamed stop with nothing to operate); it scrolls to the
        # text inside it that has focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def focus_chain(self) -> list[QWidget]:
        """The panel's keyboard stops, top to bottom."""
        return [self.headline, self.details]

    def _describe(self, verdict: str, detail: str) -> None:
        # The accessible name is the whole headline, so the screen reader says the result
        # when the headline gets focus; a change of archetype (or of "none yet") is also
        # announced, without moving focus, while the user keeps answering. Coverage changes
        # on every answer: announcing each would talk over the next question.
        self.headline.setAccessibleName(f"{verdict} {detail}")
        if verdict != self._verdict:
            self._verdict = verdict
            if self.isVisible():  # not while the tab is built or hidden
                announce(self.headline, verdict)
                self.announced.emit(verdict)

    def show_score(
        self,
        result: Score,
        guidance: Guidance | None,
        *,
        target: str | None = None,
        roadmap: Roadmap | None = None,
        risks: Sequence[LikelyRisk] = (),
        strengths: Sequence[LikelyStrength] = (),
    ) -> None:
        """``target``: the archetype planned for, marked on the scales; ``roadmap``: its
        plan, whose first steps are the guidance's next steps; ``risks`` and ``strengths``:
        those the answers make likely (``domain.answer_guidance``)."""
        catalog = self.knowledge.catalog
        name = {a.id: a.name for a in catalog.archetypes}
        label = reading_label(result, name)
        numbers = ""
        detail = ""
        if result.leader:
            runner = name[result.runner_up] if result.runner_up else "none"
            numbers = (
                f"<p>Runner-up: {escape(runner)} · margin {result.margin:.0f} points · "
                f"coverage {result.coverage:.0%} ({answered_text(result)})</p>"
            )
            detail = (
                f"Runner-up: {runner}, margin {result.margin:.0f} points, "
                f"coverage {result.coverage:.0%} ({answered_text(result)})."
            )
        headline = label if result.reading != TOO_FEW else "No archetype named yet."
        explanation = reading_explanation(result, name)
        self.headline.setText(
            f"<p style='font-size:large'><b>{escape(headline)}</b></p>{numbers}"
            f"<p>{escape(explanation)}</p>"
        )
        self.headline.setToolTip(
            "\n\n".join((rule_help(result), FIT_HELP, MARGIN_HELP, COVERAGE_HELP))
        )
        verdict = f"Result: {headline}." if result.reading != TOO_FEW else headline
        # Spoken: the verdict and its numbers; the reason for the reading is the description.
        self._describe(verdict, detail or explanation)
        self.headline.setAccessibleDescription(explanation)
        for archetype_id, bar in self.bars.items():
            _set_bar(bar, round(result.fits[archetype_id]))
            self.values[archetype_id].setText(f"{result.fits[archetype_id]:.0f}")
        for dimension in catalog.dimensions:
            markers = [Marker(result.positions[dimension.id], "You", "#000000")]
            if guidance is not None and result.leader and result.leader != target:
                reference = catalog.archetype(result.leader).reference_position(dimension.id)
                markers.append(
                    Marker(
                        reference,
                        f"Typical {name[result.leader]}",
                        archetype_color(result.leader),
                        hollow=True,
                    )
                )
            if target is not None:
                goal = catalog.archetype(target).reference_position(dimension.id)
                if goal is not None:
                    markers.append(
                        Marker(goal, f"Target: {name[target]}", archetype_color(target), True)
                    )
            self.scales[dimension.id].set_markers(
                markers, empty_text="Not enough answers to place you"
            )
        self.details.show_html(details_html(result, guidance, name, roadmap, risks, strengths))
