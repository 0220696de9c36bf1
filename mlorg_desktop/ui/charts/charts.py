"""pyqtgraph charts for the Compare tab: a radar of the three dimensions and grouped fit bars.

Imported only when the Compare tab is first shown: pyqtgraph costs ~0.3 s to import.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # never let pyqtgraph pick another binding

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem, QWidget  # noqa: E402

from mlorg_desktop.domain.catalog import Catalog  # noqa: E402
from mlorg_desktop.domain.comparison import ComparedAssessment, radar_point  # noqa: E402
from mlorg_desktop.report.palette import reference_style, series_style  # noqa: E402
from mlorg_desktop.report.paper_charts import PATTERNS, PEN_STYLES  # noqa: E402
from mlorg_desktop.report.sheet import series_label  # noqa: E402
from mlorg_desktop.ui.widgets.legend import SCENARIO_DASHES  # noqa: E402

pg.setConfigOptions(antialias=True)

LABEL_WIDTH = 22  # characters per line of a radar axis label: narrow enough for a small window
EDGE = 4.0  # pixels kept free between a label and the chart's edge
RADAR_TOP, RADAR_BOTTOM = 1.0, -0.5  # the spokes' extent (radar_point of 100)
LABEL_GAP = 0.04  # between a spoke's tip and its label, in chart units
TICK_FONT_STEPS = (1.0, 0.9, 0.8)  # of the window font, tried in turn for the bar labels
MIN_TICK_POINTS = 7.0


def _themed(widget: pg.PlotWidget) -> QColor:
    """Follow the system palette (light or dark); returns the text colour."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    widget.setBackground(palette.color(QPalette.ColorRole.Base))
    for name in ("left", "bottom"):
        axis = widget.getPlotItem().getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    return text


def _bar_pen(color: QColor, scenario: bool) -> QPen:
    """A bar's outline; a what-if scenario's is thick and dashed."""
    pen = pg.mkPen(color, width=2 if scenario else 1)
    if scenario:
        pen.setDashPattern([float(d) for d in SCENARIO_DASHES])
    return pen


def _cache_axes(plot: pg.PlotItem) -> None:
    """Axes (and the grid the left one draws) as pixmaps: they change only with the chart's
    size, yet were replayed from their QPicture on every redraw of the bars (7 ms a tick in
    Compare). Qt redraws the pixmap whenever pyqtgraph updates the axis."""
    for name in ("left", "bottom"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _cached(item: pg.PlotDataItem) -> pg.PlotDataItem:
    """The item's line and markers as pixmaps, redrawn only when they change: ticking one
    more assessment should not draw the others' series and the rings again."""
    for part in (item.curve, item.scatter):
        part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def _tooltip(label: str, lines: list[str]) -> str:
    return "\n".join([label, *lines])


def _make_static(widget: pg.PlotWidget, name: str) -> None:
    """A chart to read, not to explore: no context menu, no pan or zoom, no auto-range button."""
    widget.setAccessibleName(name)
    # Nothing to do in it with keys (its numbers are in "Show as Table"): no Tab stop.
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    widget.hideButtons()


class RadarChart(pg.PlotWidget):
    """One closed, filled polygon per assessment on three spokes; references dashed."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        _make_static(self, "Radar chart of the three design dimensions")
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setAspectLocked(True)
        text = _themed(self)
        grid = QColor(text)
        grid.setAlphaF(0.35)
        count = len(catalog.dimensions)
        for ring in (25, 50, 75, 100):
            pts = [radar_point(ring, i, count) for i in range(count + 1)]
            _cached(
                self.plot([p[0] for p in pts], [p[1] for p in pts], pen=pg.mkPen(grid, width=1))
            )
        self.labels: list[tuple[pg.TextItem, float, float]] = []  # item, spoke tip x and y
        for i, dim in enumerate(catalog.dimensions):
            x, y = radar_point(100, i, count)
            _cached(self.plot([0, x], [0, y], pen=pg.mkPen(grid, width=1)))
            words = textwrap.fill(f"(100 = {dim.high_label})", LABEL_WIDTH)
            label = pg.TextItem(
                f"{textwrap.fill(dim.name, LABEL_WIDTH)}\n{words}",
                color=text,
                anchor=(0.5, 1.0 if y > 0 else 0.0),
            )
            label.setPos(x, y + (LABEL_GAP if y > 0 else -LABEL_GAP))
            self.addItem(label)
            self.labels.append((label, x, y))
        self._fit_labels()
        # What is shown now; the items are kept and reused (adding items to a pyqtgraph scene
        # is most of a redraw's cost), hidden when fewer assessments are compared.
        self.series: list[pg.PlotDataItem] = []
        self.polygons: list[QGraphicsPolygonItem] = []
        self.references: list[pg.PlotDataItem] = []
        self._series_pool: list[pg.PlotDataItem] = []
        self._polygon_pool: list[QGraphicsPolygonItem] = []
        self._reference_items: list[pg.PlotDataItem] | None = None
        self._drawn: list[ComparedAssessment | None] = []  # what each pooled series shows

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        if hasattr(self, "labels"):  # pyqtgraph resizes once inside its own __init__
            self._fit_labels()

    def _fit_labels(self) -> None:
        """Zoom so the radar is as large as it can be with every axis label inside the chart:
        the labels keep their size in pixels, so a small chart shows a smaller radar."""
        view = self.viewport()
        width, height = max(view.width(), 60), max(view.height(), 60)
        sizes = [(item.textItem.boundingRect(), x, y) for item, x, y in self.labels]
        scale = float("inf")  # pixels per chart unit
        for rect, x, _y in sizes:
            if abs(x) > 1e-9:
                scale = min(scale, (width / 2 - rect.width() / 2 - EDGE) / abs(x))
        above = max((r.height() for r, _x, y in sizes if y > 0), default=0.0)
        below = max((r.height() for r, _x, y in sizes if y <= 0), default=0.0)
        span = RADAR_TOP - RADAR_BOTTOM + 2 * LABEL_GAP
        scale = max(1.0, min(scale, (height - above - below - 2 * EDGE) / span))
        bottom = RADAR_BOTTOM - LABEL_GAP - (below + EDGE) / scale
        half = width / 2 / scale
        self.setRange(xRange=(-half, half), yRange=(bottom, bottom + height / scale), padding=0)

    def set_rows(self, rows: Sequence[ComparedAssessment], show_references: bool) -> None:
        count = len(self.catalog.dimensions)
        for index, row in enumerate(rows):
            if index < len(self._drawn) and self._drawn[index] is row:
                # Same row (same assessment object) in the same place: its series is right.
                self._series_pool[index].setVisible(True)
                self._polygon_pool[index].setVisible(True)
                continue
            if index == len(self._series_pool):
                self._drawn.append(None)
                polygon = QGraphicsPolygonItem()
                polygon.setPen(QPen(Qt.PenStyle.NoPen))
                self.addItem(polygon)
                polygon.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self._polygon_pool.append(polygon)
                self._series_pool.append(_cached(self.plot([], [])))
            style = series_style(index)
            values = [row.score.positions[d.id] or 0.0 for d in self.catalog.dimensions]
            pts = [radar_point(v, i, count) for i, v in enumerate(values)]
            color = QColor(style.color)
            fill = QColor(color)
            fill.setAlphaF(0.15)
            polygon = self._polygon_pool[index]
            polygon.setPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
            polygon.setBrush(QBrush(fill))
            polygon.setToolTip(
                _tooltip(
                    series_label(row.assessment),
                    [
                        f"{d.name}: {'—' if row.score.positions[d.id] is None else round(v)}"
                        for d, v in zip(self.catalog.dimensions, values, strict=True)
                    ],
                )
            )
            polygon.setVisible(True)
            closed = pts + pts[:1]
            item = self._series_pool[index]
            pen = pg.mkPen(color, width=2, style=PEN_STYLES[style.line])
            if row.assessment.is_scenario:  # what-if answers: dashed, whatever the series
                pen.setDashPattern([float(d) for d in SCENARIO_DASHES])
            item.setData(
                [p[0] for p in closed],
                [p[1] for p in closed],
                pen=pen,
                symbol=style.marker,
                symbolBrush=color,
                symbolSize=8,
            )
            item.setVisible(True)
            self._drawn[index] = row
        for hidden in self._series_pool[len(rows) :] + self._polygon_pool[len(rows) :]:
            hidden.setVisible(False)
        self.series = self._series_pool[: len(rows)]
        self.polygons = self._polygon_pool[: len(rows)]
        if show_references and self._reference_items is None:
            self._reference_items = self._make_references()
        for reference in self._reference_items or []:
            reference.setVisible(show_references)
        self.references = list(self._reference_items or []) if show_references else []

    def _make_references(self) -> list[pg.PlotDataItem]:
        count = len(self.catalog.dimensions)
        items = []
        shown = 0
        for archetype in self.catalog.archetypes:
            refs = [archetype.reference_position(d.id) for d in self.catalog.dimensions]
            if any(r is None for r in refs):
                continue
            color, dashes = reference_style(shown)
            shown += 1
            pen = pg.mkPen(color, width=1.5)
            pen.setDashPattern([float(d) for d in dashes])
            pts = [radar_point(r or 0.0, i, count) for i, r in enumerate(refs)]
            closed = pts + pts[:1]
            items.append(
                self.plot(
                    [p[0] for p in closed],
                    [p[1] for p in closed],
                    pen=pen,
                )
            )
        return items


class FitBarChart(pg.PlotWidget):
    """Grouped bars: one group per archetype, one bar per assessment."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        _make_static(self, "Bar chart of archetype fit per assessment")
        _themed(self)
        plot = self.getPlotItem()
        plot.setLabel("left", "Fit (0–100)")
        plot.showGrid(y=True, alpha=0.3)
        self.tick_labels: list[str] = []
        self.tick_font = QFont(self.font())
        self.setYRange(0, 105, padding=0)
        self.setXRange(-0.6, len(catalog.archetypes) - 0.4, padding=0)
        plot.getViewBox().sigResized.connect(self._fit_ticks)
        self._fit_ticks()
        _cache_axes(plot)
        self.bars: list[pg.BarGraphItem] = []
        self.overlays: list[pg.BarGraphItem] = []
        self._bar_pool: list[pg.BarGraphItem] = []
        self._overlay_pool: dict[int, pg.BarGraphItem] = {}  # by series index: hatched ones
        self._bar_looks: dict[int, tuple[str, bool]] = {}  # by series index: colour, scenario

    def _fit_ticks(self, *_args: object) -> None:
        """Each archetype's short name under its group, shortened ("Indep.") when the groups
        are narrower than the name: labels never overlap (full names are in the table)."""
        axis = self.getPlotItem().getAxis("bottom")
        groups = len(self.catalog.archetypes)
        room = self.getPlotItem().getViewBox().width() / (groups + 0.2) - EDGE
        names = [a.short_name for a in self.catalog.archetypes]
        font = QFont(self.font())
        for step in TICK_FONT_STEPS:  # a slightly smaller font before any name is cut
            font.setPointSizeF(max(MIN_TICK_POINTS, self.font().pointSizeF() * step))
            metrics = QFontMetricsF(font)
            if all(metrics.horizontalAdvance(n) <= room for n in names):
                break
        labels = [_shortened(n, metrics, room) for n in names]
        if labels != self.tick_labels or font != self.tick_font:
            self.tick_labels, self.tick_font = labels, QFont(font)
            axis.setStyle(tickFont=self.tick_font)
            axis.setTicks([list(enumerate(labels))])

    def set_rows(self, rows: Sequence[ComparedAssessment]) -> None:
        n = max(1, len(rows))
        width = 0.8 / n
        self.bars, self.overlays = [], []
        for index, row in enumerate(rows):
            style = series_style(index)
            xs = [g - 0.4 + width * (index + 0.5) for g in range(len(self.catalog.archetypes))]
            heights = [row.score.fits[a.id] for a in self.catalog.archetypes]
            if index == len(self._bar_pool):
                bar = pg.BarGraphItem(x=xs, height=heights, width=width * 0.9)
                self.addItem(bar)
                self._bar_pool.append(bar)
            item = self._bar_pool[index]
            look = (style.color, row.assessment.is_scenario)
            if self._bar_looks.get(index) != look:  # new pens and brushes only when they change
                self._bar_looks[index] = look
                item.setOpts(
                    brush=QBrush(QColor(style.color)),
                    pen=_bar_pen(QColor(style.color).darker(150), row.assessment.is_scenario),
                )
            item.setOpts(x=xs, height=heights, width=width * 0.9)
            item.setToolTip(
                _tooltip(
                    series_label(row.assessment),
                    [
                        f"{a.name}: {h:.0f}"
                        for a, h in zip(self.catalog.archetypes, heights, strict=True)
                    ],
                )
            )
            item.setVisible(True)
            self.bars.append(item)
            pattern = PATTERNS[index % len(PATTERNS)]
            if pattern != Qt.BrushStyle.NoBrush:
                # A white hatch over the colour: series stay apart in greyscale too.
                overlay = self._overlay_pool.get(index)
                if overlay is None:
                    overlay = pg.BarGraphItem(
                        x=xs,
                        height=heights,
                        width=width * 0.9,
                        brush=QBrush(QColor(255, 255, 255, 150), pattern),
                        pen=pg.mkPen(None),
                    )
                    overlay.setAcceptHoverEvents(False)
                    self.addItem(overlay)
                    self._overlay_pool[index] = overlay
                overlay.setOpts(x=xs, height=heights, width=width * 0.9)
                overlay.setVisible(True)
                self.overlays.append(overlay)
        for index, bar in enumerate(self._bar_pool):
            if index >= len(rows):
                bar.setVisible(False)
        for index, overlay in self._overlay_pool.items():
            if index >= len(rows):
                overlay.setVisible(False)


def _shortened(name: str, metrics: QFontMetricsF, room: float) -> str:
    """``name`` if it fits in ``room`` pixels, else its longest prefix that fits with "."."""
    if metrics.horizontalAdvance(name) <= room:
        return name
    for end in range(len(name) - 1, 0, -1):
        short = name[:end].rstrip(" -&") + "."
        if metrics.horizontalAdvance(short) <= room:
            return short
    return name[:1] + "."
