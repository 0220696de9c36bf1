"""Page by page, as a reader turns them: every page starts at its top margin, no heading is
left at a page's foot, nothing is drawn twice, and the text layer reads as written."""

from __future__ import annotations

import pytest

from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from mlorg_desktop.report.sheet_html import series_label
from tests.pdf_tools import (
    LIGATURES,
    pdf_page_height,
    pdf_page_text,
    pdf_pages,
    pdf_text,
    pdf_words,
)

TOP_MARGIN = 16 / 25.4 * 72  # output.MARGINS_MM: 16 mm at the top
BOTTOM_MARGIN = 14 / 25.4 * 72
FOOTER = 22.0  # sheet.FOOTER_HEIGHT
SECTION_HEADINGS = {"Executive summary", "Summary table", "Top strengths", "Top risks", "Notes"}


def _lines(words):
    """Words grouped into printed lines (same top), top to bottom."""
    rows: dict[int, list] = {}
    for w in words:
        rows.setdefault(round(w.y), []).append(w)
    return [" ".join(w.text for w in sorted(rows[y], key=lambda w: w.x)) for y in sorted(rows)]


def _check_every_page(path, headings):
    pages = pdf_pages(path)
    height = pdf_page_height(path)
    body_bottom = height - BOTTOM_MARGIN - FOOTER
    for page in range(1, pages + 1):
        words = pdf_words(path, page)
        first = min(w.y for w in words)
        # The first text sits in the top margin area: not above it, and not far down the page.
        assert TOP_MARGIN - 1 <= first <= TOP_MARGIN + 14, (page, first)
        # No text outside the page body except the footer: a clipped line would be there.
        stray = [
            w.text for w in words if w.y < TOP_MARGIN - 1 or body_bottom < w.y < body_bottom + 5
        ]
        assert not stray, (page, stray)
        body = [w for w in words if w.bottom <= body_bottom + 1]
        last = _lines(body)[-1]
        assert last not in headings, (page, last)
        assert not any(h.startswith(last) for h in headings if len(last) > 8), (page, last)
        if page == pages:
            assert len(_lines(body)) > 1, "the last page holds a single line"


def _render(tmp_path, knowledge, assessments, size):
    path = tmp_path / f"sheet-{size}.pdf"
    write_pdf(path, build_sheet_data(knowledge, assessments, "test store"), size, ())
    return path


@pytest.mark.parametrize("repeats", [2, 4, 8])  # notes of different lengths move every break
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_eight_with_long_notes_page_by_page(qapp, knowledge, many, tmp_path, size, repeats):
    chosen = many(8, note_repeats=repeats)
    path = _render(tmp_path, knowledge, chosen, size)
    assert pdf_pages(path) >= 4
    headings = SECTION_HEADINGS | {f"{i}. {series_label(a)}" for i, a in enumerate(chosen, start=1)}
    _check_every_page(path, headings)
    text = pdf_text(path)
    assert not LIGATURES & set(text)
    assert "\u2060" not in text and "\u2011" not in text  # no invisible joiners to trip search
    # Nothing duplicated: each assessment's summary and block heading appear exactly once.
    flat = " ".join(text.split())
    for i, a in enumerate(chosen, start=1):
        assert flat.count(f"{i}. {series_label(a)} — Reads as") == 1, i
        assert flat.count(f"{i}. {series_label(a)} Respondent: {a.respondent}") == 1, i


def test_words_with_fi_ff_ffi_search_as_written(qapp, knowledge, examples, tmp_path):
    """The footer says "Confidential" and the summary "fit"; both search as typed."""
    path = _render(tmp_path, knowledge, examples[:3], "A4")
    text = " ".join(pdf_text(path).split())
    assert not LIGATURES & set(text)
    assert text.count("Confidential") == pdf_pages(path)
    assert "fit" in text and "coverage" in text


def test_a_table_across_pages_starts_each_page_at_the_top(qapp, knowledge, many, tmp_path):
    """Twenty rows: the table runs onto later pages, where Qt may split a row; a split row's
    lines must not be drawn (clipped) on both pages."""
    chosen = many(20, note_repeats=3)
    path = _render(tmp_path, knowledge, chosen, "A4")
    _check_every_page(path, SECTION_HEADINGS)


@pytest.mark.parametrize(("count", "repeats"), [(1, 1), (8, 8), (50, 1), (200, 1)])
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_no_page_is_blank_apart_from_its_footer(
    qapp, knowledge, many, tmp_path, size, count, repeats
):
    """A "break before" on a table or block that the layout has already carried onto the
    next page (by a few points of padding, without any text) skips a page: it prints empty
    but for its footer. Each page, read on its own, must hold text besides the footer."""
    path = _render(tmp_path, knowledge, many(count, note_repeats=repeats), size)
    pages = pdf_pages(path)
    assert pages >= 2
    blank = []
    for page in range(1, pages + 1):
        lines = [line for line in pdf_page_text(path, page).splitlines() if line.strip()]
        footer = [line for line in lines if line.rstrip().endswith(f"Page {page} of {pages}")]
        assert len(footer) == 1, (page, lines[-3:])
        if len(lines) == 1:
            blank.append(page)
    assert not blank, f"pages {blank} of {pages} hold only their footer"


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_demo_sheet_page_by_page(qapp, knowledge, examples, tmp_path, size):
    """The demo's fifteen assessments, with its organizations' rounds and its targets' roads:
    every page starts at the top, no heading ends one, and no page but the last is nearly
    empty (a heading and its one-line note once went to a page of their own because the page
    after began with the glossary)."""
    path = _render(tmp_path, knowledge, examples, size)
    headings = SECTION_HEADINGS | {"Trend between rounds", "The gap on the design dimensions"}
    _check_every_page(path, headings)
    height = pdf_page_height(path)
    body_bottom = height - BOTTOM_MARGIN - FOOTER
    pages = pdf_pages(path)
    for page in range(1, pages):
        body = [w for w in pdf_words(path, page) if w.bottom <= body_bottom + 1]
        assert len(_lines(body)) > 5, (page, _lines(body))
    text = pdf_text(path)
    assert "Organization: Vantage Retail Group" in text and "Road to" in text


def test_a_table_ending_at_a_page_foot_leaves_no_blank_page(qapp, knowledge, examples, tmp_path):
    """The demo's first three assessments (two with a road): the summary table ends right at
    page 1's foot. Dropping the break that made page 2 blank and the keep rules putting it back
    once went on forever; now the rounds are bounded and no page is left blank."""
    path = _render(tmp_path, knowledge, examples[:3], "A4")
    pages = pdf_pages(path)
    for page in range(1, pages + 1):
        lines = [line for line in pdf_page_text(path, page).splitlines() if line.strip()]
        assert len(lines) > 1, (page, lines)
