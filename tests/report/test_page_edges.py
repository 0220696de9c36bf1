"""What happens at a page edge, on a small page (300 x 200 points) where the numbers are easy
to follow. No blank page where Qt's "break before" meets a page that is already full (a table
whose bottom padding and border spill past page 1's foot puts the layout on page 2 without
any text there); no paragraph drawn on two pages; no lone last line at the top of a page."""

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

from mlorg_desktop.report.pagination import (
    _lines,
    apply_keep_rules,
    drop_breaks_before_blank_pages,
    separate_pages,
)

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
        cursor.insertTable(1, 1, broken).cellAt(0, 0).firstCursorPosition().insertText("Next page")
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


def _line_tops(document: QTextDocument) -> list[tuple[str, float]]:
    """Every line of the document with the first word on it and its top, in points."""
    out = []
    layout = document.documentLayout()
    for line in _lines(document, in_tables=True):
        top = layout.blockBoundingRect(line.block).top()
        text_line = line.block.layout().lineAt(line.index)
        words = line.block.text()[text_line.textStart() :].split()
        out.append((words[0] if words else "", round(top + text_line.y(), 2)))
    return out


def test_a_table_paragraph_across_a_break_is_split_where_the_page_ends(qapp):
    """A paragraph in a table cell (the keep rules leave tables alone) with its first line at
    page 1's foot and the rest on page 2: drawn whole on each page, its text would be in
    both pages' text layer. It is split there, each line staying where it was."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    tall = QTextBlockFormat()
    tall.setLineHeight(160, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(tall)
    cursor.insertText("Spacer")
    cursor.insertBlock(QTextBlockFormat())
    table = cursor.insertTable(1, 1, QTextTableFormat())
    words = [f"word{i}" for i in range(60)]
    table.cellAt(0, 0).firstCursorPosition().insertText(" ".join(words))
    before = _line_tops(document)
    pages = {line.page for line in _lines(document, in_tables=True) if "word" in line.block.text()}
    assert pages == {0, 1}  # the case: one paragraph on both pages

    assert separate_pages(document) == 2
    by_block: dict[int, set[int]] = {}
    for line in _lines(document, in_tables=True):
        by_block.setdefault(line.block.blockNumber(), set()).add(line.page)
    assert all(len(p) == 1 for p in by_block.values())  # no paragraph on two pages
    assert _line_tops(document) == before  # same lines, same places
    cell_text = " ".join(
        b.text() for b in _blocks(document) if QTextCursor(b).currentTable() is not None
    )
    assert cell_text.split() == words


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_lone_last_line_takes_the_line_before_it_to_the_next_page(qapp):
    """A 13-line paragraph whose last line alone falls on page 2: the paragraph is split so
    that its last two lines open page 2 together, and what follows comes after them."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    spacer = QTextBlockFormat()
    spacer.setLineHeight(32, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(spacer)
    cursor.insertText("Spacer")
    words = [f"word{i}" for i in range(78)]
    cursor.insertBlock(QTextBlockFormat())
    cursor.insertText(" ".join(words))
    cursor.insertBlock(QTextBlockFormat())
    cursor.insertText("After " + " ".join(f"tail{i}" for i in range(30)))

    def pages_of_words() -> list[int]:
        return [ln.page for ln in _lines(document) if ln.block.text().startswith("word")]

    assert pages_of_words() == [0] * 12 + [1]  # the case: 13 lines, the last one alone
    apply_keep_rules(document)
    assert pages_of_words() == [0] * 11 + [1, 1]
    text = " ".join(b.text() for b in _blocks(document))
    assert text.split()[1 : 1 + len(words)] == words  # every word once, in order
    assert [ln.page for ln in _lines(document) if ln.block.text().startswith("After")] == [1] * 4


def test_a_heading_that_cannot_move_still_takes_a_second_line_to_the_last_page(qapp):
    """A 15-line heading opens the document, so it cannot move to a page of its own, and its
    last line alone falls on page 2: the split itself must start page 2, because no later
    rule will put a break there (a heading keeps with the heading chain above it)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    heading = QTextBlockFormat()
    heading.setHeadingLevel(3)
    cursor.setBlockFormat(heading)
    words = [f"word{i}" for i in range(90)]
    cursor.insertText(" ".join(words))
    assert [ln.page for ln in _lines(document)] == [0] * 14 + [1]  # the case
    apply_keep_rules(document)
    # (block, page) of each line: the last two lines, split off together, open page 2.
    placed = [(ln.block.blockNumber(), ln.page) for ln in _lines(document)]
    assert placed == [(0, 0)] * 13 + [(1, 1)] * 2
    assert " ".join(b.text() for b in _blocks(document)).split() == words
