"""The flowing part of the sheet (below page 1's charts) as one paginated QTextDocument.

``paginated`` builds it with every page break a reader expects, in an order that keeps the
cost in step with the sheet's length: first the breaks of a summary that flows onto later
pages (laid out alone, then written into its HTML), then the table's breaks
(``report.table_breaks``), then the keep rules and page separation of the whole
(``report.pagination``, over a visible part that grows in steps, ``report.reveal``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextFormat

from mlorg_desktop.report.org_section import organization_html
from mlorg_desktop.report.pagination import (
    apply_keep_rules,
    drop_breaks_before_blank_pages,
    separate_pages,
    set_first_page_offset,
)
from mlorg_desktop.report.paper_charts import font
from mlorg_desktop.report.road_section import roads_html
from mlorg_desktop.report.sheet_html import (
    STYLE,
    details_html,
    glossary_html,
    summary_html,
    table_html,
)
from mlorg_desktop.report.table_breaks import split_row, table_breaks

# Dropping a break that leaves a blank page and applying the keep rules again can undo each
# other (a keep rule puts the break back); a few rounds settle every sheet that can settle.
MAX_DROP_ROUNDS = 3

if TYPE_CHECKING:
    from mlorg_desktop.report.sheet import SheetData


def has_summary(data: SheetData) -> bool:
    return "summary" in data.sections and any(p.strip() for p in data.summary)


def paginated(
    data: SheetData, width: float, height: float, header: float, with_summary: bool
) -> QTextDocument:
    """The flowing part, laid out with every page break a reader expects."""
    summary_breaks = (
        _summary_breaks(data, width, height, header)
        if with_summary and has_summary(data)
        else frozenset()
    )

    def build(breaks: frozenset[int]) -> QTextDocument:
        return sheet_document(
            data,
            width,
            height,
            first_page_offset=header,
            with_summary=with_summary,
            summary_breaks=summary_breaks,
            table_breaks=breaks,
        )

    def probe(breaks: frozenset[int], first: int, last: int) -> QTextDocument:
        document = sheet_document(
            data,
            width,
            height,
            first_page_offset=header if first == 1 else 0,
            with_summary=with_summary and first == 1,
            summary_breaks=summary_breaks,
            table_breaks=breaks,
            table_only=True,
            table_rows=(first, last),
        )
        if first == 1 and with_summary:
            apply_keep_rules(document)  # the summary above the table, as it will be printed
        return document

    rows = len(data.comparison.rows)
    breaks = table_breaks(probe, rows) if "table" in data.sections else frozenset()
    # The keep rules can still move text above the table: check once more.
    for _ in range(3):
        document = build(breaks)
        apply_keep_rules(document)
        for _ in range(MAX_DROP_ROUNDS):
            if not drop_breaks_before_blank_pages(document):
                break
            apply_keep_rules(document)  # the text after a dropped break moved up a page
        else:
            drop_breaks_before_blank_pages(document)  # never a blank page, whatever is left
        row = split_row(document, breaks)
        if row is None:
            break
        breaks = table_breaks(probe, rows, breaks | {row}, start=row)
    separate_pages(document)
    return document


def _summary_breaks(data: SheetData, width: float, height: float, header: float) -> frozenset[int]:
    """Which of the summary's heading (0) and paragraphs (1, 2, …) open a page, found by laying
    the summary out alone: written into the HTML, they spare the whole document the fixes
    (each would lay out the table below it again). Empty when the rules split a paragraph
    (a very long edited one): the whole document's keep rules then do it."""
    document = sheet_document(
        data, width, height, first_page_offset=header, with_summary=True, summary_only=True
    )
    blocks = document.blockCount()
    apply_keep_rules(document)
    if document.blockCount() != blocks:
        return frozenset()
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    found = set()
    block = document.begin().next() if header > 0 else document.begin()  # past the spacer
    ordinal = 0
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() & always:
            found.add(ordinal)
        block, ordinal = block.next(), ordinal + 1
    return frozenset(found)


def sheet_document(
    data: SheetData,
    width: float,
    page_height: float,
    *,
    first_page_offset: float,
    with_summary: bool = False,
    summary_breaks: frozenset[int] = frozenset(),
    summary_only: bool = False,
    table_breaks: frozenset[int] = frozenset(),
    table_only: bool = False,
    table_rows: tuple[int, int] | None = None,
) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font(9))
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(width, page_height))
    rows = data.comparison.rows
    parts = [STYLE]
    if with_summary and has_summary(data):
        parts.append(summary_html(rows, data.summary, summary_breaks))
    if "table" in data.sections and not summary_only:
        first, last = table_rows or (1, len(rows))
        parts.append(table_html(rows[first - 1 : last], data.catalog, table_breaks, first=first))
    if not (table_only or summary_only):
        if "organization" in data.sections:
            parts.append(organization_html(data.organizations, data.catalog))
        if "road" in data.sections:
            parts.append(roads_html(data.roads, data.catalog))
        if "details" in data.sections:
            parts.extend(details_html(i, row, data.catalog) for i, row in enumerate(rows, 1))
        if "glossary" in data.sections:
            parts.append(glossary_html(data.catalog))
    document.setHtml("".join(parts))
    set_first_page_offset(document, first_page_offset)
    return document
