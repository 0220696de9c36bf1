"""The dialog shown for an unexpected error: what happened, a copyable report, where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from mlorg_desktop.ui.widgets.layout import MARGIN, vbox


class CrashDialog(QDialog):
    def __init__(self, report: str, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("MLOrg Desktop — unexpected error")
        intro = QLabel(
            "<b>Something went wrong inside MLOrg Desktop.</b><br>Your saved assessments are "
            "not affected. If this keeps happening, copy the report below and send it to "
            f"whoever supports the app. The full log is in:<br><code>{log_dir}</code>"
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Error report")
        self.report.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy report")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        self.setLayout(vbox(intro, self.report, buttons, margin=MARGIN))

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def show_crash_report(parent: QWidget | None, report: str, log_dir: Path) -> None:
    CrashDialog(report, log_dir, parent).exec()
