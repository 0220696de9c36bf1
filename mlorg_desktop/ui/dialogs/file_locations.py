"""Where file dialogs start and what they suggest: the folder last used, else Documents.

Never the working directory (which for a desktop launch is often the data folder or /), and
default names carry the date so accepting every default never names one of the app's own
files. The guard in mlorg_desktop.userfiles refuses those anyway; this keeps users away from
the refusal in the first place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from mlorg_desktop.paths import AppPaths
from mlorg_desktop.userfiles import Protected

LAST_FOLDER_KEY = "files/last_folder"


def export_name(today: date | None = None) -> str:
    return f"mlorg-export-{(today or date.today()).isoformat()}.json"


class FileLocations:
    """The start folder of every file dialog, and the files no dialog's answer may replace."""

    def __init__(self, settings: QSettings, paths: AppPaths) -> None:
        self.settings = settings
        self.protected: tuple[Protected, ...] = paths.protected_files()

    def start_folder(self) -> Path:
        remembered = self.settings.value(LAST_FOLDER_KEY, "", type=str)
        if remembered and Path(remembered).is_absolute() and Path(remembered).is_dir():
            return Path(remembered)
        return documents_folder()

    def suggest(self, name: str) -> Path:
        return self.start_folder() / name

    def remember(self, path: Path) -> None:
        """The folder of a file the user just wrote or read, for the next dialog."""
        self.settings.setValue(LAST_FOLDER_KEY, str(Path(path).absolute().parent))


def documents_folder() -> Path:
    """The user's Documents folder (Qt's answer), or home when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()
