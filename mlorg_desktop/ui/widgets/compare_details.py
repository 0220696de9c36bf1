"""The Compare tab's lower half: a summary table of the chosen assessments' readings and
positions, and the questions they answered differently."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from mlorg_desktop.domain.comparison import ComparedAssessment, Comparison
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.reading_text import (
    COVERAGE_HELP,
    MARGIN_HELP,
    RULE_HELP,
    reading_explanation,
    reading_label,
)
from mlorg_desktop.ui.widgets.scenario_rows import is_scenario, series_text


class CompareDetails(QTabWidget):
    """Summary and "Answers that differ", filled from one ``Comparison``."""

    def __init__(self, knowledge: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.table = QTableWidget()
        self.table.setAccessibleName("Comparison summary")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrow keys walk the cells
        self._set_headers()
        self._table_rows: list[ComparedAssessment] = []  # what each table row shows
        self.differences = QTreeWidget()
        self.differences.setAccessibleName("Questions answered differently")
        self.differences.setHeaderLabels(["Question / assessment", "Answer"])
        self.differences.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.differences.setColumnWidth(0, 420)
        self.addTab(self.table, "Summary")
        self.addTab(self.differences, "Answers that differ")
        # Filled when shown: rebuilding the tree on every tick cost a third of the redraw.
        self._comparison: Comparison | None = None
        self._differences_shown: Comparison | None = None
        self.currentChanged.connect(self._on_current_changed)

    def show_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._fill_table(comparison)
        if self.currentWidget() is self.differences:
            self._fill_differences(comparison)

    def _on_current_changed(self, _index: int) -> None:
        if self.currentWidget() is self.differences and self._comparison is not None:
            self._fill_differences(self._comparison)

    def _set_headers(self) -> None:
        dims = self.knowledge.catalog.dimensions
        headers = ["Assessment", "Reading", "Runner-up", "Margin", "Answered"] + [
            d.short_name for d in dims
        ]
        tips = [
            "",
            RULE_HELP,
            "The archetype with the second-best fit.",
            MARGIN_HELP,
            COVERAGE_HELP,
        ]
        self.table.setColumnCount(len(headers))
        for c, text in enumerate(headers):  # made here, not wrapped from Qt: see chart_table
            header = QTableWidgetItem(text)
            if c < len(tips) and tips[c]:
                header.setToolTip(tips[c])
            self.table.setHorizontalHeaderItem(c, header)

    def _fill_table(self, comparison: Comparison) -> None:
        """Rows whose assessment and score are those shown already are kept: ticking one
        more makes one new row, not all of them."""
        self.table.clearSelection()  # as the full refill did
        self.table.setRowCount(len(comparison.rows))
        del self._table_rows[len(comparison.rows) :]
        for r, row in enumerate(comparison.rows):
            if r < len(self._table_rows) and self._table_rows[r] is row:
                continue
            self._fill_row(r, row)
            if r < len(self._table_rows):
                self._table_rows[r] = row
            else:
                self._table_rows.append(row)
        self.table.resizeColumnsToContents()

    def _fill_row(self, r: int, row: ComparedAssessment) -> None:
        names = {a.id: a.name for a in self.knowledge.catalog.archetypes}
        dims = self.knowledge.catalog.dimensions
        s = row.score
        cells = [
            series_text(row.assessment),
            reading_label(s, names),
            names[s.runner_up] if s.leader and s.runner_up else "—",
            f"{s.margin:.0f}" if s.leader else "—",
            f"{s.answered} of {s.total}",
        ]
        cells += ["—" if s.positions[d.id] is None else f"{s.positions[d.id]:.0f}" for d in dims]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0 and is_scenario(row.assessment):
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            if c == 1:
                item.setToolTip(reading_explanation(s, names))
            self.table.setItem(r, c, item)

    def _fill_differences(self, comparison: Comparison) -> None:
        if self._differences_shown is comparison:
            return
        self._differences_shown = comparison
        self.differences.clear()
        labels = [series_text(r.assessment) for r in comparison.rows]
        if len(labels) < 2:
            self.differences.addTopLevelItem(
                QTreeWidgetItem(
                    ["Choose two or more assessments to see where their answers differ.", ""]
                )
            )
            return
        if not comparison.differences:
            self.differences.addTopLevelItem(
                QTreeWidgetItem(["The chosen assessments answered every question alike.", ""])
            )
        for difference in comparison.differences:
            top = QTreeWidgetItem([difference.question_text, ""])
            top.setToolTip(0, difference.question_text)
            for label, answer in zip(labels, difference.answers, strict=True):
                child = QTreeWidgetItem([label, answer])
                child.setToolTip(1, answer)
                top.addChild(child)
            self.differences.addTopLevelItem(top)
        self.differences.expandAll()
