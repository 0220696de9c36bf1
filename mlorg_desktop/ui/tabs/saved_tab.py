"""Saved assessments: a sortable, filterable list to open, re-assess, delete and undo."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.widgets.accessibility import name_clear_button
from mlorg_desktop.ui.widgets.assessment_model import ID_ROLE, AssessmentTableModel
from mlorg_desktop.ui.widgets.empty_state import EmptyState
from mlorg_desktop.ui.widgets.layout import MARGIN, hbox, vbox

PREPARE_SLICE = 200  # rows scored per idle slice: ~8 ms, well inside one frame
PREPARE_DELAY_MS = 100


class SavedTab(QWidget):
    """The store's content as a table.

    Signals:
        open_requested(str): the user wants to edit this assessment.
        reassess_requested(str): the user wants a dated copy of this assessment to answer again.
        assessment_deleted(str): this assessment left the store (undo is possible).
        assessment_restored(str): a deleted assessment came back through undo.
        undo_available(bool): whether Undo Delete has something to undo.
        redo_available(bool): whether Redo Delete has an undone delete to do again.
        new_requested(): the list is empty and the user wants to start an assessment.
    """

    open_requested = Signal(str)
    reassess_requested = Signal(str)
    assessment_deleted = Signal(str)
    assessment_restored = Signal(str)
    undo_available = Signal(bool)
    redo_available = Signal(bool)
    new_requested = Signal()

    def __init__(
        self,
        knowledge: Knowledge,
        store: AssessmentStore,
        messenger: Messenger,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.messenger = messenger
        self._deleted: list[Assessment] = []  # undo stack: newest last
        self._undone: list[str] = []  # ids brought back by undo, for redo: newest last
        self.model = AssessmentTableModel(knowledge, store.all())
        self._preparing = QTimer(self)  # scores rows for the filter while the user reads
        self._preparing.setInterval(0)
        self._preparing.timeout.connect(self._prepare_some)
        # Qt owns both from here: the view must never outlive its model (a garbage-collected
        # model under a live view crashed a test run at teardown).
        self.model.setParent(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by organization, unit, respondent, archetype…")
        self.filter.setClearButtonEnabled(True)
        name_clear_button(self.filter, "Clear the filter")
        self.filter.setAccessibleName("Filter saved assessments")
        self.filter.textChanged.connect(self.model.set_needle)
        self.filter.textChanged.connect(self._update_buttons)
        self.table = QTableView()
        self.table.setAccessibleName("Saved assessments")
        self.table.setModel(self.model)
        self.model.sort(3, Qt.SortOrder.DescendingOrder)  # newest first, before the view exists
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are chosen whole: Tab leaves the table instead of walking its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((220, 170, 150, 100, 220)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)

        self.open_button = QPushButton("&Open")
        self.open_button.clicked.connect(self.open_selected)
        self.reassess_button = QPushButton("&Re-assess")
        self.reassess_button.setToolTip(
            "Answer this assessment again today, starting from its current answers"
        )
        self.reassess_button.clicked.connect(self.reassess_selected)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_delete)
        self.count = QLabel()
        self.table.installEventFilter(self)  # the Delete key deletes the current row
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # selected_id counts the keyboard's current row: the buttons must follow it too.
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        # Nothing saved, or nothing matching the filter: one line and one button instead.
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.setLayout(
            vbox(
                hbox(self.filter, self.count),
                self.stack,
                hbox(
                    self.open_button,
                    self.reassess_button,
                    self.delete_button,
                    None,
                    self.undo_button,
                ),
                margin=MARGIN,
            )
        )
        self._update_buttons()

    # Called by the main window when the store changes elsewhere ---------------------------

    def on_assessment_saved(self, assessment_id: str) -> None:
        self.on_assessments_saved([assessment_id])

    def on_assessments_saved(self, assessment_ids: Iterable[str]) -> None:
        """Several at once (an import): one insertion and one sort, not one per assessment."""
        self.model.upsert_many(self.store.get(i) for i in assessment_ids)
        self._update_buttons()
        if self.isVisible() and not self.model.prepare_some(0):
            self._preparing.start()

    # Actions ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.model.prepare_some(0):
            # After the list has painted: idle slices must not delay its first paint.
            QTimer.singleShot(PREPARE_DELAY_MS, self._preparing.start)

    def _prepare_some(self) -> None:
        if self.model.prepare_some(PREPARE_SLICE):
            self._preparing.stop()

    @property
    def filter_ready(self) -> bool:
        return self.model.prepare_some(0)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return str(rows[0].data(ID_ROLE))
        # The keyboard's current row counts too: a re-sort can clear the selection but not it.
        current = self.table.currentIndex()
        return str(current.siblingAtColumn(0).data(ID_ROLE)) if current.isValid() else None

    def select(self, assessment_id: str) -> None:
        row = self.model.row_of(assessment_id)
        if row < 0:  # hidden by the filter
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def open_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id:
            self.open_requested.emit(assessment_id)

    def reassess_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id:
            self.reassess_requested.emit(assessment_id)

    def delete_selected(self) -> None:
        assessment_id = self.selected_id()
        if not assessment_id:
            return
        assessment = self.store.get(assessment_id)
        if not dialogs.confirm_delete(self, assessment.label):
            return
        if self._remove(assessment):
            self._undone.clear()  # a new delete: what was undone before cannot be redone
            self.redo_available.emit(False)

    def _remove(self, assessment: Assessment) -> bool:
        try:
            self.store.delete(assessment.id)
        except StoreError as exc:
            self.messenger.error(self, "Could not delete", str(exc))
            return False
        self._deleted.append(assessment)
        self.model.remove(assessment.id)
        self.assessment_deleted.emit(assessment.id)
        self.undo_available.emit(True)
        self._update_buttons()
        return True

    def redo_delete(self) -> None:
        """Delete again what the last undo brought back (it was confirmed the first time)."""
        while self._undone:
            assessment_id = self._undone.pop()
            if assessment_id in self.store:  # not deleted again some other way meanwhile
                self._remove(self.store.get(assessment_id))
                break
        self.redo_available.emit(bool(self._undone))

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        assessment = self._deleted[-1]
        try:
            self.store.restore(assessment)
        except StoreError as exc:
            self.messenger.error(self, "Could not undo", str(exc))
            return
        self._deleted.pop()
        self._undone.append(assessment.id)
        self.model.upsert(assessment)
        self.select(assessment.id)
        self.assessment_restored.emit(assessment.id)
        self.undo_available.emit(bool(self._deleted))
        self.redo_available.emit(True)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_requested.emit(str(index.data(ID_ROLE)))

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_id() is not None
        for button in (self.open_button, self.reassess_button, self.delete_button):
            button.setEnabled(selected)
        self.undo_button.setEnabled(bool(self._deleted))
        total = self.model.total()
        shown = self.model.rowCount()
        self.count.setText(f"{total} saved" if shown == total else f"{shown} of {total} shown")
        self.filter.setEnabled(total > 0 or bool(self.filter.text()))
        if shown:
            self._show_page(self.table)
        elif total == 0:
            self.empty.show_state(
                "No saved assessments yet.", "New Assessment", self.new_requested.emit
            )
            self._show_page(self.empty)
        else:
            needle = self.filter.text().strip()
            self.empty.show_state(
                f"No assessment matches “{needle}”.", "Clear Filter", self.filter.clear
            )
            self._show_page(self.empty)

    def _show_page(self, page: QWidget) -> None:
        if self.stack.currentWidget() is page:
            return
        had_focus = self.stack.currentWidget().hasFocus()
        self.stack.setCurrentWidget(page)
        if had_focus:  # focus must not vanish with the page that held it
            page.setFocus(Qt.FocusReason.OtherFocusReason)
