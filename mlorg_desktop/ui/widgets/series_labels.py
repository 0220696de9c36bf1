"""Series labels that stay telling when space is short: the organization gives way first.

Comparing one organization over time, or several of its units, the labels share their start
("Meridian Bank · …"); what tells them apart is the unit, the respondent and the date at the
end. Eliding at the right or in the middle cuts exactly that. Here the organization part is
shortened first and the rest is kept whole; the full label is always in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mlorg_desktop.domain.assessment import Assessment

HEAD_ROLE = Qt.ItemDataRole.UserRole + 10  # the part that may be shortened (organization)
TAIL_ROLE = Qt.ItemDataRole.UserRole + 11  # the part kept whole (unit · respondent (date))
ELLIPSIS = "…"


def label_parts(a: Assessment) -> tuple[str, str]:
    """(organization, " · unit · respondent (date)"): together, report's series_label."""
    rest = [p for p in (a.unit, a.respondent) if p]
    if a.scenario_name:  # a what-if scenario's view: say so, in the part that is kept whole
        rest.append(f"◇ Scenario: {a.scenario_name}")
    return a.organization, "".join(f" · {p}" for p in rest) + f" ({a.assessed_on})"


def fit_label(metrics: QFontMetrics, head: str, tail: str, width: int) -> str:
    """``head + tail`` in ``width`` pixels, shortening ``head`` before touching ``tail``."""
    full = head + tail
    if metrics.horizontalAdvance(full) <= width:
        return full
    room = width - metrics.horizontalAdvance(tail)
    if room >= metrics.horizontalAdvance("M" + ELLIPSIS):
        return metrics.elidedText(head, Qt.TextElideMode.ElideRight, room) + tail
    # Not even the tail fits: the organization becomes "…", the date stays whole (it is what
    # differs between rounds) and the unit and respondent give way in their middle.
    date = tail[tail.rfind(" (") :] if tail.endswith(")") and " (" in tail else ""
    middle = tail[: len(tail) - len(date)]
    room = width - metrics.horizontalAdvance(ELLIPSIS + date)
    if room <= metrics.horizontalAdvance("M" + ELLIPSIS):
        return metrics.elidedText(full, Qt.TextElideMode.ElideLeft, width)
    return ELLIPSIS + metrics.elidedText(middle, Qt.TextElideMode.ElideMiddle, room) + date


class SeriesLabelDelegate(QStyledItemDelegate):
    """Draws items that carry HEAD_ROLE/TAIL_ROLE with ``fit_label``; in a wrapping list it
    also keeps each item no wider than the view, so the view never elides it its own way."""

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        head, tail = index.data(HEAD_ROLE), index.data(TAIL_ROLE)
        if head is None or tail is None or option.rect.width() <= 0:
            return
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is None:
            return
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        option.text = fit_label(option.fontMetrics, head, tail, text_rect.width() - 2 * margin)
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QWidget) and hasattr(view, "viewport"):
            size.setWidth(min(size.width(), view.viewport().width() - 12))
        return size

    def displayed_text(self, view: QWidget, index: QModelIndex) -> str:
        """What the item shows now in ``view`` (for tests and accessibility checks)."""
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.widget = view
        option.rect = view.visualRect(index)  # type: ignore[attr-defined]
        self.initStyleOption(option, index)
        return option.text
