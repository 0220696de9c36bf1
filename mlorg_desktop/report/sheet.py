"""render_sheet(): the comparison sheet drawn onto any QPainter, page by page.

Page 1 opens with the title block, the executive summary, the two charts and their legend,
drawn directly (charts as vectors, ``report.first_page``); the summary table, one block per
assessment and the glossary follow in a QTextDocument (``report.sheet_html``), which
paginates, repeats the table header and is kept tidy by ``report.pagination``. Every page gets
a footer with its number. Units are points: the front-ends scale the painter so that one unit
is 1/72 inch on every device.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import MAX_COMPARED, ComparedAssessment, Comparison, compare
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.org_facts import organization_facts, pooled_records
from mlorg_desktop.domain.org_report import RecordReading
from mlorg_desktop.domain.road_facts import Road, merged, road_facts, sheet_roads
from mlorg_desktop.domain.summary import SummaryFacts, executive_summary
from mlorg_desktop.report.first_page import first_page_top, fits_on_first_page
from mlorg_desktop.report.flow import has_summary, paginated
from mlorg_desktop.report.paper_charts import TEXT, font
from mlorg_desktop.report.sections import SECTIONS
from mlorg_desktop.report.sheet_html import series_label

FOOTER_HEIGHT = 22.0
TITLE = "ML organization comparison"

__all__ = ["SECTIONS", "TITLE", "SheetData", "build_sheet_data", "render_sheet", "series_label"]


@dataclass(frozen=True)
class SheetData:
    title: str
    generated_on: str
    source: str
    comparison: Comparison
    catalog: Catalog
    summary: tuple[str, ...] = ()  # one paragraph per row, generated or edited
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    # Organization records among the compared assessments with several respondents or rounds.
    organizations: tuple[RecordReading, ...] = ()
    roads: tuple[Road, ...] = ()  # one per compared assessment with a target

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
    summary: Sequence[str] | None = None,
    sections: Iterable[str] = SECTIONS,
    facts: Mapping[str, SummaryFacts] | None = None,
    role_groups: Mapping[str, str] | None = None,
) -> SheetData:
    """``summary`` replaces the generated paragraphs (the window lets people edit them);
    ``facts`` feeds the generated ones (see ``domain.summary``) on top of what the compared
    organizations' rounds say; ``role_groups`` sets role groups (``domain.roles``)."""
    comparison = compare(knowledge, assessments)
    records = pooled_records([r.assessment for r in comparison.rows], knowledge, role_groups)
    roads = sheet_roads(comparison.rows, knowledge)
    known = merged(
        organization_facts(records, knowledge.catalog, [r.assessment.id for r in comparison.rows]),
        road_facts(roads),
        dict(facts or {}),
    )
    generated = executive_summary(comparison.rows, knowledge.catalog, known)
    return SheetData(
        title=title.strip() or TITLE,
        generated_on=(today or date.today()).isoformat(),
        source=source,
        comparison=comparison,
        catalog=knowledge.catalog,
        summary=tuple(summary) if summary is not None else generated,
        sections=frozenset(sections),
        organizations=records,
        roads=roads,
    )


def render_sheet(
    painter: QPainter, page: QSizeF, data: SheetData, new_page: Callable[[], object]
) -> int:
    """Draw the whole sheet; ``new_page`` starts the next page. Returns the page count."""
    # Whole points: Qt lays text out in 1/64 point steps, so a fractional page height would
    # put our page edges and the document's a hair apart (a line drawn on both pages).
    body_height = float(math.floor(page.height() - FOOTER_HEIGHT))
    summary_on_top = has_summary(data) and fits_on_first_page(data, page.width(), body_height)
    header = first_page_top(None, page.width(), data, with_summary=summary_on_top)
    document = paginated(data, page.width(), body_height, header, not summary_on_top)
    pages = document.pageCount()
    for number in range(pages):
        if number and new_page() is False:
            raise RuntimeError("the output device refused to start a new page")
        if number == 0:
            first_page_top(painter, page.width(), data, with_summary=summary_on_top)
        painter.save()
        painter.translate(0, -number * body_height)
        clip = QRectF(0, number * body_height, page.width(), body_height)
        context = QAbstractTextDocumentLayout.PaintContext()
        # The layout draws every block that touches the clip; a line starting exactly on the
        # next page's top edge would land (invisibly, but searchably) at this page's foot.
        context.clip = clip.adjusted(0, 0.5, 0, -0.5)
        context.palette.setColor(context.palette.ColorRole.Text, TEXT)
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
        _draw_footer(painter, page, data, number + 1, pages)
    return pages


def _draw_footer(painter: QPainter, page: QSizeF, data: SheetData, number: int, total: int) -> None:
    painter.save()
    top = page.height() - FOOTER_HEIGHT + 6
    painter.setPen(QPen(QColor("#9A9A9A"), 0.5))
    painter.drawLine(QPointF(0, top), QPointF(page.width(), top))
    painter.setPen(TEXT)
    painter.setFont(font(8))
    box = QRectF(0, top + 3, page.width(), 12)
    number_text = f"Page {number} of {total}"
    room = page.width() - painter.fontMetrics().horizontalAdvance(number_text) - 12
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignLeft,
        painter.fontMetrics().elidedText(
            f"{data.title} · {data.generated_on} · Confidential: for internal discussion",
            Qt.TextElideMode.ElideMiddle,
            int(room),
        ),
    )
    painter.drawText(box, Qt.AlignmentFlag.AlignRight, number_text)
    painter.restore()
