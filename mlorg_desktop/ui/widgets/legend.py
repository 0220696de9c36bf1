"""One legend for both comparison charts: colour, line style and marker per assessment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.report.palette import SeriesStyle, reference_style, series_style
from mlorg_desktop.report.paper_charts import PEN_STYLES, draw_marker
from mlorg_desktop.ui.widgets.series_labels import (
    HEAD_ROLE,
    TAIL_ROLE,
    SeriesLabelDelegate,
    label_parts,
)

ICON = QSize(36, 14)
SCENARIO_DASHES = (4, 3)  # a scenario's line in the charts and the legend


def swatch(style: SeriesStyle, *, dashes: tuple[int, ...] | None = None) -> QIcon:
    """A line with the series' marker; with ``dashes``, a reference profile's dashed line."""
    pixmap = QPixmap(ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(style.color), 2, PEN_STYLES[style.line])
    if dashes:
        pen.setDashPattern([float(d) for d in dashes])
    painter.setPen(pen)
    painter.drawLine(QPointF(2, 7), QPointF(34, 7))
    if not dashes:
        draw_marker(painter, QPointF(18, 7), style, 4)
    painter.end()
    return QIcon(pixmap)


class ChartLegend(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart legend")
        self.setIconSize(ICON)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaximumHeight(76)
        self.setItemDelegate(SeriesLabelDelegate(self))
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def set_entries(
        self, assessments: Sequence[Assessment], references: Sequence[tuple[str, str]] = ()
    ) -> None:
        """One numbered entry per assessment, in order; ``references`` as (id, name) pairs."""
        self.clear()
        for index, assessment in enumerate(assessments):
            head, tail = label_parts(assessment)
            head = f"{index + 1}. {head}"
            item = QListWidgetItem(swatch(series_style(index)), head + tail)
            item.setData(HEAD_ROLE, head)
            item.setData(TAIL_ROLE, tail)
            item.setToolTip(head + tail)
            self.addItem(item)
        for index, (_archetype_id, name) in enumerate(references):
            color, dashes = reference_style(index)
            style = SeriesStyle(color, "o", "dash")
            item = QListWidgetItem(swatch(style, dashes=dashes), f"Typical {name}")
            item.setToolTip(f"Typical {name}: the archetype's reference profile (dashed, grey)")
            self.addItem(item)

    def mark_scenario(self, index: int) -> None:
        """Entry ``index`` is a what-if scenario: a dashed line and italics, as in the charts."""
        item = self.item(index)
        style = series_style(index)
        item.setIcon(swatch(SeriesStyle(style.color, style.marker, "dash"), dashes=SCENARIO_DASHES))
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
