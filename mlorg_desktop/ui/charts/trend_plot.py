"""The trend of one organization over its rounds: a pyqtgraph plot on a date axis, one line per
archetype (fit) or per dimension (position), a marker at every round.

Each line has its own colour, line style and marker (``report.palette``), so it reads in grey
print too. Imported when the Organizations tab is first shown (pyqtgraph costs ~0.3 s).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import QGraphicsItem, QWidget  # noqa: E402

from mlorg_desktop.domain.catalog import Catalog  # noqa: E402
from mlorg_desktop.domain.org_report import ReadRound  # noqa: E402
from mlorg_desktop.report.palette import (  # noqa: E402
    LINE_STYLES,
    MARKERS,
    SeriesStyle,
    archetype_color,
    series_style,
)
from mlorg_desktop.report.paper_charts import PEN_STYLES  # noqa: E402
from mlorg_desktop.ui.charts.charts import _make_static, _themed  # noqa: E402

FITS = "fits"
POSITIONS = "positions"
DAY = 86_400


def round_time(day: str) -> float:
    """A round's place on the date axis: its first day, midnight UTC, in seconds."""
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def line_styles(catalog: Catalog, what: str) -> list[tuple[str, str, SeriesStyle]]:
    """(id, name, style) for every line of ``what``: archetypes keep their colours."""
    if what == FITS:
        return [
            (
                a.id,
                a.name,
                SeriesStyle(
                    archetype_color(a.id),
                    MARKERS[i % len(MARKERS)],
                    LINE_STYLES[i % len(LINE_STYLES)],
                ),
            )
            for i, a in enumerate(catalog.archetypes)
        ]
    return [(d.id, d.name, series_style(i)) for i, d in enumerate(catalog.dimensions)]


class TrendPlot(pg.PlotWidget):
    """Fits or positions of consecutive rounds over time."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.catalog = catalog
        _make_static(self, "Trend chart over the rounds")
        _themed(self)
        plot = self.getPlotItem()
        plot.showGrid(y=True, alpha=0.3)
        # The left axis draws the grid across the whole plot, and replaying its picture was
        # most of every paint (2.7 of 2.9 ms for the view alone); its scale never changes, so
        # it is drawn once into a pixmap of the screen's pixels and copied after. pyqtgraph
        # updates the item when the axis changes, which redraws the pixmap.
        plot.getAxis("left").setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setYRange(-4, 104, padding=0)
        self.what = FITS
        self.lines: dict[str, pg.PlotDataItem] = {}  # id -> the line drawn now
        self._pool: dict[str, pg.PlotDataItem] = {}  # every line made so far, by id
        self._label = ""  # the left axis' label

    def show_rounds(
        self, rounds: Sequence[ReadRound], what: str = FITS
    ) -> list[tuple[str, SeriesStyle]]:
        """Draw ``rounds``; returns (name, style) of every line drawn, for the legend."""
        label = "Fit (0–100)" if what == FITS else "Position (0–100)"
        if label != self._label:  # setting it again lays the axis out and redraws it
            self._label = label
            self.getPlotItem().setLabel("left", label)
        self.what = what
        xs = [round_time(r.round.first) for r in rounds]
        self.lines = {}
        drawn = []
        for key, name, style in line_styles(self.catalog, what):
            values = [
                r.reading.score.fits[key] if what == FITS else r.reading.score.positions[key]
                for r in rounds
            ]
            points = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
            if not points:
                continue
            item = self._pool.get(key)
            if item is None:  # made once per series and reused: adding items to the scene is slow
                item = self.plot(
                    [],
                    [],
                    pen=pg.mkPen(style.color, width=2, style=PEN_STYLES[style.line]),
                    symbol=style.marker,
                    symbolBrush=style.color,
                    symbolPen=pg.mkPen(style.color),
                    symbolSize=9,
                )
                self._pool[key] = item
            item.setData([p[0] for p in points], [p[1] for p in points])
            item.setToolTip(
                "\n".join(
                    [name]
                    + [
                        f"{r.round.label}: {v:.0f}"
                        for r, v in zip(rounds, values, strict=True)
                        if v is not None
                    ]
                )
            )
            item.setVisible(True)
            self.lines[key] = item
            drawn.append((name, style))
        for key, item in self._pool.items():
            if key not in self.lines:
                item.setVisible(False)
        if xs:
            pad = max(30 * DAY, (xs[-1] - xs[0]) * 0.06)
            self.setXRange(xs[0] - pad, xs[-1] + pad, padding=0)
        self.setYRange(-4, 104, padding=0)
        return drawn
