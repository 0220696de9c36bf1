"""The flowing part of the sheet as rich text: summary table, one block per assessment, glossary.

Headings are real <h3>/<h4> elements so the paginator (``report.pagination``) can keep each
one with the text that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import ComparedAssessment
from mlorg_desktop.domain.reading_text import reading_explanation, reading_label

WORD_JOINER = "\u2060"  # forbids a line break here; not written to the PDF's text layer
_HYPHEN_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")

STYLE = (
    "<style>th { background: #E8E8E8; font-weight: bold; text-align: left; }"
    " td, th { padding: 2px; }"
    " h3 { font-size: 11px; margin-top: 9px; margin-bottom: 1px; }"
    " h4 { font-size: 9px; margin-top: 3px; margin-bottom: 0px; }"
    " p { margin-top: 1px; margin-bottom: 1px; }"
    " ul { margin-top: 0px; margin-bottom: 2px; margin-left: 0px; -qt-list-indent: 1; }"
    " li { margin: 0px; }</style>"
)


def whole(text: str) -> str:
    """Escaped text whose hyphenated words ("ad-hoc", "ML-First", dates) never break at the
    hyphen, and whose " / " stays with the word before it ("Nascent /")."""
    kept = _HYPHEN_IN_WORD.sub("-" + WORD_JOINER, text).replace(" /", "\u00a0/")
    return escape(kept)


def scenario_mark(name: str) -> str:
    """How a what-if scenario is named wherever it is compared (window and sheet)."""
    return f"◇ Scenario: {name}"


def series_label(a: Assessment, *, with_respondent: bool = True) -> str:
    parts = [a.organization] + [p for p in (a.unit, a.respondent if with_respondent else "") if p]
    if a.scenario_name:
        parts.append(scenario_mark(a.scenario_name))
    return " · ".join(parts) + f" ({a.assessed_on})"


def summary_html(
    rows: Sequence[ComparedAssessment],
    paragraphs: Sequence[str],
    breaks: frozenset[int] = frozenset(),
) -> str:
    """The executive summary; the heading (0) and paragraphs (1, 2, …) in ``breaks`` open a
    new page (``report.flow`` finds them)."""

    def opens(ordinal: int) -> str:
        return " page-break-before: always" if ordinal in breaks else ""

    parts = [f"<h3 style='margin-top: 0px;{opens(0)}'>Executive summary</h3>"]
    for index, (row, text) in enumerate(zip(rows, paragraphs, strict=False), start=1):
        style = f" style='{opens(index).strip()}'" if index in breaks else ""
        parts.append(
            f"<p{style}><b>{index}. {whole(series_label(row.assessment))}</b> — {whole(text)}</p>"
        )
    return "".join(parts)


def table_html(
    rows: Sequence[ComparedAssessment],
    catalog: Catalog,
    breaks: frozenset[int] = frozenset(),
    *,
    first: int = 1,
) -> str:
    """The summary table; a new table (header repeated) opens a new page before each row
    number in ``breaks`` (rows Qt would otherwise split across two pages). ``rows`` are
    numbered from ``first`` (``report.table_breaks`` lays out a stretch of the table)."""
    names = {a.id: a.name for a in catalog.archetypes}
    dims = catalog.dimensions
    headers = [
        ("#", 5),  # room for three digits: a row number must never wrap
        ("Assessment", 20),
        ("Reading", 15),
        ("Runner-up", 15),
        ("Cov.", 9),
    ] + [(d.short_name, 12) for d in dims]
    head = "".join(f"<th width='{w}%'>{whole(h)}</th>" for h, w in headers)
    table = "<table width='100%' border='0.5' cellspacing='0' cellpadding='2'{}>"
    body = [table.format("") + f"<thead><tr>{head}</tr></thead><tbody>"]
    for index, row in enumerate(rows, start=first):
        if index in breaks:
            body.append(
                "</tbody></table>"
                + table.format(" style='page-break-before: always'")
                + f"<thead><tr>{head}</tr></thead><tbody>"
            )
        s = row.score
        runner = f"{names[s.runner_up]}, margin {s.margin:.0f}" if s.leader and s.runner_up else "—"
        cells = [
            str(index),
            series_label(row.assessment),
            reading_label(s, names),
            runner,
            f"{s.answered}/{s.total}",
        ]
        cells += [_fmt(s.positions[d.id]) for d in dims]
        body.append("<tr>" + "".join(f"<td>{whole(c)}</td>" for c in cells) + "</tr>")
    return (
        "<h3 style='margin-top: 4px'>Summary table</h3>"
        "<p>Positions run from 0 to 100 (— means too few answers to place); Cov. is questions "
        "answered of all questions; the margin is how many fit points the runner-up trails by. "
        "An archetype is named only when its lead is robust: no answers to the open questions "
        "could put another ahead (docs/method.md).</p>"
        f"{''.join(body)}</tbody></table>"
        f"<p style='color:#555555'>{whole(catalog.no_best_archetype)}</p>"
    )


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{whole(i)}</li>" for i in items) + "</ul>"


def details_html(index: int, row: ComparedAssessment, catalog: Catalog) -> str:
    names = {a.id: a.name for a in catalog.archetypes}
    a, s, g = row.assessment, row.score, row.guidance
    who = f"{a.respondent} ({a.role})" if a.respondent and a.role else a.respondent or a.role
    parts = [f"<h3>{index}. {whole(series_label(a))}</h3>"]
    if who:
        parts.append(f"<p>Respondent: {whole(who)}</p>")
    if s.leader and g:
        parts.append(
            f"<p><b>{whole(reading_label(s, names))}</b> — fit {s.fits[s.leader]:.0f}, "
            f"coverage {s.coverage:.0%} ({s.answered} of {s.total} answered).</p>"
        )
        if not s.label_shown:
            parts.append(f"<p>{whole(reading_explanation(s, names))}</p>")
        parts.append("<h4>Top strengths</h4>" + _list(g.strengths[:2]))
        parts.append("<h4>Top risks</h4>" + _list(list(g.risks[:2]) + list(g.conflicts[:1])))
    else:
        parts.append(f"<p>{whole(reading_explanation(s, names))}</p>")
    if a.notes.strip():
        parts.append("<h4>Notes</h4>")
        parts.extend(f"<p>{whole(line)}</p>" for line in a.notes.splitlines() if line.strip())
    return "".join(parts)


def glossary_html(catalog: Catalog) -> str:
    """One paragraph naming the five archetypes and the three dimensions, from the catalog."""
    archetypes = "; ".join(
        f"<b>{whole(a.name)}</b>: {whole(a.tagline.rstrip('.'))}" for a in catalog.archetypes
    )
    dimensions = "; ".join(
        f"<b>{whole(d.name)}</b> runs from {whole(d.low_label)} (0) to {whole(d.high_label)} (100)"
        for d in catalog.dimensions
    )
    return (
        "<h3>Glossary</h3>"
        f"<p>The {len(catalog.archetypes)} archetypes are ways of placing ML work in an "
        f"organization. {archetypes}. Each assessment is also placed on "
        f"{len(catalog.dimensions)} design dimensions: {dimensions}. Fit (0–100) says how well "
        "the answers match an archetype; the reading names the best fit once enough "
        "questions are answered.</p>"
    )
