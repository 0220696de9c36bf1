"""The target picker: which archetype an organization wants to become, or to stay as it is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.roadmap import KEEP

NO_TARGET_TEXT = "None"
KEEP_TEXT = "Keep what we are"
MIXED_TEXT = "(respondents differ)"


class TargetPicker(QComboBox):
    """ "None", "Keep what we are", then the archetypes in catalog order; the item data is the
    target as stored ("" none, ``KEEP``, else an archetype id).

    Signals:
        target_chosen(str): the user picked another target (not emitted by ``set_target``).
    """

    target_chosen = Signal(str)

    def __init__(
        self, catalog: Catalog, name: str = "Target", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.addItem(NO_TARGET_TEXT, "")
        self.addItem(KEEP_TEXT, KEEP)
        for archetype in catalog.archetypes:
            self.addItem(archetype.name, archetype.id)
        self.setAccessibleName(name)
        self.setToolTip(
            "The archetype the organization wants to become, or “Keep what we are” to plan "
            "for a firmer version of the archetype it reads as today. The gap and the roadmap "
            "are worked out against it."
        )
        self._mixed = False
        self.activated.connect(self._on_activated)

    def target(self) -> str:
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def set_target(self, target: str | None) -> None:
        """Show ``target`` without telling anyone; None shows that several targets are set."""
        self.blockSignals(True)
        try:
            self._drop_mixed()
            if target is None:
                self.addItem(MIXED_TEXT, None)
                self._mixed = True
                self.setCurrentIndex(self.count() - 1)
            else:
                index = self.findData(target)
                self.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self.blockSignals(False)

    def _drop_mixed(self) -> None:
        if self._mixed:
            self.removeItem(self.count() - 1)
            self._mixed = False

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        if data is None:  # the "respondents differ" line itself
            return
        self.blockSignals(True)
        self._drop_mixed()
        self.setCurrentIndex(self.findData(data))
        self.blockSignals(False)
        self.target_chosen.emit(data)
