"""Pagination fixes in steps over a growing visible part of the document, so each costs little.

Every fix (a page break, a split paragraph) makes Qt lay out the document again from the fix to
its end, so fixing a long sheet break by break costs the square of its length. The blocks that
are not yet checked are hidden instead (a hidden block takes no room and Qt lays it out in next
to no time) and shown a few at a time: a fix then re-lays out only the few pages shown after it.
Text lays out from the top down, so the visible part is laid out exactly as in the whole
document; the rules that need the true end (the last page) wait until everything is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

REVEAL_BLOCKS = 40  # blocks shown per step: about a page of the sheet's flowing text


def hidden_tail(document: QTextDocument) -> bool:
    """Whether some blocks are still hidden (they are only ever the document's last ones)."""
    return not document.lastBlock().isVisible()


def first_hidden(document: QTextDocument, position: int) -> int:
    """The position of the first hidden block at or after ``position``, else the end."""
    block = document.findBlock(position)
    while block.isValid() and block.isVisible():
        block = block.next()
    return block.position() if block.isValid() else document.characterCount()


def _outside_tables(document: QTextDocument, start: int) -> list[QTextBlock]:
    """The blocks from ``start`` on, once the last table is behind (tables stay visible)."""
    blocks = []
    block = document.findBlock(start)
    while block.isValid():
        if QTextCursor(block).currentTable() is not None:
            blocks = []
        else:
            blocks.append(block)
        block = block.next()
    return blocks


def in_steps(document: QTextDocument, fix_from: Callable[[QTextDocument, int], object]) -> None:
    """Hide the flowing blocks after the last table, then show them ``REVEAL_BLOCKS`` at a time,
    calling ``fix_from(document, position)`` after each step from a little before it."""
    blocks = _outside_tables(document, 0)
    if len(blocks) <= REVEAL_BLOCKS:
        fix_from(document, 0)
        return
    for block in blocks[REVEAL_BLOCKS:]:
        block.setVisible(False)
    start = blocks[REVEAL_BLOCKS].position()
    document.markContentsDirty(start, document.characterCount() - start)
    resume = 0
    for step in range(REVEAL_BLOCKS, len(blocks) + REVEAL_BLOCKS, REVEAL_BLOCKS):
        fix_from(document, resume)
        shown = blocks[step : step + REVEAL_BLOCKS]
        if not shown:
            break
        # Look again from the last page shown: its foot was the visible part's end.
        resume = _page_start_before(document, shown[0])
        for block in shown:
            block.setVisible(True)
        end = shown[-1].position() + shown[-1].length()
        document.markContentsDirty(shown[0].position(), end - shown[0].position())


def _page_start_before(document: QTextDocument, block: QTextBlock) -> int:
    """A block some way before ``block``, where a new scan can safely start."""
    for _ in range(12):
        previous = block.previous()
        if not previous.isValid():
            break
        block = previous
    return block.position()
