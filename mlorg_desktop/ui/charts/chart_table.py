"""A chart's text alternative: a description of what it shows and, behind a "Show as Table"
toggle, a table of the very numbers it plots (WCAG 1.1.1; a screen reader cannot read a
picture). Qt widgets only; no pyqtgraph here, so building one costs nothing before the chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from mlorg_desktop.ui.widgets.layout import hbox, vbox

FIRST_COLUMN_MIN = 160  # pixels: "1. Cobalt Pay…(2026-05-20)"; narrower tables scroll


@dataclass(frozen=True)
class ChartTable:
    """What a chart plots, as text: one header per column, one list of cells per row."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    header_tips: list[str] = field(default_factory=list)  # the full names behind short headers


def number(value: float | None) -> str:
    """A plotted value as the chart's tooltip and the summary table print it."""
    return "—" if value is None else f"{value:.0f}"


class ChartWithTable(QWidget):
    """``chart`` or its table, swapped by a checkable button; the chart's accessible
    description says what it shows. The owner calls ``show_table_data`` after each redraw; the
    table is filled when it is on screen (at once) or when it is next shown (a hidden table is
    work nobody sees: filling it was a tenth of an Organizations selection)."""

    def __init__(self, chart: QWidget, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.what = what  # "the radar chart": words for the button's accessible name
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(f"Numbers plotted in {what}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows walk the cells
        self.table.verticalHeader().hide()
        # The numbers always show; the first column (a long assessment label) takes what is
        # left and elides in the middle, keeping organization and date (its tooltip has all).
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)  # one line per row: elided, not wrapped
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.toggle = QPushButton("Show as Table")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(f"Show {what} as a table")
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table)
        self.setLayout(vbox(self.stack, hbox(None, self.toggle), spacing=4))
        self._pending: ChartTable | None = None  # what the table shows when next shown

    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table

    def show_table_data(self, data: ChartTable, description: str) -> None:
        self.chart.setAccessibleDescription(description)
        self.table.setAccessibleDescription(description)
        self._pending = data
        if self.showing_table():
            self._fill_table()

    def _fill_table(self) -> None:
        data, self._pending = self._pending, None
        if data is None:
            return
        self.model.clear()
        self.model.setHorizontalHeaderLabels(data.headers)
        # Tips go in as header data: asking for horizontalHeaderItem() would wrap an item Qt
        # made, and PySide keeps that wrapper alive after clear() deletes the item, so a later
        # Qt object at the same address came back as it (tests/ui/test_item_wrappers.py).
        for column, tip in enumerate(data.header_tips):
            if tip:
                self.model.setHeaderData(
                    column, Qt.Orientation.Horizontal, tip, Qt.ItemDataRole.ToolTipRole
                )
        for cells in data.rows:
            items = []
            for column, text in enumerate(cells):
                item = QStandardItem(text)
                if column:  # numbers line up on the right, the row's name on the left
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                else:
                    item.setToolTip(text)
                items.append(item)
            self.model.appendRow(items)
        self._fit_first_column()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_first_column()

    def _fit_first_column(self) -> None:
        header = self.table.horizontalHeader()
        if self.model.columnCount() < 2:
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        numbers = sum(header.sectionSize(c) for c in range(1, self.model.columnCount()))
        room = self.table.viewport().width() - numbers
        wanted = max(self.table.sizeHintForColumn(0), header.sectionSizeHint(0))
        header.resizeSection(0, max(FIRST_COLUMN_MIN, min(wanted, room)))

    def table_cells(self) -> list[list[str]]:
        """What the table shows (or will show when shown), row by row (headers first)."""
        self._fill_table()
        model = self.model
        columns = range(model.columnCount())
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        rows = [[str(model.index(r, c).data()) for c in columns] for r in range(model.rowCount())]
        return [headers, *rows]

    def _on_toggle_toggled(self, checked: bool) -> None:
        if checked:
            self._fill_table()
        self.stack.setCurrentWidget(self.table if checked else self.chart)
