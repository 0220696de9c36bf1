"""The sheet's organization section: each pooled record's rounds, disagreements and trend.

It appears when the compared assessments include several respondents of one round or several
rounds of one organization (``domain.org_facts.pooled_records``). Rich text with <h3>/<h4>
headings and plain paragraphs (no tables), so ``report.pagination`` keeps every heading with
its text and never splits a short paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.org_facts import given_answers, question_number
from mlorg_desktop.domain.org_report import ReadRound, RecordReading
from mlorg_desktop.domain.reading_text import reading_label
from mlorg_desktop.domain.roles import GROUP_NAMES, LEADERSHIP, PRACTITIONERS
from mlorg_desktop.domain.trend import RoundChange
from mlorg_desktop.report.sheet_html import whole

POOLING_NOTE = (
    "Each round's answers are pooled question by question, every respondent counting once per "
    "question. Agreement on a question is the share of those who answered it who chose its most "
    "common answer; below two thirds, the question counts as a disagreement. The round's "
    "agreement is the mean over the questions at least two people answered."
)


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0f}"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _round_title(item: ReadRound) -> str:
    r = item.round
    span = r.first if r.first == r.last else f"{r.first} to {r.last}"
    return f"Round {r.label} · {span} · {_plural(r.respondents, 'respondent')}"


def round_html(item: ReadRound, catalog: Catalog) -> str:
    names = {a.id: a.name for a in catalog.archetypes}
    reading = item.reading
    score = reading.score
    agreement = "—" if reading.agreement is None else f"{reading.agreement:.0%}"
    fits = ", ".join(f"{names[a]} {score.fits[a]:.0f}" for a in score.ranking)
    positions = ", ".join(f"{d.name} {_number(score.positions[d.id])}" for d in catalog.dimensions)
    parts = [
        f"<h4>{whole(_round_title(item))}</h4>",
        f"<p><b>Combined reading: {whole(reading_label(score, names))}</b> "
        f"({whole(reading.reading)}), coverage {score.coverage:.0%}, agreement {agreement}. "
        f"Fit: {whole(fits)}. Positions: {whole(positions)}.</p>",
    ]
    split = item.by_role
    if split is not None:
        seen = []
        for group in (LEADERSHIP, PRACTITIONERS):
            leader = split.groups[group].score.leader
            see = names[leader] if leader else "no archetype yet"
            seen.append(f"{GROUP_NAMES[group]} ({len(split.members[group])}) see {see}")
        differ = len(split.differing_questions)
        parts.append(
            f"<p>By role: {whole('; '.join(seen))}; their most common answers differ on "
            f"{_plural(differ, 'question')}.</p>"
        )
    if reading.respondents < 2:
        parts.append("<p>One respondent in this round: nothing to agree or disagree on.</p>")
    elif not reading.disagreements:
        parts.append("<p>No disagreements: at least two thirds agree on every question.</p>")
    else:
        count = len(reading.disagreements)
        parts.append(f"<p><i>{_plural(count, 'question')} divide this round:</i></p>")
        for pool in reading.disagreements:
            number = question_number(reading, pool.question_id)
            given = "; ".join(
                f"{n} answered “{text.rstrip('.')}”" for text, n in given_answers(pool)
            )
            parts.append(
                f"<p><b>Q{number}. {whole(pool.question.text)}</b> "
                f"({pool.agreement or 0:.0%} agree): {whole(given)}.</p>"
            )
    return "".join(parts)


def change_html(change: RoundChange, reading: RecordReading, catalog: Catalog) -> str:
    names = {a.id: a.name for a in catalog.archetypes}
    positions = ", ".join(
        f"{d.name} {_signed(change.position_change.get(d.id))}" for d in catalog.dimensions
    )
    fits = ", ".join(
        f"{names[a.id]} {_signed(change.fit_change.get(a.id))}" for a in catalog.archetypes
    )
    later = next(r.reading for r in reading.rounds if r.round == change.after)
    moved = ", ".join(f"Q{question_number(later, c.question_id)}" for c in change.answers_changed)
    answers = f" The combined answer changed on {moved}." if moved else ""
    return (
        f"<p><b>{whole(f'Since {change.before.label} (to {change.after.label})')}:</b> "
        f"positions {whole(positions)}; fit {whole(fits)}.{whole(answers)}</p>"
    )


def organization_html(readings: Sequence[RecordReading], catalog: Catalog) -> str:
    """One block per pooled organization record; "" when there is none."""
    parts = []
    for reading in readings:
        record = reading.record
        people = len(record.assessments)
        parts.append(
            f"<h3>{whole('Organization: ' + record.title)}</h3>"
            f"<p>{_plural(people, 'assessment')} in {_plural(len(record.rounds), 'round')}. "
            f"{whole(POOLING_NOTE)}</p>"
        )
        parts.extend(round_html(item, catalog) for item in reading.rounds)
        if reading.trend:
            parts.append("<h4>Trend between rounds</h4>")
            parts.extend(change_html(c, reading, catalog) for c in reading.trend)
    return "".join(parts)
