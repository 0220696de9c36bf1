"""The sheet's rich text word for word: the summary's page breaks, the summary table's markup
and column widths, and the glossary as it is printed."""

from __future__ import annotations

from html.parser import HTMLParser

from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from mlorg_desktop.report.sheet_html import summary_html, table_html
from tests.pdf_tools import pdf_text, pdf_words

WJ = "\u2060"  # the word joiner the sheet puts after a hyphen inside a word


def _rows(knowledge, examples, n=2):
    return build_sheet_data(knowledge, examples[:n], "test").comparison.rows


def test_summary_breaks_open_the_heading_and_the_paragraphs_asked_for(knowledge, examples):
    """Breaks 0 (the heading) and 2 (the second paragraph): only those two get a
    page-break-before; the first paragraph has no style at all."""
    html = summary_html(_rows(knowledge, examples), ["First.", "Second."], frozenset({0, 2}))
    assert html == (
        "<h3 style='margin-top: 0px; page-break-before: always'>Executive summary</h3>"
        "<p><b>1. Harbour Freight Logistics · Operations analytics · Dana Ortiz "
        f"(2026-{WJ}03-{WJ}12)</b> — First.</p>"
        "<p style='page-break-before: always'><b>2. Northline Energy · Corporate Research Lab · "
        f"Dr. Ilse Varga (2026-{WJ}02-{WJ}04)</b> — Second.</p>"
    )


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[tuple[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(attrs)


def test_a_table_break_opens_a_new_table_with_exactly_the_break_style(knowledge, examples):
    """Row 2 in ``breaks``: the table closes and a second one opens with the same attributes
    plus the page break, and nothing else in its tag (Qt's parser forgives stray words in a
    tag; an HTML parser sees them as attributes)."""
    parser = _Tables()
    parser.feed(table_html(_rows(knowledge, examples, 3), knowledge.catalog, frozenset({2})))
    plain = [("width", "100%"), ("border", "0.5"), ("cellspacing", "0"), ("cellpadding", "2")]
    assert parser.tables == [plain, [*plain, ("style", "page-break-before: always")]]


def test_table_header_words_each_stay_whole(qapp, knowledge, examples, tmp_path):
    """The column widths add up to the page width (5 + 20 + 15 + 15 + 9 + 3 x 12 = 100%): one
    point more and the last column is squeezed until "ownership" breaks inside the word."""
    path = tmp_path / "table.pdf"
    data = build_sheet_data(knowledge, examples[:3], "test", sections=["table"])
    write_pdf(path, data, "A4", ())
    words = pdf_words(path, 1)
    top = next(w for w in words if w.text == "#").y
    first_row = next(w for w in words if w.text == "Harbour" and w.y > top).y  # row 1
    header = [w.text for w in words if top <= w.y < first_row]
    assert header == [
        "#",
        "Assessment",
        "Reading",
        "Runner-",
        "up",
        "Cov.",
        "SE",
        "vs",
        "research",
        "Data",
        "Model",
        "ownership",
        "ownership",
    ]


def test_glossary_word_for_word(qapp, knowledge, examples, tmp_path):
    path = tmp_path / "glossary.pdf"
    data = build_sheet_data(knowledge, examples[:1], "test", sections=["glossary"])
    write_pdf(path, data, "A4", ())
    text = " ".join(pdf_text(path, layout=False).split())
    assert (
        "Glossary The 5 archetypes are ways of placing ML work in an organization. "
        "Nascent / ad-hoc: Machine learning happens, if at all, where an individual decides to "
        "try it; Research & Development: ML lives in the research arm and aims at long-term "
        "breakthroughs; Business & Product Embedded: ML specialists sit inside product teams and "
        "ship with them; Independent ML organization: A dedicated ML division reports to senior "
        "leadership and serves the business lines; ML-First: The whole company is built around "
        "ML, from the CEO down. Each assessment is also placed on 3 design dimensions: Software "
        "engineering vs research runs from Research-led (0) to Engineering-led (100); Data "
        "ownership runs from Data consumer (0) to Data owner (100); Model ownership runs from "
        "Hands off (0) to Deploys and maintains (100). Fit (0–100) says how well the answers "
        "match an archetype; the reading names the best fit once enough questions are answered."
    ) in text
