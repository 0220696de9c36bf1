"""File ▸ Sheet Title, Summary and Sections…: what the printed sheet says before it is printed.

The title, the sections and each assessment's executive-summary paragraph can be changed
here. The choices stay with the window's printing for the session (``SheetOptions``); an
edited paragraph is kept only while the assessment still scores as it did when it was edited
(if the generated text changes, the new one is shown again rather than a stale edit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mlorg_desktop.report.sections import SECTION_TITLES, SECTIONS
from mlorg_desktop.report.sheet import TITLE, SheetData
from mlorg_desktop.report.sheet_html import series_label


@dataclass(frozen=True)
class SheetOptions:
    title: str = TITLE
    sections: frozenset[str] = frozenset(SECTIONS)
    # assessment id -> (the generated paragraph it was edited from, the edited paragraph)
    edited: dict[str, tuple[str, str]] = field(default_factory=dict)

    def summary_for(self, data: SheetData) -> tuple[str, ...]:
        """The paragraphs to print: an edit where one is still current, else the generated."""
        out = []
        for row, generated in zip(data.comparison.rows, data.summary, strict=True):
            kept = self.edited.get(row.assessment.id)
            out.append(kept[1] if kept and kept[0] == generated else generated)
        return tuple(out)


class SheetOptionsDialog(QDialog):
    """The title field, one check box per section and one paragraph per assessment."""

    def __init__(self, options: SheetOptions, data: SheetData, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sheet title, summary and sections")
        self.setMinimumWidth(620)
        self._options = options
        self._data = data
        self.title = QLineEdit(options.title)
        self.title.setAccessibleName("Sheet title")
        self.section_boxes = {}
        for name in SECTIONS:
            box = QCheckBox(SECTION_TITLES[name])
            box.setChecked(name in options.sections)
            self.section_boxes[name] = box
        self.paragraphs: list[QPlainTextEdit] = []
        rows = QFormLayout()
        rows.addRow("&Title:", self.title)
        sections = QVBoxLayout()
        for box in self.section_boxes.values():
            sections.addWidget(box)
        rows.addRow("Sections:", _widget(sections))
        summary = QVBoxLayout()
        for index, text in enumerate(options.summary_for(data)):
            label = series_label(data.comparison.rows[index].assessment)
            edit = QPlainTextEdit(text)
            edit.setAccessibleName(f"Summary of {label}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            summary.addWidget(QLabel(f"<b>{index + 1}.</b> {escape(label)}"))
            summary.addWidget(edit)
            self.paragraphs.append(edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(_widget(summary))
        self.reset = QPushButton("&Reset summary to the generated text")
        self.reset.clicked.connect(self._on_reset_clicked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # The button names what it does (KDE and GNOME guidelines), not "OK".
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Use on the Sheet")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(QLabel("<b>Executive summary</b> (one paragraph per assessment)"))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.reset)
        layout.addWidget(buttons)

    def _on_reset_clicked(self) -> None:
        for edit, generated in zip(self.paragraphs, self._data.summary, strict=True):
            edit.setPlainText(generated)

    def chosen(self) -> SheetOptions:
        edited = dict(self._options.edited)
        for row, edit, generated in zip(
            self._data.comparison.rows, self.paragraphs, self._data.summary, strict=True
        ):
            text = " ".join(edit.toPlainText().split())
            if text and text != generated:
                edited[row.assessment.id] = (generated, text)
            else:
                edited.pop(row.assessment.id, None)
        return SheetOptions(
            title=self.title.text().strip() or TITLE,
            sections=frozenset(n for n, b in self.section_boxes.items() if b.isChecked()),
            edited=edited,
        )


def ask_sheet_options(
    parent: QWidget | None, options: SheetOptions, data: SheetData
) -> SheetOptions | None:
    """The dialog, modal; the new options, or None when cancelled."""
    dialog = SheetOptionsDialog(options, data, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _widget(layout: QVBoxLayout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    return widget
