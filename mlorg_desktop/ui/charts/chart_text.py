"""The words and numbers behind each chart, for its description and its "Show as Table" view.

Computed from the same rows the charts draw (``ComparedAssessment``, ``ReadRound``), so the
table cannot say something the picture does not. No Qt, no pyqtgraph: plain values only.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import ComparedAssessment
from mlorg_desktop.domain.org_report import ReadRound
from mlorg_desktop.report.sheet import series_label
from mlorg_desktop.ui.charts.chart_table import ChartTable, number

FITS = "fits"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def radar_text(
    catalog: Catalog, rows: Sequence[ComparedAssessment], show_references: bool
) -> tuple[ChartTable, str]:
    """One row per assessment (then per reference profile shown): its position on each
    dimension, as the radar's spokes place it (0 at the centre, 100 at the tip)."""
    dims = catalog.dimensions
    table = ChartTable(
        ["Assessment", *(d.short_name for d in dims)], header_tips=["", *(d.name for d in dims)]
    )
    for index, row in enumerate(rows, start=1):
        cells = [number(row.score.positions[d.id]) for d in dims]
        table.rows.append([f"{index}. {series_label(row.assessment)}", *cells])
    references = 0
    if show_references:
        for archetype in catalog.archetypes:
            refs = [archetype.reference_position(d.id) for d in dims]
            if all(r is not None for r in refs):
                references += 1
                table.rows.append([f"Typical {archetype.name}", *(number(r) for r in refs)])
    spokes = "; ".join(f"{d.name} (100 = {d.high_label})" for d in dims)
    shown = _count(len(rows), "assessment", "assessments")
    extra = (
        f" and {_count(references, 'typical profile', 'typical profiles')}" if references else ""
    )
    description = (
        f"Radar chart of where {shown}{extra} sit on the three design dimensions, each spoke "
        f"from 0 at the centre to 100 at its tip: {spokes}."
    )
    if not rows:
        description += " Nothing is ticked, so no shape is drawn."
    return table, description


def fit_text(catalog: Catalog, rows: Sequence[ComparedAssessment]) -> tuple[ChartTable, str]:
    """One row per assessment: its fit (0–100) to every archetype, one bar each in the chart."""
    archetypes = catalog.archetypes
    table = ChartTable(
        ["Assessment", *(a.short_name for a in archetypes)],
        header_tips=["", *(a.name for a in archetypes)],
    )
    best = []
    for index, row in enumerate(rows, start=1):
        label = series_label(row.assessment)
        table.rows.append(
            [f"{index}. {label}", *(number(row.score.fits[a.id]) for a in archetypes)]
        )
        top = max(archetypes, key=lambda a: row.score.fits[a.id])
        best.append(f"{label}: best fit {top.name} {number(row.score.fits[top.id])}")
    description = (
        f"Bar chart of how well {_count(len(rows), 'assessment fits', 'assessments fit')} each "
        "of the five archetypes, 0 to 100, one group of bars per archetype."
    )
    description += (" " + "; ".join(best) + ".") if best else " Nothing is ticked, so no bars."
    return table, description


def trend_text(catalog: Catalog, rounds: Sequence[ReadRound], what: str) -> tuple[ChartTable, str]:
    """One row per round: the combined reading's fit to each archetype (or position on each
    dimension), the points the trend lines join."""
    if what == FITS:
        series = [
            (a.short_name, a.name, lambda r, i=a.id: r.reading.score.fits[i])
            for a in catalog.archetypes
        ]
        measured = "fit to each archetype"
    else:
        series = [
            (d.short_name, d.name, lambda r, i=d.id: r.reading.score.positions[i])
            for d in catalog.dimensions
        ]
        measured = "position on each design dimension"
    table = ChartTable(
        ["Round", "First day", *(short for short, _, _ in series)],
        header_tips=["", "", *(name for _, name, _ in series)],
    )
    for item in rounds:
        values = [number(value(item)) for _, _, value in series]
        table.rows.append([item.round.label, item.round.first, *values])
    description = (
        f"Line chart of the combined {measured}, 0 to 100, over "
        f"{_count(len(rounds), 'round', 'rounds')} by date; one line per "
        f"{'archetype' if what == FITS else 'dimension'}, one point per round."
    )
    return table, description
