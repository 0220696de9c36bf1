"""The top of the sheet's first page: title, what is compared, the summary, charts and legend.

``first_page_top(painter, width, data)`` draws it, or only measures it when ``painter`` is None,
so the flowing document below can start exactly where it ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QTextDocument

from mlorg_desktop.report.paper_charts import (
    TEXT,
    WRAP,
    draw_fit_bars,
    draw_legend,
    draw_radar,
    font,
    legend_height,
)
from mlorg_desktop.report.sheet_html import STYLE, series_label, summary_html

if TYPE_CHECKING:
    from mlorg_desktop.report.sheet import SheetData

CHART_HEIGHT = 210.0
GAP = 10.0


def compared_line(data: SheetData) -> str:
    """Who and what is compared, in one sentence."""
    rows = [r.assessment for r in data.comparison.rows]
    orgs = list(dict.fromkeys(a.organization for a in rows))
    people = list(dict.fromkeys(a.respondent for a in rows if a.respondent))
    dates = sorted(a.assessed_on for a in rows)
    if len(rows) == 1:
        text = f"One assessment of {orgs[0]}"
    else:
        text = (
            f"Compares {len(rows)} assessments of "
            f"{len(orgs)} organization{'s' if len(orgs) != 1 else ''}: {', '.join(orgs)}"
        )
    if people:
        text += f"; answered by {', '.join(people)}"
    if dates:
        text += f"; assessed {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    return text + "."


def summary_document(data: SheetData, width: float) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font(9))
    document.setDocumentMargin(0)
    document.setHtml(STYLE + summary_html(data.comparison.rows, data.summary))
    document.setTextWidth(width)
    return document


def _text_height(text: str, size: int, width: float, *, bold: bool = False) -> float:
    box = QFontMetricsF(font(size, bold=bold)).boundingRect(QRectF(0, 0, width, 10_000), WRAP, text)
    return box.height() + 1


def first_page_top(
    painter: QPainter | None, width: float, data: SheetData, *, with_summary: bool
) -> float:
    """Draw (or, without a painter, measure) the top of page 1; returns its height."""
    y = 0.0

    def text(line: str, size: int, *, bold: bool = False, gap: float = 2.0) -> None:
        nonlocal y
        height = _text_height(line, size, width, bold=bold)
        if painter is not None:
            painter.setFont(font(size, bold=bold))
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y, width, height), WRAP, line)
        y += height + gap

    if painter is not None:
        painter.save()
    text(data.title, 18, bold=True)
    text(f"Generated {data.generated_on} · Source: {data.source}", 9)
    text(compared_line(data), 9, gap=GAP)
    if with_summary:
        document = summary_document(data, width)
        if painter is not None:
            painter.save()
            painter.translate(0, y)
            document.drawContents(painter, QRectF(0, 0, width, document.size().height()))
            painter.restore()
        y += document.size().height() + GAP
    if "charts" in data.sections and data.charted:
        y = _charts(painter, width, data, y)
    if painter is not None:
        painter.restore()
    return y


def _charts(painter: QPainter | None, width: float, data: SheetData, y: float) -> float:
    charted = data.charted
    labels = [series_label(r.assessment) for r in charted]
    half = width * 0.48
    if painter is not None:
        painter.setFont(font(10, bold=True))
        painter.setPen(TEXT)
        left = Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRectF(0, y, half, 14), left, "Positions on the design dimensions")
        painter.drawText(
            QRectF(half + 10, y, width - half - 10, 14), left, "Fit per archetype (0–100)"
        )
        draw_radar(painter, QRectF(0, y + 16, half, CHART_HEIGHT), charted, data.catalog)
        draw_fit_bars(
            painter,
            QRectF(half + 10, y + 16, width - half - 10, CHART_HEIGHT),
            charted,
            data.catalog,
        )
    y += 16 + CHART_HEIGHT + 6
    if painter is not None:
        draw_legend(painter, QRectF(0, y, width, 0), labels)
    y += legend_height(labels, width)
    rows = data.comparison.rows
    if len(rows) > len(charted):
        note = (
            f"The charts show the first {len(charted)} of {len(rows)} assessments; "
            "the table lists all of them."
        )
        if painter is not None:
            painter.setFont(font(8))
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y + 2, width, 12), Qt.AlignmentFlag.AlignLeft, note)
        y += 14
    return y + GAP


def fits_on_first_page(data: SheetData, width: float, body_height: float) -> bool:
    """Whether the summary fits above the charts; if not it flows with the rest."""
    return first_page_top(None, width, data, with_summary=True) <= body_height - 40
