"""The saved scenarios of the open assessment: open one into What-if mode, rename, delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from mlorg_desktop.domain.scenario import Scenario
from mlorg_desktop.ui.widgets.layout import hbox, vbox

SCENARIO_ID = Qt.ItemDataRole.UserRole


class ScenarioList(QWidget):
    """Signals:
    open_requested(str), rename_requested(str), delete_requested(str): a scenario's id.
    """

    open_requested = Signal(str)
    rename_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Scenarios of this assessment")
        self.list.setMaximumHeight(110)
        self.list.itemActivated.connect(lambda item: self._emit(self.open_requested))
        self.list.currentRowChanged.connect(self._update_buttons)
        self.open_button = QPushButton("O&pen")
        self.open_button.setToolTip("Open the scenario in What-if mode")
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.rename_button = QPushButton("Rena&me…")
        self.rename_button.clicked.connect(lambda: self._emit(self.rename_requested))
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.label = QLabel("<b>Scenarios</b>")
        self.label.setBuddy(self.list)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.setLayout(
            vbox(
                self.label,
                self.note,
                self.list,
                hbox(self.open_button, self.rename_button, self.delete_button),
                margin=0,
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.set_scenarios((), stored=False)

    def focus_widgets(self) -> list[QWidget]:
        return [self.list, self.open_button, self.rename_button, self.delete_button]

    def names(self) -> list[str]:
        return [self.list.item(r).text() for r in range(self.list.count())]

    def set_scenarios(self, scenarios: Sequence[Scenario], stored: bool) -> None:
        current = self.current_id()
        self.list.clear()
        for scenario in scenarios:
            item = QListWidgetItem(scenario.name)
            item.setData(SCENARIO_ID, scenario.id)
            item.setToolTip(f"{scenario.name} — saved {scenario.updated_at[:10]}")
            self.list.addItem(item)
            if scenario.id == current:
                self.list.setCurrentItem(item)
        if scenarios and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        if not stored:
            self.note.setText("Save the assessment to try what-if scenarios on it.")
        elif not scenarios:
            self.note.setText("None yet: What if… (Ctrl+Shift+W) tries other answers on a copy.")
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.list.setVisible(bool(scenarios))
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(SCENARIO_ID) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.current_id() is not None and self.isEnabled()
        for button in (self.open_button, self.rename_button, self.delete_button):
            button.setVisible(self.list.count() > 0)
            button.setEnabled(chosen)

    def _emit(self, signal: object) -> None:
        scenario_id = self.current_id()
        if scenario_id is not None:
            signal.emit(scenario_id)  # type: ignore[attr-defined]
