"""A table model of saved assessments with their scores, updated row by row, never rebuilt."""

from __future__ import annotations

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


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self, knowledge: Knowledge, assessments: list[Assessment]) -> None:
        super().__init__()
        self.knowledge = knowledge
        self._names = {a.id: a.name for a in knowledge.catalog.archetypes}
        self._rows = [Row(a) for a in assessments]
        self._positions = {row.assessment.id: i for i, row in enumerate(self._rows)}

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
        row = Row(assessment)
        if assessment.id in self._positions:
            i = self._positions[assessment.id]
            self._rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            return
        i = len(self._rows)
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.append(row)
        self._positions[assessment.id] = i
        self.endInsertRows()

    def remove(self, assessment_id: str) -> None:
        i = self._positions.get(assessment_id)
        if i is None:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self._positions = {row.assessment.id: n for n, row in enumerate(self._rows)}
        self.endRemoveRows()


def filtered(model: AssessmentTableModel) -> QSortFilterProxyModel:
    """A proxy that sorts naturally and filters on any column, ignoring case."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
