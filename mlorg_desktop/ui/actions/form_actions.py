"""File ▸ Create Respondent Form…: ask what to fix in the form, where to write it, write it.

The settings dialog is one function returning plain values (``ask_form_settings``), like every
other question the window asks (see ``dialogs``); the page itself is made by domain.form and
written through the guarded writer, so it can never replace the store.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mlorg_desktop.domain.form import MAX_LINE, FormSettings, FormSettingsError, render_form
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.ui.dialogs.file_locations import FileLocations
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.userfiles import ProtectedDestinationError, UserFileError, write_user_file


class FormSettingsDialog(QDialog):
    """Organization, unit, round and title, all optional, fixed in the form."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Create respondent form")
        intro = QLabel(
            "The form is one HTML file that people open in their browser, answer without a "
            "network and save as a file they send back to you. What you fill in here is fixed "
            "in the form; leave the organization empty to let respondents type it."
        )
        intro.setWordWrap(True)
        self.organization = QLineEdit()
        self.unit = QLineEdit()
        self.round = QLineEdit()
        self.round.setPlaceholderText("e.g. 2026 Q4")
        self.title = QLineEdit()
        self.title.setPlaceholderText("the questionnaire's title")
        fields = QFormLayout()
        for label, edit in (
            ("&Organization:", self.organization),
            ("&Unit:", self.unit),
            ("&Round:", self.round),
            ("&Title:", self.title),
        ):
            edit.setMaxLength(MAX_LINE)
            fields.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create Form…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(buttons)

    def settings(self) -> FormSettings:
        return FormSettings(
            organization=self.organization.text(),
            unit=self.unit.text(),
            round=self.round.text(),
            title=self.title.text(),
        )


def ask_form_settings(parent: QWidget | None) -> FormSettings | None:
    dialog = FormSettingsDialog(parent)
    return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_form_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save respondent form", str(suggested), "Web pages (*.html)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".html", ".htm") else path.with_name(path.name + ".html")


def form_name(settings: FormSettings, today: date | None = None) -> str:
    """A default file name: respondent-form-<organization>-<date>.html."""
    words = re.sub(r"[^\w]+", "-", settings.organization.lower()).strip("-_")[:60]
    day = (today or date.today()).isoformat()
    return f"respondent-form-{words}-{day}.html" if words else f"respondent-form-{day}.html"


def create_respondent_form(
    parent: QWidget | None, knowledge: Knowledge, messenger: Messenger, files: FileLocations
) -> Path | None:
    """Ask, render the latest questionnaire's form and write it; returns the file written."""
    settings = ask_form_settings(parent)
    if settings is None:
        return None
    try:
        html = render_form(knowledge.bank.latest, settings)
    except FormSettingsError as exc:
        messenger.error(parent, "Form not created", f"{exc}.")
        return None
    path = ask_form_path(parent, files.suggest(form_name(settings)))
    if path is None:
        return None
    try:
        written = write_user_file(path, html.encode("utf-8"), files.protected)
    except ProtectedDestinationError as exc:
        messenger.error(parent, "Form not created", f"{exc}\n\nYour saved assessments are safe.")
        return None
    except UserFileError as exc:
        messenger.error(parent, "Form not created", str(exc))
        return None
    files.remember(written)
    messenger.file_written(
        parent,
        "Respondent form created",
        f"Wrote {written.name}. Send it to the people whose view you want: they open it in "
        "any browser, answer and press Save my answers, then send you the file it saves. "
        "Import those files with File ▸ Import Assessments….",
        written,
    )
    return written
