"""Help ▸ About: version, license and where the app keeps its data."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from mlorg_desktop import APP_NAME, LICENSE, __version__
from mlorg_desktop.ui.widgets.layout import MARGIN, vbox


def about_text(store_file: Path, log_dir: Path) -> str:
    return (
        f"<h2>{APP_NAME} {__version__}</h2>"
        "<p>See how your organization structures its machine-learning work: read the five "
        "archetypes, assess your organization, compare assessments and print a comparison "
        "sheet.</p>"
        f"<p><b>License:</b> {LICENSE}</p>"
        f"<p><b>Your assessments are stored only on this computer, in:</b><br>"
        f"<code>{escape(str(store_file))}</code></p>"
        f"<p><b>Log files:</b><br><code>{escape(str(log_dir))}</code></p>"
        "<p>Nothing is sent over the network.</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, store_file: Path, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.label = QLabel(about_text(store_file, log_dir))
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(460)
        self.label.setTextInteractionFlags(
            self.label.textInteractionFlags()
            | self.label.textInteractionFlags().TextSelectableByMouse
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.setLayout(vbox(self.label, buttons, margin=MARGIN))
