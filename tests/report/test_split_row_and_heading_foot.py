"""Two page-edge rules on a small page (300 x 200 points, lines of a fixed 20 points): which
table row Qt broke across two pages (the sheet starts a new table before it), and a heading
whose one-line text ends a page goes to the next page with it."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextTableFormat

from mlorg_desktop.report.pagination import _lines, apply_keep_rules, first_split_row


def _fixed(height: float, *, heading: int = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    fmt.setHeadingLevel(heading)
    return fmt


def _page(spacer: float) -> tuple[QTextDocument, QTextCursor]:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    cursor.setBlockFormat(_fixed(spacer))
    cursor.insertText("Spacer")
    return document, cursor


def _three_rows_below(spacer: float) -> QTextDocument:
    """A spacer, then a table of three rows: "1", "2", "3" in the first column and, in the
    second, twelve words that wrap to three lines of 20 points."""
    document, cursor = _page(spacer)
    cursor.insertBlock(QTextBlockFormat())
    table = cursor.insertTable(3, 2, QTextTableFormat())
    for row in range(3):
        table.cellAt(row, 0).firstCursorPosition().insertText(str(row + 1))
        cell = table.cellAt(row, 1).firstCursorPosition()
        cell.setBlockFormat(_fixed(20))
        cell.insertText(" ".join(f"row{row + 1}w{i}" for i in range(12)))
    return document


def _pages(document: QTextDocument) -> list[tuple[str, int]]:
    """(first word, page) of each line, table cells included."""
    return [
        ((line.block.text().split() or [""])[0], line.page)
        for line in _lines(document, in_tables=True)
    ]


def test_the_row_whose_lines_fall_on_two_pages_is_named(qapp):
    document = _three_rows_below(80)
    # The case: the second row's first line ends page 1, its other two open page 2.
    assert [p for w, p in _pages(document) if w.startswith("row2")] == [0, 1, 1]
    assert first_split_row(document) == "2"


def test_a_table_that_breaks_between_rows_has_no_split_row(qapp):
    document = _three_rows_below(120)
    # The case: row 1 ends page 1, row 2 opens page 2 whole.
    assert [p for w, p in _pages(document) if w.startswith("row1")] == [0, 0, 0]
    assert [p for w, p in _pages(document) if w.startswith("row2")] == [1, 1, 1]
    assert first_split_row(document) is None


def test_a_heading_and_its_one_line_note_at_a_page_foot_go_on_together(qapp):
    """150 points of spacer, a heading and a one-line note fill page 1 to 190 points; the next
    paragraph opens page 2. The heading would end page 1 with a single line of its text: it
    moves to page 2 and takes the note with it."""
    document, cursor = _page(150)
    cursor.insertBlock(_fixed(20, heading=3))
    cursor.insertText("Heading")
    cursor.insertBlock(_fixed(20))
    cursor.insertText("Note")
    cursor.insertBlock(_fixed(20))
    cursor.insertText("After " + " ".join(f"tail{i}" for i in range(14)))
    before = [(line.block.text().split()[0], line.page) for line in _lines(document)]
    assert before == [("Spacer", 0), ("Heading", 0), ("Note", 0), ("After", 1), ("After", 1)]
    apply_keep_rules(document)
    after = [(line.block.text().split()[0], line.page) for line in _lines(document)]
    assert after == [("Spacer", 0), ("Heading", 1), ("Note", 1), ("After", 1), ("After", 1)]
