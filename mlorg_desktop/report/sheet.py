"""render_sheet(): the comparison sheet drawn onto any QPainter, page by page.

Page 1 starts with the title and the two charts, drawn directly as vectors; the summary table
and one block per assessment follow in a QTextDocument, which paginates and repeats the table
header. Every page gets a footer with its number. Units are points: the front-ends scale the
painter so that one unit is 1/72 inch on every device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextDocument

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import MAX_COMPARED, ComparedAssessment, Comparison, compare
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.reading_text import reading_explanation, reading_label
from mlorg_desktop.report.paper_charts import (
    LEGEND_LINE,
    TEXT,
    draw_fit_bars,
    draw_legend,
    draw_radar,
    font,
)

FOOTER_HEIGHT = 22.0
CHART_HEIGHT = 210.0
TITLE = "ML organization comparison"


@dataclass(frozen=True)
class SheetData:
    title: str
    generated_on: str
    source: str
    comparison: Comparison
    catalog: Catalog

    @property
    def charted(self) -> tuple[ComparedAssessment, ...]:
        """Charts stay readable up to eight series; the table always lists everyone."""
        return self.comparison.rows[:MAX_COMPARED]


def build_sheet_data(
    knowledge: Knowledge,
    assessments: Sequence[Assessment],
    source: str,
    *,
    title: str = TITLE,
    today: date | None = None,
) -> SheetData:
    return SheetData(
        title=title,
        generated_on=(today or date.today()).isoformat(),
        source=source,
        comparison=compare(knowledge, assessments),
        catalog=knowledge.catalog,
    )


def series_label(a: Assessment, *, with_respondent: bool = True) -> str:
    parts = [a.organization] + [p for p in (a.unit, a.respondent if with_respondent else "") if p]
    return " · ".join(parts) + f" ({a.assessed_on})"


def render_sheet(
    painter: QPainter, page: QSizeF, data: SheetData, new_page: Callable[[], object]
) -> int:
    """Draw the whole sheet; ``new_page`` starts the next page. Returns the page count."""
    body_height = page.height() - FOOTER_HEIGHT
    header = first_page_top_height(data)
    document = sheet_document(data, page.width(), body_height, first_page_offset=header)
    pages = document.pageCount()
    for number in range(pages):
        if number and new_page() is False:
            raise RuntimeError("the output device refused to start a new page")
        if number == 0:
            _draw_first_page_top(painter, page.width(), data)
        painter.save()
        painter.translate(0, -number * body_height)
        clip = QRectF(0, number * body_height, page.width(), body_height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette.setColor(context.palette.ColorRole.Text, TEXT)
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
        _draw_footer(painter, page, data, number + 1, pages)
    return pages


def first_page_top_height(data: SheetData) -> float:
    """Height of the title block, charts and legend that _draw_first_page_top draws."""
    charted = len(data.charted)
    if not charted:
        return 46.0
    note = 14.0 if len(data.comparison.rows) > charted else 0.0
    return 46.0 + 16 + CHART_HEIGHT + 6 + ((charted + 1) // 2) * LEGEND_LINE + note + 10


def _draw_first_page_top(painter: QPainter, width: float, data: SheetData) -> float:
    """Title block, charts and legend; returns the height they take."""
    painter.save()
    painter.setPen(TEXT)
    painter.setFont(font(18, bold=True))
    painter.drawText(QRectF(0, 0, width, 24), Qt.AlignmentFlag.AlignLeft, data.title)
    painter.setFont(font(9))
    rows = data.comparison.rows
    meta = f"Generated {data.generated_on} · {len(rows)} assessment(s) · Source: {data.source}"
    metrics = painter.fontMetrics()
    painter.drawText(
        QRectF(0, 26, width, 12),
        Qt.AlignmentFlag.AlignLeft,
        metrics.elidedText(meta, Qt.TextElideMode.ElideMiddle, int(width)),
    )
    y = 46.0
    charted = data.charted
    if charted:
        painter.setFont(font(10, bold=True))
        half = width * 0.48
        painter.drawText(
            QRectF(0, y, half, 14), Qt.AlignmentFlag.AlignLeft, "Positions on the design dimensions"
        )
        painter.drawText(
            QRectF(half + 10, y, width - half - 10, 14),
            Qt.AlignmentFlag.AlignLeft,
            "Fit per archetype (0–100)",
        )
        draw_radar(painter, QRectF(0, y + 16, half, CHART_HEIGHT), charted, data.catalog)
        draw_fit_bars(
            painter,
            QRectF(half + 10, y + 16, width - half - 10, CHART_HEIGHT),
            charted,
            data.catalog,
        )
        y += 16 + CHART_HEIGHT + 6
        y += draw_legend(
            painter,
            QRectF(0, y, width, 100),
            [series_label(r.assessment, with_respondent=False) for r in charted],
        )
        if len(rows) > len(charted):
            painter.setFont(font(8))
            painter.drawText(
                QRectF(0, y + 2, width, 12),
                Qt.AlignmentFlag.AlignLeft,
                f"The charts show the first {len(charted)} of {len(rows)} "
                "assessments; the table lists all of them.",
            )
            y += 14
        y += 10
    painter.restore()
    return y


def _draw_footer(painter: QPainter, page: QSizeF, data: SheetData, number: int, total: int) -> None:
    painter.save()
    top = page.height() - FOOTER_HEIGHT + 6
    painter.setPen(QPen(QColor("#9A9A9A"), 0.5))
    painter.drawLine(QPointF(0, top), QPointF(page.width(), top))
    painter.setPen(TEXT)
    painter.setFont(font(8))
    box = QRectF(0, top + 3, page.width(), 12)
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignLeft,
        f"{data.title} · {data.generated_on} · Confidential: for internal discussion",
    )
    painter.drawText(box, Qt.AlignmentFlag.AlignRight, f"Page {number} of {total}")
    painter.restore()


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def sheet_document(
    data: SheetData, width: float, page_height: float, *, first_page_offset: float
) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font(9))
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(width, page_height))
    root = document.rootFrame().frameFormat()
    root.setTopMargin(first_page_offset)
    root.setBottomMargin(0)
    root.setLeftMargin(0)
    root.setRightMargin(0)
    document.rootFrame().setFrameFormat(root)
    document.setHtml(_html(data))
    # setHtml resets the root frame; apply the first-page offset again.
    root = document.rootFrame().frameFormat()
    root.setTopMargin(first_page_offset)
    document.rootFrame().setFrameFormat(root)
    return document


def _html(data: SheetData) -> str:
    names = {a.id: a.name for a in data.catalog.archetypes}
    dims = data.catalog.dimensions
    headers = [
        ("#", 3),
        ("Assessment", 22),
        ("Reading", 17),
        ("Runner-up (margin)", 13),
        ("Cov.", 9),
    ] + [(d.short_name, 12) for d in dims]
    head = "".join(f"<th width='{w}%'>{escape(h)}</th>" for h, w in headers)
    body = []
    for index, row in enumerate(data.comparison.rows, start=1):
        s = row.score
        runner = f"{names[s.runner_up]} ({s.margin:.0f})" if s.leader and s.runner_up else "—"
        cells = [
            str(index),
            series_label(row.assessment, with_respondent=False),
            reading_label(s, names),
            runner,
            f"{s.answered}/{s.total}",
        ]
        cells += [_fmt(s.positions[d.id]) for d in dims]
        body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    parts = [
        "<style>th { background: #E8E8E8; font-weight: bold; text-align: left; }"
        " td, th { padding: 2px; } h3 { font-size: 11px; margin-top: 9px; margin-bottom: 1px; }"
        " p { margin-top: 1px; margin-bottom: 1px; }"
        " ul { margin-top: 0px; margin-bottom: 2px; margin-left: 0px; -qt-list-indent: 1; }"
        " li { margin: 0px; }</style>",
        "<p style='font-size: 11px'><b>Summary</b> — positions run from 0 to 100 "
        "(— means too few answers to place); Cov. is questions answered of all questions. "
        "An archetype is named only when its lead is robust: no answers to the open questions "
        "could put another ahead (docs/method.md).</p>",
        "<table width='100%' border='0.5' cellspacing='0' cellpadding='2'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
        f"<p style='color:#555555'>{escape(data.catalog.no_best_archetype)}</p>",
    ]
    for index, row in enumerate(data.comparison.rows, start=1):
        parts.append(_assessment_html(index, row, names))
    return "".join(parts)


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _assessment_html(index: int, row: ComparedAssessment, names: dict[str, str]) -> str:
    a, s, g = row.assessment, row.score, row.guidance
    who = f"{a.respondent} ({a.role})" if a.respondent and a.role else a.respondent or a.role
    parts = [f"<h3>{index}. {escape(series_label(a))}</h3>"]
    if who:
        parts.append(f"<p>Respondent: {escape(who)}</p>")
    if s.leader and g:
        parts.append(
            f"<p><b>{escape(reading_label(s, names))}</b> — fit {s.fits[s.leader]:.0f}, "
            f"{s.answered} of {s.total} answered.</p>"
        )
        if not s.label_shown:
            parts.append(f"<p>{escape(reading_explanation(s, names))}</p>")
        parts.append("<p><b>Top strengths</b></p>" + _list(g.strengths[:2]))
        parts.append("<p><b>Top risks</b></p>" + _list(list(g.risks[:2]) + list(g.conflicts[:1])))
    else:
        parts.append(f"<p>{escape(reading_explanation(s, names))}</p>")
    if a.notes.strip():
        notes = "<br>".join(escape(line) for line in a.notes.splitlines())
        parts.append(f"<p><b>Notes</b></p><p>{notes}</p>")
    return "".join(parts)
