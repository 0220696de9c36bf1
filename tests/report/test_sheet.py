"""The comparison sheet as a reader sees it: text, pages, vectors, metadata, paper size."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from mlorg_desktop.report.output import SheetOutputError, default_page_size_name, write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_image_count, pdf_info, pdf_page_text, pdf_pages, pdf_text


def _sheet(qapp, knowledge, assessments, tmp_path, name="sheet.pdf", size="A4"):
    path = tmp_path / name
    pages = write_pdf(path, build_sheet_data(knowledge, assessments, "test store"), size, ())
    return path, pages


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_one_assessment(qapp, knowledge, examples, tmp_path):
    cobalt = next(e for e in examples if e.organization == "Cobalt Payments")
    cobalt = replace(cobalt, target="")  # its demo target would add a road (test_road_section)
    path, pages = _sheet(qapp, knowledge, [cobalt], tmp_path)
    text = _flat(pdf_text(path))
    # One assessment with short notes fits page 1; page 2 is the glossary alone.
    assert pdf_pages(path) == pages == 2
    assert pdf_page_text(path, 2).lstrip().startswith("Glossary")
    for expected in (
        "ML organization comparison",
        "Source: test store",
        "Cobalt Payments",
        "Business & Product Embedded",
        "Top strengths",
        "Top risks",
        "Fraud and checkout-conversion models",
        f"Page 1 of {pages}",
        "Positions on the design dimensions",
        "Fit per archetype",
    ):
        assert expected in text, expected


def test_three_assessments_list_everyone_with_strengths_risks_and_notes(
    qapp, knowledge, examples, tmp_path
):
    chosen = examples[:3]
    path, _ = _sheet(qapp, knowledge, chosen, tmp_path)
    text = _flat(pdf_text(path))
    for a in chosen:
        assert a.organization in text
        assert _flat(a.notes)[:60] in text
    assert text.count("Top strengths") == 3


def test_eight_with_long_notes_run_to_more_pages(qapp, knowledge, many, tmp_path):
    short_path, short_returned = _sheet(qapp, knowledge, many(3), tmp_path, "three.pdf")
    long_path, long_returned = _sheet(
        qapp, knowledge, many(8, note_repeats=8), tmp_path, "eight.pdf"
    )
    # Page counts read from the files (pdfinfo), not from the renderer's own answer.
    short_pages, long_pages = pdf_pages(short_path), pdf_pages(long_path)
    assert (short_returned, long_returned) == (short_pages, long_pages)
    assert long_pages > short_pages >= 1
    text = pdf_text(long_path)
    assert f"Page {long_pages} of {long_pages}" in text
    for i in range(1, 9):
        assert f"Unit {i}" in text


def test_table_header_repeats_when_the_table_splits(qapp, knowledge, many, tmp_path):
    path, _ = _sheet(qapp, knowledge, many(50), tmp_path, "fifty.pdf")
    text = pdf_text(path)
    pages = pdf_pages(path)
    assert pages >= 3
    assert text.count("Runner-up") >= 2 and text.count("Assessment") >= 2
    # 50 rows run over several pages (after the executive summary): each page of the table,
    # and only those, carries the header row, and they follow each other.
    with_header = [n for n in range(1, pages + 1) if "Runner-up" in pdf_page_text(path, n)]
    assert len(with_header) >= 2
    assert with_header == list(range(with_header[0], with_header[-1] + 1))
    assert "The charts show the first 8 of 50" in _flat(text)
    # Each row number stays whole in its narrow column ("13", never "1" over "3").
    cells = set(pdf_text(path, layout=False).split("\n"))
    assert {str(n) for n in range(1, 51)} <= cells


def test_charts_are_vectors_and_fonts_are_embedded(qapp, knowledge, many, tmp_path):
    path, _ = _sheet(qapp, knowledge, many(8), tmp_path)
    assert pdf_image_count(path) == 0
    info = pdf_info(path)
    assert info["Title"] == "ML organization comparison"
    assert info["Author"].startswith("MLOrg Desktop")
    import subprocess

    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded


@pytest.mark.parametrize(
    ("size", "points"), [("A4", "595 x 842 pts (A4)"), ("Letter", "612 x 792 pts (letter)")]
)
def test_page_size(qapp, knowledge, examples, tmp_path, size, points):
    path, _ = _sheet(qapp, knowledge, examples[:2], tmp_path, size=size)
    assert pdf_info(path)["Page size"].startswith(points)


def test_default_page_size_follows_the_locale():
    from PySide6.QtCore import QLocale

    assert (
        default_page_size_name(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        == "Letter"
    )
    assert default_page_size_name(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "A4"


def test_write_into_a_missing_folder_fails_cleanly(qapp, knowledge, examples, tmp_path):
    with pytest.raises(SheetOutputError, match="does not exist"):
        write_pdf(
            tmp_path / "nope" / "x.pdf", build_sheet_data(knowledge, examples[:1], "s"), "A4", ()
        )
    assert not (tmp_path / "nope").exists()


def test_sheet_says_transitional_and_too_few_answers(qapp, knowledge, tmp_path):
    from mlorg_desktop.domain.assessment import Assessment
    from tests.reading_cases import TIE

    tied = Assessment(
        id="11111111-1111-4111-8111-111111111111",
        organization="Tied Co",
        questionnaire_version=2,
        answers=dict(TIE),
    )
    early = Assessment(
        id="22222222-2222-4222-8222-222222222222",
        organization="Early Co",
        questionnaire_version=2,
        answers={"q01": "q01a", "q02": "q02a"},
    )
    path, _ = _sheet(qapp, knowledge, [tied, early], tmp_path)
    text = _flat(pdf_text(path))
    assert "Transitional: Business & Product Embedded ⇄ Independent ML organization" in text
    assert "12/27" in text and "2/27" in text
    assert "only 0 points apart" in text
    assert "Too few answers: 2 of 27 answered; an archetype can be named from 11 on" in text


def test_every_word_survives_every_page_break_once(qapp, knowledge, many, tmp_path):
    """Notes made of numbered words, long enough to run over several pages: read page by
    page, every word appears exactly once (nothing lost or repeated at a break), each page
    has its own footer, and only page 1 has the title and the charts. (No targets: roads
    would fill page 2 before the notes.)"""
    chosen = [
        replace(a, notes=" ".join(f"u{i}w{j:03d}" for j in range(260)), target="")
        for i, a in enumerate(many(8), start=1)
    ]
    path, _ = _sheet(qapp, knowledge, chosen, tmp_path)
    total = pdf_pages(path)
    assert total >= 3
    seen: list[str] = []
    for number in range(1, total + 1):
        page = pdf_page_text(path, number)
        assert f"Page {number} of {total}" in page, number
        assert page.count("Confidential: for internal discussion") == 1, number
        assert ("Positions on the design dimensions" in page) == (number == 1), number
        assert ("ML organization comparison ·" in page) and (
            page.count("ML organization comparison") == (2 if number == 1 else 1)
        ), number
        words = re.findall(r"u\d+w\d{3}", page)
        assert words or number == 1, f"page {number} carries no notes"
        seen += words
    expected = [f"u{i}w{j:03d}" for i in range(1, 9) for j in range(260)]
    assert sorted(seen) == sorted(expected)
    assert seen == expected  # and in reading order
