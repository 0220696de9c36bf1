"""The sheet's "Road to <target>" section: per assessment with a target, the gap on the three
design dimensions and the first five steps of its roadmap (``domain.road_facts``).

Rich text with <h3>/<h4> headings and one paragraph per step, so ``report.pagination`` keeps
each heading with its text and never splits a step across two pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.road_facts import Road
from mlorg_desktop.report.sheet_html import series_label, whole


def road_html(road: Road, catalog: Catalog) -> str:
    roadmap = road.roadmap
    label = f"{road.number}. {series_label(road.assessment)}"
    if not roadmap.target:
        return f"<h3>{whole('Road ahead: ' + label)}</h3><p>{whole(roadmap.note)}</p>"
    name = catalog.archetype(roadmap.target).name
    kept = " (keep what we are)" if roadmap.kept else ""
    shown = len(roadmap.steps)
    parts = [
        f"<h3>{whole(f'Road to {name}{kept}: {label}')}</h3>",
        f"<p>Fit for {whole(name)} today {roadmap.current_fit:.0f} of 100"
        + (
            f"; after the {'step' if shown == 1 else f'{shown} steps'} below "
            f"{roadmap.final_fit:.0f}. "
            if shown
            else ". "
        )
        + f"{whole(roadmap.note)}</p>",
        "<h4>The gap on the design dimensions</h4>",
    ]
    parts.extend(f"<p>{whole(line.words)}</p>" for line in road.gap)
    if roadmap.steps:
        parts.append(
            f"<h4>{'The first step' if shown == 1 else f'The first {shown} steps'}, "
            "each with the fit once it and those before it are made</h4>"
        )
    for number, step in enumerate(roadmap.steps, start=1):
        warnings = "".join(f" <i>Caution: {whole(w)}</i>" for w in step.warnings)
        parts.append(
            f"<p><b>{number}. {whole(step.question_text)}</b> ({whole(step.section_title)}) "
            f"Answer: “{whole(step.to_text.rstrip('.'))}”. {whole(step.meaning)} "
            f"<b>Fit {step.fit_after:.0f}</b>.{warnings}</p>"
        )
    return "".join(parts)


def roads_html(roads: Sequence[Road], catalog: Catalog) -> str:
    """One block per assessment with a target; "" when none has one."""
    return "".join(road_html(r, catalog) for r in roads)
