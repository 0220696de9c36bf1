"""Where the summary table must start a new page so that Qt never splits a row across two.

Qt breaks a table row over a page edge (its cells' lines on two pages); the sheet starts a new
table, header repeated, before each such row instead. Finding the rows takes one layout per
break: after a break, the next one depends only on the rows from the break on, which start at
a page top. So each try lays out a short table (a window of rows from the last break) rather
than the whole table again, and the cost grows with the number of rows, not its square.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextDocument

from mlorg_desktop.report.pagination import first_split_row

WINDOW_ROWS = 60  # rows per try: more than a page holds
# A probe: the table's rows first..last (1-based, inclusive) with these breaks; from row 1
# it includes what precedes the table on the sheet, from a later row the table alone, whose
# first row (a break) opens a page.
Probe = Callable[[frozenset[int], int, int], QTextDocument]


def split_row(document: QTextDocument, breaks: frozenset[int]) -> int | None:
    """The first row Qt splits that does not already start a page, or None."""
    split = first_split_row(document)
    if split is None or not split.isdigit() or int(split) in breaks:
        return None
    return int(split)


def table_breaks(
    probe: Probe, rows: int, breaks: frozenset[int] = frozenset(), start: int = 1
) -> frozenset[int]:
    """Every row from ``start`` on before which the table must start a new page, added to
    ``breaks``."""
    window = WINDOW_ROWS
    for _ in range(rows + 1):  # each round adds a break or widens the window
        last = min(rows, start + window - 1)
        row = split_row(probe(breaks, start, last), breaks)
        if row is not None:
            breaks |= {row}
            start, window = row, WINDOW_ROWS
        elif last == rows:
            break
        else:
            window *= 2  # a tall stretch of rows: look further
    return breaks
