"""The summary table starts a new page only before a row that would not fit at the foot of the
page before, whether the summary flows above the table (``paginated(..., with_summary=True)``)
or sits on top of page 1, outside the flowing document (``with_summary=False``): the breaks
are found with the summary where it will be printed, or without it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from mlorg_desktop.report.flow import paginated
from mlorg_desktop.report.sheet import build_sheet_data

CELL_TOP = 2.5  # a cell's padding (2) and half its border above its first line


def _line_boxes(document: QTextDocument):
    """(block, top, bottom) of every line, table cells included, in document points."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        for i in range(block.layout().lineCount()):
            line = block.layout().lineAt(i)
            yield block, top + line.y(), top + line.y() + line.height()
        block = block.next()


def _tables_opening_a_page(document: QTextDocument) -> list[tuple[str, float, float]]:
    """For each table but the first (the sheet starts one before each row it breaks at):
    the number of its first row, the room left below the last line of the page before, and
    the height of that first row's lines."""
    height = document.pageSize().height()
    foot: dict[int, float] = {}  # page -> bottom of its last line
    rows: dict[tuple[int, int], list] = {}  # (table, row) -> [top, bottom, number]
    tables: list[int] = []
    for block, top, bottom in _line_boxes(document):
        page = int((top + 0.5) // height)
        foot[page] = max(foot.get(page, 0.0), bottom)
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None:
            continue
        if table.firstPosition() not in tables:
            tables.append(table.firstPosition())
        row = table.cellAt(cursor).row()
        number = table.cellAt(row, 0).firstCursorPosition().block().text()
        box = rows.setdefault((table.firstPosition(), row), [top, bottom, number])
        box[0], box[1] = min(box[0], top), max(box[1], bottom)
    out = []
    for table in tables[1:]:
        top, bottom, number = rows[(table, 1)]  # row 0 is the header
        page = int((top + 0.5) // height)
        out.append((number, round(page * height - foot[page - 1], 1), round(bottom - top, 1)))
    return out


@pytest.mark.parametrize(
    ("header", "with_summary"),
    [(150, True), (0, False)],
    ids=["summary-flows-above-the-table", "summary-on-top-of-page-1"],
)
def test_no_row_opens_a_page_it_could_have_ended(qapp, knowledge, many, header, with_summary):
    data = build_sheet_data(knowledge, many(20), "s", sections=["summary", "table"])
    # A 400-point page: the twenty rows take a few pages, each row 33 or 44 points high.
    document = paginated(data, 500, 400, header, with_summary)
    opening = _tables_opening_a_page(document)
    assert opening  # the case: the table does break
    for number, room, row_height in opening:
        assert room < row_height + CELL_TOP, (number, room, row_height)
