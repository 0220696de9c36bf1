"""Charts drawn straight onto a page painter as vectors: the dimension radar and the fit bars.

Units are points (the caller scales the painter), so pens and text keep their size at any
printer resolution.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import ComparedAssessment, radar_point
from mlorg_desktop.report.palette import SeriesStyle, series_style

PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
}
PATTERNS = (  # one hatch per series, over its colour, so bars read in greyscale
    Qt.BrushStyle.NoBrush,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.VerPattern,
    Qt.BrushStyle.DiagCrossPattern,
    Qt.BrushStyle.Dense5Pattern,
)
GRID = QColor("#9A9A9A")
RING_TEXT = QColor("#4D4D4D")  # darker than the grid: legible on paper
RINGS = (25, 50, 75, 100)
RING_LABEL_GAP = 5.5  # points between the upright spoke and a ring value's box
TEXT = QColor("#111111")
LEGEND_LINE = 12.0
LEGEND_TEXT_INDENT = 26.0
WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


def font(size: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(size)  # pixel == point under the page painter's scale
    f.setBold(bold)
    # Ligature glyphs ("fi" as one glyph) make the PDF's text layer say "ﬁt": searching for
    # "fit" or copying "Confidential" would fail. Paper text keeps its letters apart.
    f.setFeature(QFont.Tag("liga"), 0)
    return f


def draw_marker(painter: QPainter, centre: QPointF, style: SeriesStyle, size: float = 3.2) -> None:
    painter.setPen(QPen(QColor("#000000"), 0.6))
    painter.setBrush(QColor(style.color))
    x, y, s = centre.x(), centre.y(), size
    shapes = {
        "s": lambda: painter.drawRect(QRectF(x - s, y - s, 2 * s, 2 * s)),
        "t": lambda: painter.drawPolygon(
            QPolygonF([QPointF(x, y - s * 1.2), QPointF(x + s, y + s), QPointF(x - s, y + s)])
        ),
        "d": lambda: painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y - s * 1.3),
                    QPointF(x + s, y),
                    QPointF(x, y + s * 1.3),
                    QPointF(x - s, y),
                ]
            )
        ),
    }
    draw = shapes.get(style.marker)
    if draw:
        draw()
    elif style.marker in ("x", "+"):
        painter.setPen(QPen(QColor(style.color), 1.4))
        if style.marker == "x":
            painter.drawLine(QPointF(x - s, y - s), QPointF(x + s, y + s))
            painter.drawLine(QPointF(x - s, y + s), QPointF(x + s, y - s))
        else:
            painter.drawLine(QPointF(x - s, y), QPointF(x + s, y))
            painter.drawLine(QPointF(x, y - s), QPointF(x, y + s))
    else:
        painter.drawEllipse(centre, s, s)


def draw_radar(
    painter: QPainter, rect: QRectF, rows: Sequence[ComparedAssessment], catalog: Catalog
) -> None:
    """A radar of the three dimensions, one closed polygon per assessment."""
    dims = catalog.dimensions
    painter.save()
    painter.setFont(font(7))
    centre, radius = radar_geometry(rect)

    def at(value: float, index: int) -> QPointF:
        x, y = radar_point(value, index, len(dims))
        return QPointF(centre.x() + x * radius, centre.y() - y * radius)

    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ring in RINGS:
        painter.setPen(QPen(GRID, 0.5 if ring < 100 else 0.8))
        painter.drawPolygon(QPolygonF([at(ring, i) for i in range(len(dims))]))
    for i, dim in enumerate(dims):
        painter.setPen(QPen(GRID, 0.5))
        painter.drawLine(centre, at(100, i))
        tip = at(100, i)
        painter.setPen(TEXT)
        below = tip.y() > centre.y()
        # Kept inside the chart's rect: a printer may clip anything left of the page margin.
        left = max(rect.left(), min(tip.x() - 60, rect.right() - 120))
        box = QRectF(left, tip.y() + (4 if below else -25), 120, 18)
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            f"{dim.name}\n(100 = {dim.high_label})",
        )
    for index, row in enumerate(rows):
        style = series_style(index)
        points = [at(row.score.positions[d.id] or 0.0, i) for i, d in enumerate(dims)]
        color = QColor(style.color)
        pen = QPen(color, 1.4, PEN_STYLES[style.line])
        painter.setPen(pen)
        # No translucent fill: a print queue (cups-pdf, Ghostscript or cairo) turns
        # transparency into pixels, and the ring values' text with it.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        path.addPolygon(QPolygonF(points + points[:1]))
        painter.drawPath(path)
        for p in points:
            draw_marker(painter, p, style)
    _draw_ring_values(painter, [ring_label_box(centre, radius, r, len(dims)) for r in RINGS])
    painter.restore()


def radar_geometry(rect: QRectF) -> tuple[QPointF, float]:
    """Centre and radius of the radar drawn in ``rect``."""
    label_room = 24.0
    # Three spokes make a triangle: it reaches one radius up but only half a radius down.
    radius = min(rect.width() / 2 - 38, (rect.height() - label_room - 26) / 1.5)
    return QPointF(rect.center().x(), rect.top() + label_room + radius), radius


def ring_label_box(centre: QPointF, radius: float, ring: float, count: int) -> QRectF:
    """Where a ring's value is written: just left of the first (upright) spoke, level with the
    ring's corner there. Markers on that spoke stay right of the box (its corner is
    RING_LABEL_GAP from the spoke), the other spokes point below the centre, and the boxes,
    a quarter radius apart, never overlap one another."""
    x, y = radar_point(ring, 0, count)
    corner = QPointF(centre.x() + x * radius, centre.y() - y * radius)
    return QRectF(corner.x() - RING_LABEL_GAP - 14, corner.y() - 4.5, 14, 9)


def _draw_ring_values(painter: QPainter, boxes: Sequence[QRectF]) -> None:
    """Ring values on a white label, drawn last so no series line runs through them."""
    painter.setFont(font(7))
    for ring, box in zip(RINGS, boxes, strict=True):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(RING_TEXT)
        painter.drawText(
            box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(ring)
        )


def draw_fit_bars(
    painter: QPainter, rect: QRectF, rows: Sequence[ComparedAssessment], catalog: Catalog
) -> None:
    """Grouped bars: one group per archetype, one bar per assessment, fit 0-100."""
    painter.save()
    painter.setFont(font(7))
    left, bottom = rect.left() + 22, rect.bottom() - 30
    top, right = rect.top() + 6, rect.right() - 4
    height = bottom - top
    for tick in (0, 25, 50, 75, 100):
        y = bottom - height * tick / 100
        painter.setPen(QPen(GRID, 0.4 if tick else 0.8))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(rect.left(), y - 5, 19, 10),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(tick),
        )
    archetypes = catalog.archetypes
    group = (right - left) / len(archetypes)
    n = max(1, len(rows))
    bar = min(14.0, group * 0.8 / n)
    for g, archetype in enumerate(archetypes):
        x0 = left + g * group + (group - bar * n) / 2
        for index, row in enumerate(rows):
            style = series_style(index)
            value = row.score.fits[archetype.id]
            box = QRectF(
                x0 + index * bar, bottom - height * value / 100, bar * 0.92, height * value / 100
            )
            painter.setPen(QPen(QColor("#000000"), 0.4))
            painter.setBrush(QColor(style.color))
            painter.drawRect(box)
            pattern = PATTERNS[index % len(PATTERNS)]
            if pattern != Qt.BrushStyle.NoBrush and box.height() > 0:
                painter.setBrush(QBrush(QColor("#FFFFFF"), pattern))
                painter.drawRect(box)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(left + g * group, bottom + 3, group, 27),
            Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
            archetype.short_name,
        )
    painter.restore()


def legend_entries(labels: Sequence[str]) -> list[str]:
    return [f"{index + 1}. {label}" for index, label in enumerate(labels)]


def _legend_rows(labels: Sequence[str], width: float) -> tuple[float, list[float]]:
    """Column width and the height of each row of two entries; labels wrap, never elide."""
    column = width / 2
    metrics = QFontMetricsF(font(8))
    heights = []
    entries = legend_entries(labels)
    for start in range(0, len(entries), 2):
        tallest = LEGEND_LINE
        for text in entries[start : start + 2]:
            box = metrics.boundingRect(
                QRectF(0, 0, column - LEGEND_TEXT_INDENT - 2, 1000), WRAP, text
            )
            tallest = max(tallest, box.height() + 2)
        heights.append(tallest)
    return column, heights


def legend_height(labels: Sequence[str], width: float) -> float:
    return sum(_legend_rows(labels, width)[1])


def draw_legend(painter: QPainter, rect: QRectF, labels: Sequence[str]) -> float:
    """Two columns of swatches with the full, numbered label (wrapped); returns the height."""
    painter.save()
    painter.setFont(font(8))
    column, heights = _legend_rows(labels, rect.width())
    y = rect.top()
    for index, text in enumerate(legend_entries(labels)):
        style = series_style(index)
        x = rect.left() + (index % 2) * column
        mid = y + LEGEND_LINE / 2
        painter.setPen(QPen(QColor(style.color), 1.6, PEN_STYLES[style.line]))
        painter.drawLine(QPointF(x, mid), QPointF(x + 22, mid))
        draw_marker(painter, QPointF(x + 11, mid), style, 2.8)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(
                x + LEGEND_TEXT_INDENT, y + 1, column - LEGEND_TEXT_INDENT - 2, heights[index // 2]
            ),
            WRAP,
            text,
        )
        if index % 2 == 1:
            y += heights[index // 2]
    painter.restore()
    return sum(heights)
