"""Help ▸ User Guide (F1): the guide shipped in resources/guide/, in the app's own viewer.

A QTextBrowser rather than a web browser: it works offline and in the frozen bundle, and it
follows only the guide's own anchors. The contents list is read from the guide's section
headings, so a new section appears in it without code changes.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from mlorg_desktop.resources import resource_path
from mlorg_desktop.ui.widgets.layout import MARGIN, container, vbox

# <h2><a name="assess"></a>Assessing an organization</h2>
_SECTION = re.compile(r'<h2><a name="([\w-]+)"></a>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def guide_file() -> Path:
    return resource_path("guide", "index.html")


def guide_sections(html: str) -> list[tuple[str, str]]:
    """(anchor, title) of each section, in order."""
    return [(a, unescape(_TAG.sub("", t)).strip()) for a, t in _SECTION.findall(html)]


class GuideDialog(QDialog):
    """The guide beside its contents: Up/Down in the list moves to a section, Tab goes to the
    text (arrow keys and Page Up/Down scroll it), Escape closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("MLOrg Desktop user guide")
        self.setObjectName("guideDialog")
        path = guide_file()
        self.sections = guide_sections(path.read_text(encoding="utf-8"))

        self.text = QTextBrowser()
        self.text.setAccessibleName("User guide")
        self.text.setOpenLinks(True)
        self.text.setOpenExternalLinks(False)  # nothing leaves the guide
        self.text.setSource(QUrl.fromLocalFile(str(path)))
        self.text.anchorClicked.connect(self._on_text_anchor_clicked)

        self.contents = QListWidget()
        self.contents.setAccessibleName("Contents")
        self.contents.setWordWrap(True)  # long titles wrap instead of scrolling sideways
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for anchor, title in self.sections:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, anchor)
            self.contents.addItem(item)
        self.contents.setCurrentRow(0)
        self.contents.currentItemChanged.connect(self._on_contents_current_item_changed)
        label = QLabel("&Contents")
        label.setBuddy(self.contents)

        splitter = QSplitter()
        splitter.addWidget(container(vbox(label, self.contents)))
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 620])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.setLayout(vbox(splitter, buttons, margin=MARGIN))
        self.resize(900, 640)
        self.setTabOrder(self.contents, self.text)
        self.contents.setFocus()

    def show_section(self, anchor: str) -> None:
        self.text.scrollToAnchor(anchor)

    def _on_contents_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.show_section(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_text_anchor_clicked(self, url: QUrl) -> None:
        # A link to another file or a web page would replace the guide: stay on the guide.
        if not url.isLocalFile() or Path(url.toLocalFile()) != guide_file():
            self.text.setSource(QUrl.fromLocalFile(str(guide_file())))


def show_guide(parent: QWidget | None) -> None:
    GuideDialog(parent).exec()
