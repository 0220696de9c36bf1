"""One legend for both comparison charts: colour, line style and marker per assessment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from mlorg_desktop.report.palette import SeriesStyle, archetype_color, series_style
from mlorg_desktop.report.paper_charts import PEN_STYLES, draw_marker

ICON = QSize(36, 14)


def swatch(style: SeriesStyle, *, dashed_reference: bool = False) -> QIcon:
    pixmap = QPixmap(ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = Qt.PenStyle.DashLine if dashed_reference else PEN_STYLES[style.line]
    painter.setPen(QPen(QColor(style.color), 2, line))
    painter.drawLine(QPointF(2, 7), QPointF(34, 7))
    if not dashed_reference:
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

    def set_entries(
        self, labels: Sequence[str], references: Sequence[tuple[str, str]] = ()
    ) -> None:
        """``labels`` per series in order; ``references`` as (archetype id, name) pairs."""
        self.clear()
        for index, label in enumerate(labels):
            item = QListWidgetItem(swatch(series_style(index)), f"{index + 1}. {label}")
            item.setToolTip(label)
            self.addItem(item)
        for archetype_id, name in references:
            style = SeriesStyle(archetype_color(archetype_id), "o", "dash")
            self.addItem(QListWidgetItem(swatch(style, dashed_reference=True), f"Typical {name}"))
