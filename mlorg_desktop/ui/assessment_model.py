"""A table model of saved assessments with their scores, updated row by row, never rebuilt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import Knowledge

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Organization", "Team / unit", "Respondent", "Date", "Primary archetype", "Coverage")
_Index = QModelIndex | QPersistentModelIndex


SCORED_COLUMNS = (4, 5)


@dataclass
class Row:
    """One assessment; its score is computed the first time a scored column is asked for."""

    assessment: Assessment
    primary: str = ""  # archetype name, or a dash while withheld
    coverage: float = -1.0
    text: str = ""  # every cell, lower-cased, for filtering

    @property
    def scored(self) -> bool:
        return self.coverage >= 0

    def cells(self) -> tuple[str, ...]:
        a = self.assessment
        return (
            a.organization,
            a.unit,
            a.respondent,
            a.assessed_on,
            self.primary,
            f"{self.coverage:.0%}",
        )


_SORT_KEYS: tuple[Any, ...] = (
    lambda r: r.assessment.organization.casefold(),
    lambda r: r.assessment.unit.casefold(),
    lambda r: r.assessment.respondent.casefold(),
    lambda r: r.assessment.assessed_on,
    lambda r: r.primary.casefold(),
    lambda r: r.coverage,
)


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self, knowledge: Knowledge, assessments: list[Assessment]) -> None:
        super().__init__()
        self.knowledge = knowledge
        self._names = {a.id: a.name for a in knowledge.catalog.archetypes}
        self._rows = [Row(a) for a in assessments]
        self._sort_state: tuple[int, Qt.SortOrder] | None = None
        self._in_order = False
        self._prepared = 0  # rows before this index were visited by prepare_some
        self._positions = {row.assessment.id: i for i, row in enumerate(self._rows)}

    # Sorting and filtering in Python, in one pass each: a QSortFilterProxyModel sort calls
    # data() through the bindings hundreds of thousands of times for 10,000 rows.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sort_state == (column, order) and self._in_order:
            return  # e.g. the view's setSortingEnabled asking again for the order we have
        self._sort_state = (column, order)
        self._in_order = True
        self._prepared = 0  # rows moved: prepare_some walks again (prepared rows are skipped)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].assessment.id for i in before]
        if column in SCORED_COLUMNS:
            for row in self._rows:
                self._scored(row)
        self._rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._positions = {row.assessment.id: i for i, row in enumerate(self._rows)}
        after = [
            self.index(self._positions[i], index.column())
            for i, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_text(self, row: int) -> str:
        entry = self._scored(self._rows[row])
        if not entry.text:
            entry.text = " ".join(entry.cells()).casefold()
        return entry.text

    def prepare_some(self, limit: int) -> bool:
        """Score and index up to ``limit`` more rows for filtering; True once all are ready.

        Run in idle slices after the list is shown, so the first filter keystroke does not
        have to score every row (about 40 µs each: 0.4 s at 10,000).
        """
        start = self._prepared
        end = min(len(self._rows), start + limit)
        for row in self._rows[start:end]:
            if not row.text:
                row.text = " ".join(self._scored(row).cells()).casefold()
        self._prepared = end
        return end >= len(self._rows)

    def _scored(self, row: Row) -> Row:
        # Scoring thousands of rows up front would cost start-up time for a tab not yet seen.
        if not row.scored:
            a = row.assessment
            result = self.knowledge.score(a.questionnaire_version, a.answers)
            row.primary = self._names[result.primary] if result.primary else "— (too few answers)"
            row.coverage = result.coverage
        return row

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() in SCORED_COLUMNS or role == Qt.ItemDataRole.ToolTipRole:
            row = self._scored(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells()[index.column()]
        if role == SORT_ROLE:
            return row.coverage if index.column() == 5 else row.cells()[index.column()].casefold()
        if role == ID_ROLE:
            return row.assessment.id
        return None

    def assessment_at(self, row: int) -> Assessment:
        return self._rows[row].assessment

    def row_of(self, assessment_id: str) -> int:
        return self._positions[assessment_id]

    def upsert(self, assessment: Assessment) -> None:
        """Add a new assessment or refresh the row of an existing one."""
        self.upsert_many([assessment])

    def upsert_many(self, assessments: Iterable[Assessment]) -> None:
        """Refresh existing rows, append new ones in one insertion, and re-sort once."""
        new = []
        for assessment in assessments:
            if assessment.id in self._positions:
                i = self._positions[assessment.id]
                self._rows[i] = Row(assessment)
                self._in_order = False
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            else:
                new.append(Row(assessment))
        self._prepared = 0
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, row in enumerate(new):
            self._rows.append(row)
            self._positions[row.assessment.id] = first + offset
        self.endInsertRows()
        self._in_order = False
        if self._sort_state is not None:
            self.sort(*self._sort_state)

    def remove(self, assessment_id: str) -> None:
        i = self._positions.get(assessment_id)
        if i is None:
            return
        self._prepared = 0
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self._positions = {row.assessment.id: n for n, row in enumerate(self._rows)}
        self.endRemoveRows()


class RowFilter(QSortFilterProxyModel):
    """Filters on a cached lower-case text per row; sorting is left to the source model."""

    def __init__(self, model: AssessmentTableModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self._model = model
        self._needle = ""

    def set_needle(self, text: str) -> None:
        # Qt 6.10+ wants begin/endFilterChange around the change; invalidateFilter() alone no
        # longer re-filters rows that were already mapped (seen with PySide6 6.11).
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _parent: _Index) -> bool:  # noqa: N802
        return not self._needle or self._needle in self._model.row_text(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)


def filtered(model: AssessmentTableModel) -> RowFilter:
    return RowFilter(model)
