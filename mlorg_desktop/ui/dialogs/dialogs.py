"""Each modal question to the user is one small function returning a plain value.

Tests monkeypatch these functions, never QFileDialog or QMessageBox internals.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from mlorg_desktop.domain.plural import plural

if TYPE_CHECKING:  # QtPrintSupport loads with the first print action, not at start-up
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved_changes(parent: QWidget | None, what: str) -> UnsavedChoice:
    return _ask(
        parent,
        QMessageBox.Icon.Question,
        "Unsaved changes",
        f"The assessment of {what} has changes that are not saved.",
        "Save them before continuing?",
        {
            QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
            QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
            QMessageBox.StandardButton.Cancel: UnsavedChoice.CANCEL,
        },
    )


class WriteFailedChoice(Enum):
    RETRY = "retry"
    QUIT = "quit"
    CANCEL = "cancel"


def ask_write_failed(parent: QWidget | None, reason: str) -> WriteFailedChoice:
    return _ask(
        parent,
        QMessageBox.Icon.Warning,
        "Changes not saved to disk",
        f"Your latest changes could not be written to disk: {reason}",
        "The file still holds your last good save. Free some space or fix the folder's "
        "permissions and try again, or quit and lose the changes made since that save.",
        {
            QMessageBox.StandardButton.Retry: WriteFailedChoice.RETRY,
            QMessageBox.StandardButton.Discard: WriteFailedChoice.QUIT,
            QMessageBox.StandardButton.Cancel: WriteFailedChoice.CANCEL,
        },
        labels={QMessageBox.StandardButton.Discard: "&Quit Without Saving"},
    )


Choice = TypeVar("Choice", bound=Enum)


def _ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str,
    choices: dict[QMessageBox.StandardButton, Choice],
    labels: dict[QMessageBox.StandardButton, str] | None = None,
) -> Choice:
    """A question with standard buttons; the first is the default, the last what Escape means."""
    buttons = list(choices)
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    for button in buttons:
        box.addButton(button)
    for button, label in (labels or {}).items():
        widget = box.button(button)
        if widget is not None:
            widget.setText(label)
    box.setInformativeText(details)
    box.setDefaultButton(buttons[0])
    answer = box.exec()
    return choices.get(QMessageBox.StandardButton(answer), choices[buttons[-1]])


def confirm_delete(parent: QWidget | None, name: str) -> bool:
    """The buttons name what they do ("Delete" / "Cancel", as KDE's and GNOME's guidelines ask);
    Cancel is the default, so Enter pressed by habit deletes nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Delete assessment",
        f"Delete the assessment “{name}”?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText("You can bring it back with Edit ▸ Undo Delete (Ctrl+Z).")
    delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def ask_import_paths(parent: QWidget | None, start: Path) -> list[Path]:
    """One or more exchange files (Ctrl or Shift while clicking picks several); ``start``: the
    folder the dialog opens in (never the working directory)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, "Import assessments", str(start), "MLOrg exchange files (*.json);;All files (*)"
    )
    return [Path(name) for name in names]


def ask_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """``suggested``: a full path (start folder and dated default name)."""
    name, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        "Export assessments",
        str(suggested),
        "MLOrg exchange files (*.json);;CSV for spreadsheets (*.csv)",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".json", ".csv"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen_filter else ".json"))
    return path


def ask_pdf_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export comparison sheet as PDF", str(suggested), "PDF documents (*.pdf)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True when the user chose to print (printer is configured)."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print comparison sheet")
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_page_setup(parent: QWidget | None, printer: QPrinter) -> bool:
    from PySide6.QtPrintSupport import QPageSetupDialog

    return QPageSetupDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def make_preview_dialog(
    parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
) -> QPrintPreviewDialog:
    """A preview with zoom and page navigation; ``printer`` must outlive the dialog."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — comparison sheet")
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 1000)
    return dialog


def show_print_preview(
    parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
) -> None:
    make_preview_dialog(parent, printer, paint).exec()


class DamagedStoreChoice(Enum):
    RESTORE = "restore"
    START_EMPTY = "empty"
    QUIT = "quit"


def ask_damaged_store(parent: QWidget | None, report: str, has_backup: bool) -> DamagedStoreChoice:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Assessment store damaged",
        "Your assessment store could not be read. Nothing has been overwritten.",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(report)
    box.setTextInteractionFlags(
        box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(has_backup)
    empty = box.addButton("Start with an empty store", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if has_backup else empty)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return DamagedStoreChoice.RESTORE
    if clicked is empty:
        return DamagedStoreChoice.START_EMPTY
    return DamagedStoreChoice.QUIT


def ask_scenario_name(parent: QWidget | None, title: str, suggested: str) -> str | None:
    """A scenario's name (trimmed, not empty); None when the user cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    name, ok = QInputDialog.getText(
        parent, title, "Name of the scenario:", QLineEdit.EchoMode.Normal, suggested
    )
    name = " ".join(name.split())
    return name if ok and name else None


def confirm_discard_what_if(parent: QWidget | None, changes: int) -> bool:
    """Leave What-if mode and drop ``changes`` changed answers that no scenario holds?"""
    answer = QMessageBox.question(
        parent,
        "Discard the what-if changes",
        f"Discard {plural(changes, 'changed answer')}?\n\nThey are not saved as a scenario. The "
        "assessment's own answers stay as they are either way.",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def confirm_delete_scenario(parent: QWidget | None, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Delete scenario",
        f"Delete the scenario “{name}”?\n\nThe assessment's own answers are not affected.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
