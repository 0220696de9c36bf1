"""No blank page where Qt's "break before" meets a page that is already full: a table whose
bottom padding and border spill past page 1's foot puts the layout on page 2 without any
text there, so a break before what follows would leave page 2 empty. Built on a small page
(300 x 200 points) where the numbers are easy to follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTableFormat,
)

from mlorg_desktop.report.pagination import _lines, drop_breaks_before_blank_pages

ALWAYS = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def _full_page_then(text_height: float, *, next_in_table: bool) -> QTextDocument:
    """A one-cell table (padding 10, border 2) whose text is ``text_height`` points high, then
    "Next page", with a break before it, as a paragraph or as a one-cell table."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    boxed = QTextTableFormat()
    boxed.setCellPadding(10)
    boxed.setBorder(2)
    cell = cursor.insertTable(1, 1, boxed).cellAt(0, 0).firstCursorPosition()
    tall = QTextBlockFormat()
    tall.setLineHeight(text_height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cell.setBlockFormat(tall)
    cell.insertText("Fills page one")
    cursor.movePosition(QTextCursor.MoveOperation.End)
    if next_in_table:
        broken = QTextTableFormat()
        broken.setPageBreakPolicy(ALWAYS)
        cursor.insertTable(1, 1, broken).cellAt(0, 0).firstCursorPosition().insertText(
            "Next page"
        )
    else:
        broken_block = QTextBlockFormat()
        broken_block.setPageBreakPolicy(ALWAYS)
        cursor.insertBlock(broken_block)
        cursor.insertText("Next page")
    return document


def _pages_of(document: QTextDocument) -> dict[str, int]:
    return {line.block.text(): line.page for line in _lines(document, in_tables=True)}


@pytest.mark.parametrize(
    ("text_height", "next_in_table"),
    [(176, False), (170, True)],
    ids=["paragraph", "table"],
)
def test_the_break_that_leaves_a_page_blank_is_dropped(qapp, text_height, next_in_table):
    document = _full_page_then(text_height, next_in_table=next_in_table)
    # What Qt does alone: 3 pages, the second without a line, "Next page" on the third.
    assert document.pageCount() == 3
    assert _pages_of(document)["Next page"] == 2
    assert 1 not in _pages_of(document).values()
    assert drop_breaks_before_blank_pages(document) is True
    # Two pages: "Next page" opens the second one.
    assert document.pageCount() == 2
    assert _pages_of(document)["Next page"] == 1
    assert drop_breaks_before_blank_pages(document) is False  # nothing more to do


def test_a_blank_last_page_without_a_break_is_reported_as_nothing_to_drop(qapp):
    """The table alone: its spill makes a second page that no break made. There is nothing to
    drop, so the sheet goes on (flow.py stops its rounds on False) instead of failing."""
    document = _full_page_then(176, next_in_table=False)
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    cursor.removeSelectedText()  # "Next page" and its break go
    assert "Next page" not in _pages_of(document)
    assert document.pageCount() == 2 and 1 not in _pages_of(document).values()
    assert drop_breaks_before_blank_pages(document) is False
    assert document.pageCount() == 2
