"""Page breaks a reader expects from a paginated QTextDocument.

QTextDocument breaks pages line by line and knows no "keep with next". After each layout we
look at where lines fell and add breaks: a heading moves to the next page with its text; a
paragraph of up to ten lines is not split; a longer one never leaves one lone line at the
foot of a page or at the top of the next (it is split at a line start, so its lines and
spacing stay as they were); the last page does not hold a single line if one more can join.

The first page's title block and charts are not part of the document: a spacer block of
that height opens it. (The root frame's top margin would be applied again on every
page: QTextDocumentLayout treats root-frame margins as page margins.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)

from mlorg_desktop.report.reveal import first_hidden, hidden_tail, in_steps

MAX_PASSES = 2000  # each pass fixes one break and only moves text forward
RESCAN_BLOCKS = 12  # after a fix, look again from this many blocks before it
LINES_KEPT_WITH_HEADING = 2
KEEP_WHOLE_LINES = 10  # paragraphs up to this long are never split across pages


@dataclass(frozen=True)
class _Line:
    block: QTextBlock
    index: int  # line number within its block
    page: int


def set_first_page_offset(document: QTextDocument, offset: float) -> None:
    """Start the text ``offset`` points down page 1 with an empty spacer block of that height
    (a top margin would not do: the layout drops it for a block at the top of a page)."""
    if offset <= 0:
        return
    first = document.begin()
    cursor = QTextCursor(first)
    cursor.insertBlock(first.blockFormat(), first.charFormat())  # text moves to a new block
    spacer = QTextBlockFormat()
    spacer.setLineHeight(offset, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    spacer.setTopMargin(0)
    spacer.setBottomMargin(0)
    QTextCursor(document.begin()).setBlockFormat(spacer)


def apply_keep_rules(document: QTextDocument) -> None:
    """Headings with their text, no lone lines, until the layout is stable.

    A fix changes nothing before it, so the next scan starts a little before the last fix
    and the layout is redone from there, over a visible part that grows in steps
    (``report.reveal``: a whole-document relayout per fix is quadratic). A full layout and
    scan then confirm that every rule holds."""
    in_steps(document, _keep_rules_from)
    for _ in range(MAX_PASSES):
        _relayout(document, 0)  # once in full: the partial ones below can leave a stale line
        if not _keep_rules_from(document, 0):
            return


def _keep_rules_from(document: QTextDocument, start: int) -> bool:
    """Fix breaks from ``start`` on; True if anything changed."""
    changed_any = False
    for _ in range(MAX_PASSES):
        changed = _fix_one(document, start)
        if changed is None:
            break
        changed_any = True
        _relayout(document, changed)
        start = _resume_at(document, changed)
    return changed_any


def drop_breaks_before_blank_pages(document: QTextDocument) -> bool:
    """Clear the "break before" of whatever opens the page after a blank one; True if any.

    Qt's "break before" moves a block or table to the page after the one the layout is on.
    When what comes before it ends right at a page's foot, the layout is already on the
    next page (a table's bottom padding and border, or the empty block Qt keeps between
    two tables, spill over without any text), and the break leaves that page empty."""
    changed = False
    for _ in range(MAX_PASSES):
        used = {line.page for line in _lines(document, in_tables=True)}
        blank = [page for page in range(document.pageCount()) if page not in used]
        if not blank or not _drop_break_on(document, blank[0] + 1):
            return changed
        changed = True
        _relayout(document, 0)
    return changed


def _drop_break_on(document: QTextDocument, page: int) -> bool:
    """Clear the "break before" that opens ``page``; False if nothing there has one."""
    line = next((ln for ln in _lines(document, in_tables=True) if ln.page >= page), None)
    if line is None or line.page != page:
        return False
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    table = QTextCursor(line.block).currentTable()
    if table is not None and table.format().pageBreakPolicy() & always:
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFrameFormat.PageBreakFlag.PageBreak_Auto)
        table.setFormat(table_format)
        return True
    block_format = line.block.blockFormat()
    if block_format.pageBreakPolicy() & always:
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        QTextCursor(line.block).setBlockFormat(block_format)
        return True
    return False


def first_split_row(document: QTextDocument) -> str | None:
    """The first table row that Qt broke across two pages, named by its first cell's text."""
    for line, nxt in _pairs(_lines(document, in_tables=True)):
        if nxt.page == line.page:
            continue
        here, there = QTextCursor(line.block), QTextCursor(nxt.block)
        table = here.currentTable()
        if table is None or there.currentTable() != table:
            continue
        row = table.cellAt(here).row()
        if table.cellAt(there).row() == row:
            return table.cellAt(row, 0).firstCursorPosition().block().text()
    return None


def separate_pages(document: QTextDocument) -> int:
    """No paragraph is left running across a page break: drawing one page draws every
    line of each paragraph it touches (clipped, but still in the PDF's text layer, where a
    search or a copy finds it), so each paragraph is split where its next page starts."""
    in_steps(document, _split_straddlers_from)
    _relayout(document, 0)
    if _split_one_straddler(document, 0) is not None:  # rare: start again in full
        return separate_pages(document)
    return document.pageCount()


def _split_straddlers_from(document: QTextDocument, start: int) -> None:
    for _ in range(MAX_PASSES):
        changed = _split_one_straddler(document, start)
        if changed is None:
            break
        _relayout(document, changed)
        start = _resume_at(document, changed)


def _relayout(document: QTextDocument, position: int) -> None:
    """Lay the visible document out again from ``position`` on: after a block is split or
    given a break, Qt's incremental layout can leave a later line across a page edge."""
    document.markContentsDirty(position, first_hidden(document, position) - position)


def _resume_at(document: QTextDocument, position: int) -> int:
    block = document.findBlock(position)
    for _ in range(RESCAN_BLOCKS):
        if not block.previous().isValid():
            break
        block = block.previous()
    return block.position()


def _split_one_straddler(document: QTextDocument, start: int) -> int | None:
    for line, nxt in _pairs(_lines(document, in_tables=True, start=start)):
        if nxt.block == line.block and nxt.page != line.page:
            return _split_before_line(line.block, nxt.index, force_break=False)
    return None


def _pairs(lines: Iterator[_Line]) -> Iterator[tuple[_Line, _Line]]:
    previous = next(lines, None)
    for line in lines:
        assert previous is not None
        yield previous, line
        previous = line


def _lines(document: QTextDocument, *, in_tables: bool = False, start: int = 0) -> Iterator[_Line]:
    """Every line from the block at ``start`` on, in reading order, with its page; table
    cells only if ``in_tables`` (the keep rules leave tables alone). Lazy: a scan stops at
    the first break it fixes."""
    layout = document.documentLayout()
    height = document.pageSize().height()
    block = document.findBlock(start)
    while block.isValid() and block.isVisible():  # hidden blocks: the part not shown yet
        if in_tables or QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                y = top + text_layout.lineAt(i).y()
                # Qt keeps positions in 1/64 point steps: round before comparing with a page edge.
                yield _Line(block, i, int((y + 0.5) // height))
        block = block.next()


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def _fix_one(document: QTextDocument, start: int) -> int | None:
    """Fix the first break after ``start`` that breaks a rule; returns where the document
    changed, None when every rule holds."""
    window: list[_Line] = []  # the last few lines: all the rules look at
    for line in _lines(document, start=start):
        window.append(line)
        if len(window) > LINES_KEPT_WITH_HEADING + 1:
            del window[0]
        if len(window) >= 2 and window[-1].page != window[-2].page:
            changed = _fix_page_foot(window, len(window) - 2)
            if changed is not None:
                return changed
    return None if hidden_tail(document) else _fix_last_page(window)


def _fix_page_foot(lines: list[_Line], n: int) -> int | None:
    """``lines[n]`` is the last line of its page."""
    line, nxt = lines[n], lines[n + 1]
    block = line.block
    if _is_heading(block):
        return _break_before(_heading_chain_start(block))
    # A heading followed by fewer than LINES_KEPT_WITH_HEADING lines on this page, unless the
    # next page opens with a heading: then the heading's short text ended on this page.
    for earlier in lines[max(0, n - LINES_KEPT_WITH_HEADING + 1) : n]:
        if _is_heading(earlier.block) and earlier.page == line.page and not _is_heading(nxt.block):
            return _break_before(_heading_chain_start(earlier.block))
    if nxt.block != block:
        return None
    count = block.layout().lineCount()
    if count <= KEEP_WHOLE_LINES:  # a short paragraph (the glossary, a note) stays in one piece
        return _break_before(_moving_start(block))
    if line.index == 0:  # the paragraph leaves one lone line at the foot
        return _break_before(_moving_start(block))
    if line.index == count - 2:  # ... or one lone line at the top of the next page
        if count >= 4:
            return _split_before_line(block, line.index)
        return _break_before(_moving_start(block))
    return None


def _moving_start(block: QTextBlock) -> QTextBlock:
    """Where the next page must start for ``block`` to move onto it: at its heading chain, or
    at the heading it would leave behind with fewer than LINES_KEPT_WITH_HEADING lines (moving
    the heading later instead would leave this block's break stale: a page of two lines)."""
    start = _heading_chain_start(block)
    if start != block:
        return start
    kept = 0
    previous = block.previous()
    while previous.isValid() and kept < LINES_KEPT_WITH_HEADING:
        if _is_heading(previous):
            return _heading_chain_start(previous)
        if QTextCursor(previous).currentTable() is not None:
            break
        kept += previous.layout().lineCount()
        previous = previous.previous()
    return block


def _fix_last_page(lines: list[_Line]) -> int | None:
    """The last page should not hold a single line when one more can join it."""
    if len(lines) < 2 or lines[-2].page != lines[-1].page - 1:
        return None
    only, before = lines[-1], lines[-2]
    if only.block == before.block:
        if only.block.layout().lineCount() >= 4:
            return _split_before_line(only.block, before.index)
        return _break_before(_heading_chain_start(only.block))
    return _break_before(_heading_chain_start(before.block))


def _heading_chain_start(block: QTextBlock) -> QTextBlock:
    """The first of the headings directly above ``block`` (a heading keeps with its text)."""
    while True:
        previous = block.previous()
        if not (previous.isValid() and _is_heading(previous)):
            return block
        block = previous


def _break_before(block: QTextBlock) -> int | None:
    """Start a page with ``block``; returns its position, or None if it already does."""
    fmt = block.blockFormat()
    if (
        block == block.document().begin()
        or fmt.pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
        or _opens_page(block)
    ):
        return None  # nothing to gain: already at a page start
    fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)
    return block.position()


def _opens_page(block: QTextBlock) -> bool:
    """Whether ``block``'s first line is the first on its page (a break before it would leave
    that page blank; it can sit a few points down, below padding spilled from the page before).
    """
    document = block.document()
    height = document.pageSize().height()
    if block.layout().lineCount() == 0:
        return False
    y = document.documentLayout().blockBoundingRect(block).top() + block.layout().lineAt(0).y()
    page = int((y + 0.5) // height)
    previous = block.previous()
    while previous.isValid() and previous.layout().lineCount() == 0:
        previous = previous.previous()
    if not previous.isValid():
        return False
    layout = previous.layout()
    last = layout.lineAt(layout.lineCount() - 1)
    top = document.documentLayout().blockBoundingRect(previous).top() + last.y()
    return int((top + 0.5) // height) < page


def _split_before_line(
    block: QTextBlock, line_index: int, *, force_break: bool = True
) -> int | None:
    """Split ``block`` where line ``line_index`` starts; the second part opens the next page.

    The break falls at a line start, so both parts wrap exactly as the whole did. Without
    ``force_break`` the line must already open a page: Qt's "break before" on a block that
    starts exactly at a page top skips a whole page."""
    line = block.layout().lineAt(line_index)
    if line_index == 0:
        return _break_before(block) if force_break else None
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + line.textStart())
    fmt = block.blockFormat()
    bottom = fmt.bottomMargin()
    fmt.setBottomMargin(0)
    QTextCursor(block).setBlockFormat(fmt)
    cursor.insertBlock()
    second = cursor.block()
    second_fmt = second.blockFormat()
    second_fmt.setTopMargin(0)
    second_fmt.setBottomMargin(bottom)
    if force_break:
        second_fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(second_fmt)
    return block.position()
