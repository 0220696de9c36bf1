"""One legend for both comparison charts: colour, line style and marker per assessment."""

from __future__ import annotations

from collections.abc import Collection, Sequence

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
        self._entries: list[tuple[object, ...]] = []  # what each item shows, in order
        self._icons: dict[tuple[SeriesStyle, tuple[int, ...] | None], QIcon] = {}

    def set_entries(
        self,
        assessments: Sequence[Assessment],
        references: Sequence[tuple[str, str]] = (),
        scenarios: Collection[int] = (),
    ) -> None:
        """One numbered entry per assessment, in order; ``references`` as (id, name) pairs;
        the entries at ``scenarios`` are what-if scenarios (dashed line, italics).

        Entries that read as before stay: ticking one more in Compare adds one entry instead
        of redrawing every swatch and laying the whole list out again."""
        wanted: list[tuple[object, ...]] = []
        for index, assessment in enumerate(assessments):
            head, tail = label_parts(assessment)
            wanted.append(("series", index, f"{index + 1}. {head}", tail, index in scenarios))
        for index, (_archetype_id, name) in enumerate(references):
            wanted.append(("reference", index, name))
        same = 0
        while same < min(len(wanted), len(self._entries)) and wanted[same] == self._entries[same]:
            same += 1
        while self.count() > same:
            self.takeItem(self.count() - 1)
        for entry in wanted[same:]:
            self.addItem(self._make_item(entry))
        self._entries = wanted

    def clear(self) -> None:
        super().clear()
        self._entries = []

    def _make_item(self, entry: tuple[object, ...]) -> QListWidgetItem:
        if entry[0] == "reference":
            _kind, index, name = entry
            assert isinstance(index, int)
            color, dashes = reference_style(index)
            icon = self._swatch(SeriesStyle(color, "o", "dash"), dashes)
            item = QListWidgetItem(icon, f"Typical {name}")
            item.setToolTip(f"Typical {name}: the archetype's reference profile (dashed, grey)")
            return item
        _kind, index, head, tail, scenario = entry
        assert isinstance(index, int) and isinstance(head, str) and isinstance(tail, str)
        style = series_style(index)
        if scenario:  # a dashed line and italics, as in the charts
            icon = self._swatch(SeriesStyle(style.color, style.marker, "dash"), SCENARIO_DASHES)
        else:
            icon = self._swatch(style, None)
        item = QListWidgetItem(icon, head + tail)
        item.setData(HEAD_ROLE, head)
        item.setData(TAIL_ROLE, tail)
        item.setToolTip(head + tail)
        if scenario:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _swatch(self, style: SeriesStyle, dashes: tuple[int, ...] | None) -> QIcon:
        """``swatch``, drawn once per style: there are eight series and four references."""
        key = (style, dashes)
        if key not in self._icons:
            self._icons[key] = swatch(style, dashes=dashes)
        return self._icons[key]
