"""Page breaks a reader expects from a paginated QTextDocument.

QTextDocument breaks pages line by line and knows no "keep with next". After each layout we
look at where lines fell and add breaks: a heading moves to the next page with its text; a
paragraph never leaves one lone line at the foot of a page or at the top of the next (a long
paragraph is split at a line start, so its lines and spacing stay as they were); the last page
does not hold a single line if one more can join it.

The first page's title block and charts are not part of the document: a spacer block of
that height opens it. (The root frame's top margin would be applied again on every
page: QTextDocumentLayout treats root-frame margins as page margins.)
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument

MAX_PASSES = 60  # each pass fixes at least one break; a long sheet needs a handful
LINES_KEPT_WITH_HEADING = 2


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


def paginate(document: QTextDocument) -> int:
    """Apply the keep rules, then separate the pages; returns the page count."""
    apply_keep_rules(document)
    return separate_pages(document)


def apply_keep_rules(document: QTextDocument) -> None:
    """Headings with their text, no lone lines, until the layout is stable."""
    for _ in range(MAX_PASSES):
        if not _fix_one(document):
            break
        _relayout(document)


def first_split_row(document: QTextDocument) -> str | None:
    """The first table row that Qt broke across two pages, named by its first cell's text."""
    lines = _lines(document, in_tables=True)
    for line, nxt in zip(lines, lines[1:], strict=False):
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
    for _ in range(MAX_PASSES * 4):
        if not _split_one_straddler(document):
            break
        _relayout(document)
    return document.pageCount()


def _relayout(document: QTextDocument) -> None:
    """Lay the whole document out again: after a block is split, Qt's incremental layout
    can leave a later line across a page edge."""
    document.markContentsDirty(0, document.characterCount())


def _split_one_straddler(document: QTextDocument) -> bool:
    lines = _lines(document, in_tables=True)
    for line, nxt in zip(lines, lines[1:], strict=False):
        if nxt.block == line.block and nxt.page != line.page:
            return _split_before_line(line.block, nxt.index, force_break=False)
    return False


def _lines(document: QTextDocument, *, in_tables: bool = False) -> list[_Line]:
    """Every line, in reading order, with its page; table cells only if ``in_tables`` (the
    keep rules leave tables alone; Qt repeats their header on each page)."""
    layout = document.documentLayout()
    height = document.pageSize().height()
    out = []
    block = document.begin()
    while block.isValid():
        if in_tables or QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                y = top + text_layout.lineAt(i).y()
                # Qt keeps positions in 1/64 point steps: round before comparing with a page edge.
                out.append(_Line(block, i, int((y + 0.5) // height)))
        block = block.next()
    return out


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def _fix_one(document: QTextDocument) -> bool:
    """Find the first break that breaks a rule and fix it; False when every rule holds."""
    lines = _lines(document)
    for n in range(len(lines) - 1):
        line, nxt = lines[n], lines[n + 1]
        if nxt.page != line.page and _fix_page_foot(lines, n):
            return True
    return _fix_last_page(lines)


def _fix_page_foot(lines: list[_Line], n: int) -> bool:
    """``lines[n]`` is the last line of its page."""
    line, nxt = lines[n], lines[n + 1]
    block = line.block
    if _is_heading(block):
        return _break_before(_heading_chain_start(block))
    # A heading followed by fewer than LINES_KEPT_WITH_HEADING lines on this page.
    for earlier in lines[max(0, n - LINES_KEPT_WITH_HEADING + 1) : n]:
        if _is_heading(earlier.block) and earlier.page == line.page:
            return _break_before(_heading_chain_start(earlier.block))
    if nxt.block != block:
        return False
    count = block.layout().lineCount()
    if line.index == 0:  # the paragraph leaves one lone line at the foot
        return _break_before(_heading_chain_start(block))
    if line.index == count - 2:  # ... or one lone line at the top of the next page
        if count >= 4:
            return _split_before_line(block, line.index)
        return _break_before(_heading_chain_start(block))
    return False


def _fix_last_page(lines: list[_Line]) -> bool:
    """The last page should not hold a single line when one more can join it."""
    if len(lines) < 2 or lines[-2].page != lines[-1].page - 1:
        return False
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


def _break_before(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    if block == block.document().begin() or (
        fmt.pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
    ):
        return False  # nothing to gain: already at a page start
    fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)
    return True


def _split_before_line(block: QTextBlock, line_index: int, *, force_break: bool = True) -> bool:
    """Split ``block`` where line ``line_index`` starts; the second part opens the next page.

    The break falls at a line start, so both parts wrap exactly as the whole did. Without
    ``force_break`` the line must already open a page: Qt's "break before" on a block that
    starts exactly at a page top skips a whole page."""
    line = block.layout().lineAt(line_index)
    if line_index == 0:
        return _break_before(block) if force_break else False
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
    return True
