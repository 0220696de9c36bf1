"""An edited summary paragraph long enough to run onto page 2: its last lines move together,
and the next paragraph follows them on the same page (no page of two lines)."""

from __future__ import annotations

from mlorg_desktop.report.output import write_pdf
from mlorg_desktop.report.sheet import build_sheet_data
from tests.pdf_tools import pdf_pages, pdf_text

TWELVE = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"


def test_the_paragraph_after_a_split_one_follows_it(qapp, knowledge, examples, tmp_path):
    # 986 words fill page 1 (below the title block) and leave one line over: the keep rules
    # split the paragraph so that its last two lines open page 2 (no lone line there).
    long = " ".join([TWELVE] * 82) + " lorem ipsum endmark."
    data = build_sheet_data(
        knowledge, examples[:2], "test", sections=["summary"], summary=[long, "Second one."]
    )
    path = tmp_path / "summary.pdf"
    write_pdf(path, data, "A4", ())
    assert pdf_pages(path) == 2
    page_2 = [line for line in pdf_text(path, 2).splitlines() if line.strip()]
    assert len(page_2) == 4  # the paragraph's last two lines, the second paragraph, the footer
    assert page_2[1].endswith(" endmark.")
    assert " ".join(page_2[2].split()) == (
        "2. Northline Energy · Corporate Research Lab · Dr. Ilse Varga (2026-02-04) — Second one."
    )
    assert page_2[3].split()[-4:] == ["Page", "2", "of", "2"]
