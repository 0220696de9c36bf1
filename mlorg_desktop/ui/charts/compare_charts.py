"""The Compare tab's chart area: the reference-profile switch, the radar and the fit bars (each
with its "Show as Table" view), their legend, and an empty state while nothing is ticked.

pyqtgraph loads the first time the area is shown (``create_charts``), not with the tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSplitter, QStackedWidget, QWidget

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.comparison import ComparedAssessment
from mlorg_desktop.ui.charts.chart_table import ChartWithTable
from mlorg_desktop.ui.charts.chart_text import fit_text, radar_text
from mlorg_desktop.ui.widgets.empty_state import EmptyState
from mlorg_desktop.ui.widgets.layout import container, vbox
from mlorg_desktop.ui.widgets.legend import ChartLegend
from mlorg_desktop.ui.widgets.scenario_rows import is_scenario

if TYPE_CHECKING:
    from mlorg_desktop.ui.charts.charts import FitBarChart, RadarChart


class CompareCharts(QWidget):
    """Charts of the ticked assessments, or a line saying how to get some."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.radar: RadarChart | None = None
        self.bars: FitBarChart | None = None
        self.radar_view: ChartWithTable | None = None
        self.bars_view: ChartWithTable | None = None
        self._rows: Sequence[ComparedAssessment] = ()
        self.overlay = QCheckBox("Show archetype &reference profiles (dashed)")
        self.overlay.toggled.connect(self._redraw)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("compareChartsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.legend = ChartLegend()
        self.drawn = container(vbox(self.overlay, self.splitter, self.legend))
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.drawn)
        self.stack.setMinimumHeight(280)
        self.setLayout(vbox(self.stack))

    def create_charts(self) -> None:
        """Build the pyqtgraph charts (imports pyqtgraph); called when the tab is first shown."""
        if self.radar is not None:
            return
        from mlorg_desktop.ui.charts.charts import FitBarChart, RadarChart

        self.radar = RadarChart(self.catalog)
        self.bars = FitBarChart(self.catalog)
        self.radar_view = ChartWithTable(self.radar, "the radar chart")
        self.bars_view = ChartWithTable(self.bars, "the fit bar chart")
        self.splitter.addWidget(self.radar_view)
        self.splitter.addWidget(self.bars_view)
        # The radar keeps its aspect; the bars use width: five groups of up to eight bars.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])
        # Made after everything else, they would join the end of the Tab chain: put them where
        # they are on screen, after the reference switch (a hidden table is skipped).
        chain = [self.overlay]
        for view in (self.radar_view, self.bars_view):
            chain += [view.table, view.toggle]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._redraw()

    def show_rows(
        self,
        rows: Sequence[ComparedAssessment],
        empty: tuple[str, str, Callable[[], object]],
    ) -> None:
        """Draw ``rows``; with none, show ``empty`` (message, button text, action) instead."""
        self._rows = rows
        if rows:
            self.stack.setCurrentWidget(self.drawn)
        else:
            self.empty.show_state(*empty)
            self.stack.setCurrentWidget(self.empty)
        self._redraw()

    def references(self) -> list[tuple[str, str]]:
        """(id, name) of the reference profiles shown: those placed on every dimension."""
        if not self.overlay.isChecked():
            return []
        return [
            (a.id, a.name)
            for a in self.catalog.archetypes
            if all(a.reference_position(d) is not None for d in self.catalog.dimension_ids)
        ]

    def _redraw(self, *_args: object) -> None:
        rows, shown = self._rows, self.overlay.isChecked()
        self.legend.set_entries(
            [r.assessment for r in rows],
            self.references(),
            scenarios={i for i, r in enumerate(rows) if is_scenario(r.assessment)},
        )
        if self.radar is None or self.bars is None:
            return
        assert self.radar_view is not None and self.bars_view is not None
        self.radar.set_rows(rows, shown)
        self.bars.set_rows(rows)
        self.radar_view.show_table_data(*radar_text(self.catalog, rows, shown))
        self.bars_view.show_table_data(*fit_text(self.catalog, rows))
