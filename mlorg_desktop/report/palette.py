"""Colour-blind-safe colours (Okabe & Ito) with a marker and line style per series, so charts on
screen and on paper also read in greyscale."""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7F7F00", "#000000")
MARKERS = ("o", "s", "t", "d", "x", "star", "+", "h")  # pyqtgraph symbol names
LINE_STYLES = ("solid", "dash", "dot", "dashdot")
ARCHETYPE_COLORS = {
    "nascent": "#7F7F7F",
    "rnd": "#CC79A7",
    "embedded": "#009E73",
    "independent": "#0072B2",
    "ml_first": "#D55E00",
}


@dataclass(frozen=True)
class SeriesStyle:
    color: str
    marker: str
    line: str


def series_style(index: int) -> SeriesStyle:
    return SeriesStyle(
        OKABE_ITO[index % len(OKABE_ITO)],
        MARKERS[index % len(MARKERS)],
        LINE_STYLES[index % len(LINE_STYLES)],
    )


def archetype_color(archetype_id: str) -> str:
    return ARCHETYPE_COLORS.get(archetype_id, "#555555")


# Reference (typical) profiles are drawn in greys, never in a series colour, each with its own
# dash pattern: beside eight assessments in Okabe–Ito colours they read as background.
REFERENCE_COLORS = ("#595959", "#8C8C8C", "#404040", "#A6A6A6", "#737373")
REFERENCE_DASHES = ((6, 3), (2, 2), (8, 2, 2, 2), (4, 4), (1, 3))


def reference_style(index: int) -> tuple[str, tuple[int, ...]]:
    """Colour and dash pattern (in pen widths) of the ``index``-th reference profile."""
    return (
        REFERENCE_COLORS[index % len(REFERENCE_COLORS)],
        REFERENCE_DASHES[index % len(REFERENCE_DASHES)],
    )
