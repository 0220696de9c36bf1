"""A labelled 0-100 scale with markers: where an organization or archetype sits on a dimension."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from mlorg_desktop.domain.catalog import Dimension
from mlorg_desktop.report.contrast import readable


@dataclass(frozen=True)
class Marker:
    value: float | None
    label: str
    color: str = "#0072B2"
    hollow: bool = False  # hollow diamonds mark reference profiles, filled circles positions


class DimensionScale(QWidget):
    """Draws ``low_label`` ... ``high_label`` with one marker per value; None means undecided."""

    TRACK_HEIGHT = 8

    def __init__(self, dimension: Dimension, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dimension = dimension
        self._markers: list[Marker] = []
        self._empty_text = "Not decided"
        self._colors_for: tuple[object, ...] = ()  # what _colors were worked out for
        self._colors: tuple[str, str, list[str]] = ("", "", [])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._update_accessible()

    def set_markers(self, markers: list[Marker], empty_text: str = "Not decided") -> None:
        if list(markers) == self._markers and empty_text == self._empty_text:
            return  # one answer moves one dimension: the other scales need no repaint
        self._markers = list(markers)
        self._empty_text = empty_text
        self.setFixedHeight(self.sizeHint().height())
        self._update_accessible()
        self.update()

    def markers(self) -> list[Marker]:
        return list(self._markers)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        labelled = sum(1 for m in self._markers if m.value is not None and m.label)
        return QSize(320, int(line * 2.2 + self.TRACK_HEIGHT + 6 + line * 1.1 * max(1, labelled)))

    def _update_accessible(self) -> None:
        d = self.dimension
        parts = [f"{m.label}: {m.value:.0f}" for m in self._markers if m.value is not None]
        where = "; ".join(parts) if parts else self._empty_text
        self.setAccessibleName(f"{d.name} scale")
        self.setAccessibleDescription(
            f"{d.name}, from 0 ({d.low_label}) to 100 ({d.high_label}). {where}."
        )
        self.setToolTip(self.accessibleDescription())

    def background(self) -> QColor:
        """What the scale's text is drawn on: the page behind it (it fills no background)."""
        return self.palette().color(QPalette.ColorRole.Window)

    def text_colors(self) -> tuple[QColor, QColor, list[QColor]]:
        """Body text, muted text (end labels) and each marker's label colour, every one at
        least 4.5:1 against ``background()``: a pink or orange name is darkened as needed."""
        palette, back = self.palette(), self.background().name()
        fore = palette.color(QPalette.ColorRole.WindowText).name()
        faint = palette.color(QPalette.ColorRole.PlaceholderText).name()
        placed = tuple((m.color, m.hollow) for m in self._markers if m.value is not None)
        key = (back, fore, faint, placed)
        if key != self._colors_for:  # worked out again only when a colour changes
            self._colors_for = key
            self._colors = (
                readable(fore, back),
                readable(faint, back),
                [readable(color, back) if hollow else "" for color, hollow in placed],
            )
        text, muted, labels = self._colors
        return (
            QColor(text),
            QColor(muted),
            [QColor(label) if label else QColor(text) for label in labels],
        )

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color, muted, label_colors = self.text_colors()
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = 10.0
        left, right = pad, self.width() - pad
        span = max(1.0, right - left)

        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRectF(left, 0, span, line), Qt.AlignmentFlag.AlignLeft, f"◀ {self.dimension.low_label}"
        )
        painter.drawText(
            QRectF(left, 0, span, line),
            Qt.AlignmentFlag.AlignRight,
            f"{self.dimension.high_label} ▶",
        )

        track_top = line * 1.4
        track = QRectF(left, track_top, span, self.TRACK_HEIGHT)
        path = QPainterPath()
        path.addRoundedRect(track, 4, 4)
        painter.fillPath(path, palette.color(QPalette.ColorRole.Midlight))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawPath(path)
        for tick in (25, 50, 75):
            x = left + span * tick / 100
            painter.drawLine(QPointF(x, track_top), QPointF(x, track_top + self.TRACK_HEIGHT))

        centre_y = track_top + self.TRACK_HEIGHT / 2
        label_y = track_top + self.TRACK_HEIGHT + 6
        placed = [m for m in self._markers if m.value is not None]
        if not placed:
            painter.setPen(muted)
            painter.drawText(
                QRectF(left, label_y, span, line), Qt.AlignmentFlag.AlignHCenter, self._empty_text
            )
        for index, marker in enumerate(placed):
            assert marker.value is not None
            x = left + span * marker.value / 100
            color = QColor(marker.color)
            painter.setPen(QPen(text_color if not marker.hollow else color, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush if marker.hollow else color)
            if marker.hollow:
                r = 7.0
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x, centre_y - r),
                            QPointF(x + r, centre_y),
                            QPointF(x, centre_y + r),
                            QPointF(x - r, centre_y),
                        ]
                    )
                )
            else:
                painter.drawEllipse(QPointF(x, centre_y), 6.5, 6.5)
            if marker.label:
                text = f"{marker.label} ({marker.value:.0f})"
                width = metrics.horizontalAdvance(text) + 4
                tx = min(max(left, x - width / 2), right - width)
                painter.setPen(label_colors[index])
                painter.drawText(
                    QRectF(tx, label_y + index * line * 1.1, width, line),
                    Qt.AlignmentFlag.AlignLeft,
                    text,
                )
        painter.end()
