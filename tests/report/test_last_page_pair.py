"""The last page never holds one line alone when the line before it can join it."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

from mlorg_desktop.report.pagination import _lines, apply_keep_rules


def test_a_lone_last_paragraph_takes_the_one_before_it_to_the_last_page(qapp):
    """Eleven one-line paragraphs 20 points high on 200-point pages: the eleventh alone falls
    on page 2, so the tenth moves there with it (a page with one line looks like a mistake)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(300, 200))
    cursor = QTextCursor(document)
    line = QTextBlockFormat()
    line.setLineHeight(20, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(line)
    cursor.insertText("Paragraph 1")
    for n in range(2, 12):
        cursor.insertBlock(line)
        cursor.insertText(f"Paragraph {n}")

    def pages() -> list[tuple[str, int]]:
        return [(ln.block.text(), ln.page) for ln in _lines(document)]

    assert [p for _, p in pages()] == [0] * 10 + [1]  # the case
    apply_keep_rules(document)
    assert pages() == [(f"Paragraph {n}", 0) for n in range(1, 10)] + [
        ("Paragraph 10", 1),
        ("Paragraph 11", 1),
    ]
