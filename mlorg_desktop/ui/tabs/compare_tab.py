"""Compare 1-8 saved assessments: radar and bar charts, a summary table and the answers that
differ. The chart stack (pyqtgraph, numpy) loads the first time this tab is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QWidget,
)

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.comparison import MAX_COMPARED, Comparison, compare
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.scenario import scenario_view
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.charts.compare_charts import CompareCharts
from mlorg_desktop.ui.widgets.accessibility import name_clear_button
from mlorg_desktop.ui.widgets.assessment_model import ID_ROLE
from mlorg_desktop.ui.widgets.compare_details import CompareDetails
from mlorg_desktop.ui.widgets.layout import MARGIN, container, hbox, vbox
from mlorg_desktop.ui.widgets.scenario_rows import (
    SCENARIO_SEPARATOR,
    scenario_item,
)
from mlorg_desktop.ui.widgets.series_labels import (
    HEAD_ROLE,
    TAIL_ROLE,
    SeriesLabelDelegate,
    label_parts,
)

if TYPE_CHECKING:
    from mlorg_desktop.ui.charts.charts import FitBarChart, RadarChart

ORG_ROLE = Qt.ItemDataRole.UserRole + 3  # beside assessment_model's ID_ROLE and SORT_ROLE


class CompareTab(QWidget):
    """Signals:
    selection_changed(int): how many assessments are chosen now.
    new_requested(): the store is empty and the user wants to start an assessment.
    """

    selection_changed = Signal(int)
    new_requested = Signal()

    def __init__(
        self, knowledge: Knowledge, store: AssessmentStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.store = store
        self._chosen: list[str] = []  # in the order they were ticked
        self.comparison: Comparison = compare(knowledge, [])
        self.chart_area = CompareCharts(knowledge.catalog)
        self.overlay = self.chart_area.overlay
        self.legend = self.chart_area.legend

        self.items = QStandardItemModel(self)
        self._by_id: dict[str, QStandardItem] = {}
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # A scenario row shows with its assessment, and its assessment's row with it.
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter…")
        self.filter.setClearButtonEnabled(True)
        name_clear_button(self.filter, "Clear the filter")
        self.filter.setAccessibleName("Filter assessments to compare")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        # A one-column tree: rows as wide as the view, labels elided in the middle (the tooltip
        # has the whole label), and uniform row heights, so ticking a box does not make the
        # view measure all rows again (147 ms at 10,000 with a word-wrapping list).
        self.list = QTreeView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName("Assessments to compare; tick up to eight")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(True)  # scenarios sit under their assessment
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegate(SeriesLabelDelegate(self.list))  # the date is never cut
        self.select_org = QPushButton("Select all of this &organization")
        self.select_org.setToolTip("Tick every assessment of the highlighted row's organization")
        self.select_org.clicked.connect(self.select_current_organization)
        self.clear_button = QPushButton("C&lear")
        self.clear_button.clicked.connect(self.clear)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for assessment in store.all():
            self._add_item(assessment)
        self.items.sort(0)
        self.list.expandAll()  # scenarios show under their assessment
        self.items.itemChanged.connect(self._on_items_item_changed)

        self.details = CompareDetails(knowledge)
        self.table = self.details.table
        self.differences = self.details.differences

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("compareRightSplitter")
        right.addWidget(self.chart_area)
        right.addWidget(self.details)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        left = container(
            vbox(
                QLabel("<b>Choose 1–8 assessments</b>"),
                self.filter,
                self.list,
                self.select_org,
                hbox(self.clear_button, None),
                self.status,
            )
        )
        left.setMaximumWidth(360)
        splitter = QSplitter()
        splitter.setObjectName("compareSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The list gives up a little width in a small window (the charts need it more) and
        # grows to its maximum in a large one: room for "Org · unit · respondent (date)".
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([330, 1000])
        self.setLayout(vbox(splitter, margin=MARGIN))
        self._refresh()

    @property
    def radar(self) -> RadarChart | None:
        """The radar chart, once the tab has been shown (pyqtgraph loads then)."""
        return self.chart_area.radar

    @property
    def bars(self) -> FitBarChart | None:
        return self.chart_area.bars

    # Selection ---------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return list(self._chosen)

    def selected_assessments(self) -> list[Assessment]:
        """The chosen assessments; a chosen scenario as its assessment with its answers
        (``domain.scenario.scenario_view``), marked as a scenario."""
        return [self._assessment(i) for i in self._chosen]

    def _assessment(self, row_id: str) -> Assessment:
        if SCENARIO_SEPARATOR not in row_id:
            return self.store.get(row_id)
        assessment_id, scenario_id = row_id.split(SCENARIO_SEPARATOR, 1)
        assessment = self.store.get(assessment_id)
        scenario = next(s for s in assessment.scenarios if s.id == scenario_id)
        return scenario_view(assessment, scenario)

    def set_selected(self, ids: list[str]) -> None:
        """Tick exactly ``ids`` (the first eight), then refresh once."""
        chosen = list(dict.fromkeys(ids))[:MAX_COMPARED]
        items = [self._item(i) for i in chosen]  # unknown ids fail before anything changes
        previous = [self._item(i) for i in self._chosen]

        def tick() -> None:
            for item in previous:
                item.setCheckState(Qt.CheckState.Unchecked)
            for item in items:
                item.setCheckState(Qt.CheckState.Checked)

        self._updating(tick)
        self._chosen = chosen
        self._refresh()

    def select_all(self) -> None:
        """Tick the first eight in list order (used by screenshots and the smoke test)."""
        self.set_selected(
            [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]
        )

    def clear(self) -> None:
        self.set_selected([])

    def select_current_organization(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            self.status.setText("Highlight an assessment first.")
            return
        org = index.data(ORG_ROLE)
        ids = [
            self.items.item(r).data(ID_ROLE)
            for r in range(self.items.rowCount())
            if self.items.item(r).data(ORG_ROLE) == org
        ]
        keep = [i for i in self._chosen if i not in ids]
        self.set_selected(keep + ids)

    # Store changes -----------------------------------------------------------------------------

    def on_assessment_saved(self, assessment_id: str) -> None:
        self.on_assessments_saved([assessment_id])

    def on_assessments_saved(self, assessment_ids: Iterable[str]) -> None:
        """Several at once (an import): the list is sorted and the charts redrawn once."""
        ids = list(assessment_ids)
        added = False
        for assessment_id in ids:
            assessment = self.store.get(assessment_id)
            item = self._by_id.get(assessment_id)
            if item is None:
                self._add_item(assessment)
                added = True
            else:
                self._updating(lambda i=item, a=assessment: _set_label(i, a))
                self._sync_scenarios(item, assessment)
        if added:
            self.items.sort(0)
            self.list.expandAll()
        if any(c.split(SCENARIO_SEPARATOR, 1)[0] in ids for c in self._chosen):
            self._refresh()
        elif added and not self._chosen:
            self._show_charts()  # the empty state's words depend on how many there are

    def on_assessment_deleted(self, assessment_id: str) -> None:
        item = self._by_id.pop(assessment_id, None)
        if item is not None:
            for row in range(item.rowCount()):
                self._by_id.pop(item.child(row).data(ID_ROLE), None)
            self._updating(lambda: self.items.removeRow(item.row()))
        gone = [c for c in self._chosen if c.split(SCENARIO_SEPARATOR, 1)[0] == assessment_id]
        if gone:
            self._chosen = [c for c in self._chosen if c not in gone]
            self._refresh()
        elif not self._chosen:
            self._show_charts()

    # Internals ---------------------------------------------------------------------------------

    def _add_item(self, assessment: Assessment) -> None:
        item = QStandardItem()
        _set_label(item, assessment)
        item.setCheckable(True)
        item.setEditable(False)
        item.setData(assessment.id, ID_ROLE)
        item.setData(assessment.organization, ORG_ROLE)
        self._by_id[assessment.id] = item
        self._updating(lambda: self.items.appendRow(item))
        self._sync_scenarios(item, assessment)

    def _sync_scenarios(self, item: QStandardItem, assessment: Assessment) -> None:
        """One checkable child row per saved scenario, kept ticked across renames; a deleted
        scenario's row goes, and leaves the comparison."""
        wanted = [f"{assessment.id}{SCENARIO_SEPARATOR}{s.id}" for s in assessment.scenarios]
        old = [item.child(r).data(ID_ROLE) for r in range(item.rowCount())]
        dropped = [i for i in old if i not in wanted]

        def rebuild() -> None:
            item.removeRows(0, item.rowCount())
            for row_id, scenario in zip(wanted, assessment.scenarios, strict=True):
                child = scenario_item(assessment, scenario, row_id)
                child.setData(assessment.organization, ORG_ROLE)
                if row_id in self._chosen:
                    child.setCheckState(Qt.CheckState.Checked)
                self._by_id[row_id] = child
                item.appendRow(child)

        for row_id in dropped:
            self._by_id.pop(row_id, None)
        if old or wanted:
            self._updating(rebuild)
            self.list.expandAll()
        if any(i in self._chosen for i in dropped):
            self._chosen = [c for c in self._chosen if c not in dropped]
            self._refresh()

    def _item(self, assessment_id: str) -> QStandardItem:
        return self._by_id[assessment_id]

    def _updating(self, change: object) -> None:
        self.items.blockSignals(True)
        try:
            change()  # type: ignore[operator]
        finally:
            self.items.blockSignals(False)
        self.list.viewport().update()

    def _on_items_item_changed(self, item: QStandardItem) -> None:
        assessment_id = item.data(ID_ROLE)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and assessment_id not in self._chosen:
            if len(self._chosen) >= MAX_COMPARED:
                self._updating(lambda: item.setCheckState(Qt.CheckState.Unchecked))
                self.status.setText(
                    f"At most {MAX_COMPARED} assessments can be compared; untick one first."
                )
                return
            self._chosen.append(assessment_id)
        elif not checked and assessment_id in self._chosen:
            self._chosen.remove(assessment_id)
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.chart_area.create_charts()

    def _refresh(self) -> None:
        known = {row.assessment.id: row for row in self.comparison.rows}
        self.comparison = compare(self.knowledge, self.selected_assessments(), known)
        n = len(self._chosen)
        if not self.status.text().startswith("At most") or n < MAX_COMPARED:
            self.status.setText(
                f"{n} of at most {MAX_COMPARED} chosen." if n else "None chosen yet."
            )
        self.details.show_comparison(self.comparison)
        self._show_charts()
        self.selection_changed.emit(n)

    def _show_charts(self) -> None:
        self.chart_area.show_rows(self.comparison.rows, self._empty_state())
        self._update_buttons()

    def _empty_state(self) -> tuple[str, str, Callable[[], object]]:
        """What the chart area says while nothing is ticked: save one first, or tick some."""
        total = self.items.rowCount()
        if total == 0:
            return (
                "No saved assessments to compare yet: answer and save one first.",
                "New Assessment",
                self.new_requested.emit,
            )
        button = "Tick All" if total <= MAX_COMPARED else f"Tick the First {MAX_COMPARED}"
        return (
            f"Tick up to {MAX_COMPARED} assessments in the list to compare them here.",
            button,
            self.select_all,
        )

    def _update_buttons(self) -> None:
        """Clear needs something ticked; "Select all of this organization" a row to start from."""
        self.clear_button.setEnabled(bool(self._chosen))
        self.select_org.setEnabled(self.items.rowCount() > 0)
        self.filter.setEnabled(self.items.rowCount() > 0 or bool(self.filter.text()))
        if not self._chosen and not self.status.text().startswith("At most"):
            # The chart area's empty state already says what to do.
            self.status.setText("" if self.items.rowCount() == 0 else "None chosen yet.")


def _set_label(item: QStandardItem, assessment: Assessment) -> None:
    head, tail = label_parts(assessment)
    item.setText(head + tail)
    item.setToolTip(head + tail)
    item.setData(head, HEAD_ROLE)
    item.setData(tail, TAIL_ROLE)
