"""A table model of saved assessments with their scores, updated row by row, never rebuilt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mlorg_desktop.collector import collector_paused
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.reading_text import (
    COVERAGE_HELP,
    RULE_HELP,
    reading_explanation,
    reading_label,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Organization", "Team / unit", "Respondent", "Date", "Reading", "Answered")
HEADER_TIPS = {
    4: "Named, leaning towards, transitional between two, or too few answers (docs/method.md).\n"
    + RULE_HELP,
    5: COVERAGE_HELP,
}
_Index = QModelIndex | QPersistentModelIndex


SCORED_COLUMNS = (4, 5)


@dataclass
class Row:
    """One assessment; its score is computed the first time a scored column is asked for."""

    assessment: Assessment
    primary: str = ""  # the reading: "Independent", "Leaning towards R&D", ...
    coverage: float = -1.0
    answered: str = ""  # "17 of 27"
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
            self.answered,
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
    """All saved assessments in ``_all`` (sorted); the view sees ``_rows``, those matching the
    filter. Sorting and filtering are one Python pass each: a QSortFilterProxyModel calls back
    into Python once per row (about 20 ms to filter 10,000) or per comparison when sorting."""

    def __init__(self, knowledge: Knowledge, assessments: list[Assessment]) -> None:
        super().__init__()
        self.knowledge = knowledge
        self._names = {a.id: a.name for a in knowledge.catalog.archetypes}
        with collector_paused():  # 10,000 rows: see mlorg_desktop.collector
            self._all = [Row(a) for a in assessments]
        self._rows = list(self._all)
        self._needle = ""
        self._sort_state: tuple[int, Qt.SortOrder] | None = None
        self._in_order = False
        self._prepared = 0  # rows of _all before this index were visited by prepare_some
        self._positions = {row.assessment.id: i for i, row in enumerate(self._rows)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sort_state == (column, order) and self._in_order:
            return  # e.g. the view's setSortingEnabled asking again for the order we have
        self._sort_state = (column, order)
        self._in_order = True
        self._prepared = 0  # rows moved: prepare_some walks again (prepared rows are skipped)
        if column in SCORED_COLUMNS:
            for row in self._all:
                self._scored(row)
        self._all.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._show(self._matching())

    def set_needle(self, text: str) -> None:
        """Show only rows whose cells contain ``text`` (case-insensitive); empty shows all."""
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        self._show(self._matching())

    def total(self) -> int:
        return len(self._all)

    def _matching(self) -> list[Row]:
        if not self._needle:
            return list(self._all)
        needle, text = self._needle, self._text
        return [row for row in self._all if needle in (row.text or text(row))]

    def _show(self, rows: list[Row]) -> None:
        """Replace the visible rows; selections follow their assessments (or are dropped)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].assessment.id for i in before]
        self._rows = rows
        self._positions = {row.assessment.id: i for i, row in enumerate(rows)}
        after = [
            self.index(self._positions[i], index.column())
            if i in self._positions
            else QModelIndex()
            for i, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _text(self, row: Row) -> str:
        if not row.text:
            row.text = " ".join(self._scored(row).cells()).casefold()
        return row.text

    def prepare_some(self, limit: int) -> bool:
        """Score and index up to ``limit`` more rows for filtering; True once all are ready.

        Run in idle slices after the list is shown, so the first filter keystroke does not
        have to score every row (about 40 µs each: 0.4 s at 10,000).
        """
        start = self._prepared
        end = min(len(self._all), start + limit)
        for row in self._all[start:end]:
            self._text(row)
        self._prepared = end
        return end >= len(self._all)

    def _scored(self, row: Row) -> Row:
        # Scoring thousands of rows up front would cost start-up time for a tab not yet seen.
        if not row.scored:
            a = row.assessment
            result = self.knowledge.score(a.questionnaire_version, a.answers)
            row.primary = reading_label(result, self._names)
            row.coverage = result.coverage
            row.answered = f"{result.answered} of {result.total}"
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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() in SCORED_COLUMNS or role == Qt.ItemDataRole.ToolTipRole:
            row = self._scored(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in SCORED_COLUMNS:
            # Only on hover: the words (and how many answers would settle it) cost more than
            # the reading itself.
            a = row.assessment
            result = self.knowledge.score(a.questionnaire_version, a.answers)
            return reading_explanation(result, self._names)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells()[index.column()]
        if role == ID_ROLE:
            return row.assessment.id
        return None

    def row_of(self, assessment_id: str) -> int:
        """The visible row of an assessment, or -1 when the filter hides it."""
        return self._positions.get(assessment_id, -1)

    def upsert(self, assessment: Assessment) -> None:
        """Add a new assessment or refresh the row of an existing one."""
        self.upsert_many([assessment])

    def upsert_many(self, assessments: Iterable[Assessment]) -> None:
        """Refresh existing rows and add new ones, then sort and filter once."""
        where = {row.assessment.id: i for i, row in enumerate(self._all)}
        for assessment in assessments:
            if assessment.id in where:
                self._all[where[assessment.id]] = Row(assessment)
            else:
                where[assessment.id] = len(self._all)
                self._all.append(Row(assessment))
        self._in_order = False
        self._prepared = 0
        if self._sort_state is not None:
            self.sort(*self._sort_state)
        else:
            self._show(self._matching())

    def remove(self, assessment_id: str) -> None:
        self._all = [row for row in self._all if row.assessment.id != assessment_id]
        self._prepared = 0
        i = self._positions.get(assessment_id)
        if i is None:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self._positions = {row.assessment.id: n for n, row in enumerate(self._rows)}
        self.endRemoveRows()
