"""Every message box goes through here, so tests and headless runs can silence them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


@dataclass
class Messenger:
    """Shows messages to the user; ``quiet`` records them instead (tests, --smoke-test)."""

    quiet: bool = False
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    _hook: Callable[[str, str, str], None] | None = None

    def _show(self, kind: str, parent: QWidget | None, title: str, text: str) -> None:
        # Titles are fixed words; the text can name an organization or quote a value from a
        # file, so it stays out of the log at the default level (see log_safety).
        log.info("%s shown: %s", kind, title)
        log.debug("%s: %s", title, text)
        self.shown.append((kind, title, text))
        if self.quiet:
            return
        # Here, not at the top: building the QMessageBox type costs 5-9 ms of start-up.
        from PySide6.QtWidgets import QMessageBox

        box = {
            "info": QMessageBox.information,
            "warning": QMessageBox.warning,
            "error": QMessageBox.critical,
        }[kind]
        box(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show("info", parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show("warning", parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._show("error", parent, title, text)

    def file_written(self, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        """A file the user asked for was written: say so, offering Open and Show in Folder."""
        log.info("file written shown: %s", title)
        self.shown.append(("file", title, text))
        if self.quiet:
            return
        from mlorg_desktop.ui.dialogs.file_written import offer_file

        if not offer_file(parent, title, text, path):
            self.warning(
                parent,
                "Could not open",
                f"No program on this computer opened {path}. The file is there; open it "
                "from your file manager.",
            )
