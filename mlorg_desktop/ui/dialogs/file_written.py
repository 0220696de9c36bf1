"""The message after the app wrote a file the user asked for: Open it, or Show in Folder.

``open_url`` is the one place that hands a URL to the desktop (``QDesktopServices``), so tests
replace it and read the URL instead of starting a viewer or a file manager.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_url(url: QUrl) -> bool:
    """Ask the desktop to open ``url`` with the user's default program; False if none could."""
    return QDesktopServices.openUrl(url)


def file_url(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path.resolve()))


def offer_file(parent: QWidget | None, title: str, text: str, path: Path) -> bool:
    """Show what was written with Open, Show in Folder and Close; act on the choice.

    Returns False only when the desktop could not open what the user asked for."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("fileWrittenBox")
    open_button = box.addButton("&Open", QMessageBox.ButtonRole.ActionRole)
    open_button.setToolTip(f"Open {path.name} with its default program")
    folder_button = box.addButton("Show in &Folder", QMessageBox.ButtonRole.ActionRole)
    folder_button.setToolTip(f"Open the folder {path.parent}")
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return open_url(file_url(path))
    if clicked is folder_button:
        return open_url(file_url(path.parent))
    return True
