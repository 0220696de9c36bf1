"""Colour-blind-safe colours (Okabe & Ito) shared by scales, charts and the printed sheet."""

from __future__ import annotations

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7F7F00", "#000000")
ARCHETYPE_COLORS = {
    "nascent": "#7F7F7F",
    "rnd": "#CC79A7",
    "embedded": "#009E73",
    "independent": "#0072B2",
    "ml_first": "#D55E00",
}


def series_color(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]


def archetype_color(archetype_id: str) -> str:
    return ARCHETYPE_COLORS.get(archetype_id, "#555555")
