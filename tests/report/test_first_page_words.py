"""The sheet's first page in words: who is compared (one organization or several, the span of
dates) and the executive summary's paragraphs under their assessments."""

from __future__ import annotations

import pytest

from mlorg_desktop.report.first_page import compared_line
from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_pages, pdf_text


@pytest.mark.parametrize(
    ("picked", "expected"),
    [
        (
            # Three people of one organization, a week apart: singular, first to last date.
            [6, 7, 8],
            "Compares 3 assessments of 1 organization: Vantage Retail Group; answered by "
            "Marta Kowalski, Omar Haddad, Aisha Bello; assessed 2025-11-03 to 2025-11-10.",
        ),
        (
            # Dates out of order (March, February, May): the span is the earliest to the latest.
            [0, 1, 2],
            "Compares 3 assessments of 3 organizations: Harbour Freight Logistics, Northline "
            "Energy, Cobalt Payments; answered by Dana Ortiz, Dr. Ilse Varga, Sam Okafor; "
            "assessed 2026-02-04 to 2026-05-20.",
        ),
        (
            [3, 5],
            "Compares 2 assessments of 1 organization: Meridian Bank; answered by Priya Raman; "
            "assessed 2025-10-15 to 2026-10-20.",
        ),
        (
            [0],
            "One assessment of Harbour Freight Logistics; answered by Dana Ortiz; "
            "assessed 2026-03-12.",
        ),
    ],
)
def test_who_is_compared_in_one_sentence(qapp, knowledge, examples, picked, expected):
    data = build_sheet_data(knowledge, [examples[i] for i in picked], "test")
    assert compared_line(data) == expected


def test_the_summary_paragraphs_stand_under_their_assessments(qapp, knowledge, examples, tmp_path):
    data = build_sheet_data(
        knowledge,
        examples[:2],
        "test",
        sections=["summary"],
        summary=["First words here.", "Second one."],
    )
    path = tmp_path / "summary.pdf"
    write_pdf(path, data, "A4", ())
    assert pdf_pages(path) == 1
    lines = [" ".join(line.split()) for line in pdf_text(path, 1).splitlines() if line.strip()]
    at = lines.index("Executive summary")
    assert lines[at + 1 : at + 3] == [
        "1. Harbour Freight Logistics · Operations analytics · Dana Ortiz (2026-03-12) — "
        "First words here.",
        "2. Northline Energy · Corporate Research Lab · Dr. Ilse Varga (2026-02-04) — Second one.",
    ]
