"""The archetype browser: the five archetypes in our words, and the three design dimensions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mlorg_desktop.domain.catalog import Archetype, Catalog
from mlorg_desktop.report.palette import archetype_color
from mlorg_desktop.ui.widgets.dimension_scale import DimensionScale, Marker
from mlorg_desktop.ui.widgets.layout import MARGIN, SECTION_GAP, container, vbox
from mlorg_desktop.ui.widgets.text_view import TextView

DIMENSIONS_ENTRY = "__dimensions__"


def _bullets(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def archetype_html(archetype: Archetype, catalog: Catalog) -> str:
    return (
        f"<h2>{escape(archetype.name)}</h2>"
        f"<p><i>{escape(archetype.tagline)}</i></p>"
        f"<h3>What it is</h3><p>{escape(archetype.what_it_is)}</p>"
        f"<h3>How ML work is organized</h3><p>{escape(archetype.organization)}</p>"
        f"<h3>Whom it reports to</h3><p>{escape(archetype.reports_to)}</p>"
        f"<h3>Strengths</h3>{_bullets(archetype.strengths)}"
        f"<h3>Weaknesses</h3>{_bullets(archetype.weaknesses)}"
        f"<h3>Where it is typical</h3>{_bullets(archetype.typical_organizations)}"
        f"<h3>Roles you usually find</h3>{_bullets(archetype.roles)}"
        f"<p><i>{escape(catalog.no_best_archetype)}</i></p>"
    )


class ArchetypePage(QScrollArea):
    """One archetype: its description and where it sits on the three dimensions."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.text = TextView()
        self.text.setAccessibleName("Archetype description")
        self.scales: dict[str, DimensionScale] = {}
        self.notes: dict[str, QLabel] = {}
        heading = QLabel("<h3>Where it sits on the three design dimensions</h3>")
        inner = QVBoxLayout()
        inner.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        inner.addWidget(self.text)
        inner.addSpacing(SECTION_GAP)
        inner.addWidget(heading)
        for dimension in catalog.dimensions:
            title = QLabel(f"<b>{escape(dimension.name)}</b>")
            scale = DimensionScale(dimension)
            note = QLabel()
            note.setWordWrap(True)
            note.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.scales[dimension.id] = scale
            self.notes[dimension.id] = note
            inner.addLayout(vbox(title, scale, note, spacing=4))
            inner.addSpacing(SECTION_GAP // 2)
        inner.addStretch(1)
        self.setWidget(container(inner))
        self.setWidgetResizable(True)

    def show_archetype(self, archetype: Archetype) -> None:
        self.text.setHtml(archetype_html(archetype, self.catalog))
        for dimension in self.catalog.dimensions:
            placement = archetype.placements[dimension.id]
            self.scales[dimension.id].set_markers(
                [Marker(placement.position, archetype.name, archetype_color(archetype.id))],
                empty_text="No position yet: this choice has not been made",
            )
            self.notes[dimension.id].setText(placement.note)
        self.verticalScrollBar().setValue(0)


class DimensionsPage(QScrollArea):
    """The three design choices, what each end means, and where every archetype sits."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QVBoxLayout()
        inner.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        intro = TextView()
        intro.setAccessibleName("Design dimensions explained")
        intro.setHtml(
            "<h2>The three design dimensions</h2><p>Every organization that does machine "
            "learning makes three choices, whether on purpose or by drift. The archetypes differ "
            "in how they make them. Each scale runs from 0 to 100; the markers show where each "
            "archetype typically sits.</p>"
        )
        inner.addWidget(intro)
        self.scales: dict[str, DimensionScale] = {}
        for dimension in catalog.dimensions:
            text = TextView()
            text.setHtml(
                f"<h3>{escape(dimension.name)}</h3><p><i>{escape(dimension.question)}</i></p>"
                f"<p><b>0 — {escape(dimension.low_label)}:</b> {escape(dimension.low_meaning)}</p>"
                f"<p><b>100 — {escape(dimension.high_label)}:</b> "
                f"{escape(dimension.high_meaning)}</p>"
            )
            scale = DimensionScale(dimension)
            scale.set_markers(
                [
                    Marker(
                        a.reference_position(dimension.id),
                        a.name,
                        archetype_color(a.id),
                        hollow=True,
                    )
                    for a in catalog.archetypes
                ]
            )
            self.scales[dimension.id] = scale
            undecided = [
                a.name for a in catalog.archetypes if a.reference_position(dimension.id) is None
            ]
            inner.addWidget(text)
            inner.addWidget(scale)
            if undecided:
                note = QLabel("Not placed (no choice made yet): " + ", ".join(undecided))
                note.setWordWrap(True)
                inner.addWidget(note)
            inner.addSpacing(SECTION_GAP)
        inner.addStretch(1)
        self.setWidget(container(inner))
        self.setWidgetResizable(True)


class ArchetypesTab(QWidget):
    """Browse the archetypes and the design dimensions. Read-only, so it emits no signals."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.list = QListWidget()
        self.list.setAccessibleName("Archetypes and design dimensions")
        for archetype in catalog.archetypes:
            item = QListWidgetItem(archetype.name)
            item.setData(Qt.ItemDataRole.UserRole, archetype.id)
            item.setToolTip(archetype.tagline)
            self.list.addItem(item)
        dims = QListWidgetItem("The three design dimensions")
        dims.setData(Qt.ItemDataRole.UserRole, DIMENSIONS_ENTRY)
        self.list.addItem(dims)
        self.list.setMinimumWidth(200)
        self.list.setMaximumWidth(280)

        self.archetype_page = ArchetypePage(catalog)
        self._dimensions_page: DimensionsPage | None = None  # built when first chosen
        self.pages = QStackedWidget()
        self.pages.addWidget(self.archetype_page)

        hint = QLabel("No archetype is better than another: fit depends on context and goals.")
        hint.setWordWrap(True)
        left = container(vbox(QLabel("<b>Archetypes</b>"), self.list, hint))
        splitter = QSplitter()
        splitter.setObjectName("archetypesSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setLayout(vbox(splitter, margin=MARGIN))
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.setCurrentRow(0)

    @property
    def dimensions_page(self) -> DimensionsPage:
        if self._dimensions_page is None:
            self._dimensions_page = DimensionsPage(self.catalog)
            self.pages.addWidget(self._dimensions_page)
        return self._dimensions_page

    def select(self, entry_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == entry_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(entry_id)

    def current_entry(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _on_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        entry = current.data(Qt.ItemDataRole.UserRole)
        if entry == DIMENSIONS_ENTRY:
            self.pages.setCurrentWidget(self.dimensions_page)
        else:
            self.archetype_page.show_archetype(self.catalog.archetype(entry))
            self.pages.setCurrentWidget(self.archetype_page)
