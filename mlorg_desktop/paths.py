"""Where data, logs, settings and the single-instance socket live, with the --data-dir override.

The per-user folders follow the XDG base-directory spec exactly as Qt's QStandardPaths reads it
(a relative or empty ``XDG_*`` value is ignored), so the command line, which runs without Qt,
names the same folders the window does; tests/ui/test_main_window.py checks both.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlorg_desktop.userfiles import Protected

STORE_FILE_NAME = "assessments.json"
SETTINGS_FILE_NAME = "settings.ini"
APP_FOLDER = ("MLOrg", "MLOrg Desktop")  # QCoreApplication's organization / application names


@dataclass(frozen=True)
class AppPaths:
    """Folders and files of one run.

    ``settings_file`` is None for the user's own settings (Qt's native place); a --data-dir run
    keeps its window state beside its data, and --demo in its throwaway folder.
    """

    data_dir: Path
    log_dir: Path
    settings_file: Path | None = None

    @property
    def store_file(self) -> Path:
        return self.data_dir / STORE_FILE_NAME

    def protected_files(self) -> tuple[Protected, ...]:
        """The app's own files, which no export may replace (see userfiles): the store and
        everything named after it beside it (backups, lock, damaged copies, temporary files),
        the log folders and a --data-dir run's window settings."""
        from mlorg_desktop.userfiles import Protected

        name = self.store_file.name
        return (
            Protected(
                self.store_file.parent,
                (name, f".{name}"),
                "one of MLOrg Desktop's own files (the assessment store, its backups or lock)",
            ),
            Protected(self.log_dir, ("",), "in MLOrg Desktop's log folder"),
            Protected(fallback_log_dir(), ("",), "in MLOrg Desktop's log folder"),
            *(
                (
                    Protected(
                        self.settings_file.parent,
                        (self.settings_file.name,),
                        "MLOrg Desktop's window settings",
                    ),
                )
                if self.settings_file is not None
                else ()
            ),
        )


def _xdg_home(variable: str, *default: str) -> Path:
    value = os.environ.get(variable, "")
    # The spec: "If an implementation encounters a relative path in any of these variables it
    # should consider the path invalid and ignore it." Qt does the same.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home().joinpath(*default)


def default_data_dir() -> Path:
    """The per-user app-data folder, the same one Qt's QStandardPaths.AppDataLocation names.

    Computed without Qt so the command line can run without importing PySide6;
    tests/ui/test_main_window.py checks that it equals Qt's answer.
    """
    return _xdg_home("XDG_DATA_HOME", ".local", "share").joinpath(*APP_FOLDER)


def default_state_dir() -> Path:
    """The per-user state folder (logs, crash files), Qt's QStandardPaths.StateLocation."""
    return _xdg_home("XDG_STATE_HOME", ".local", "state").joinpath(*APP_FOLDER)


def resolve_paths(data_dir: str | os.PathLike[str] | None) -> AppPaths:
    """Paths for a run: ``data_dir`` from --data-dir (store, logs and window state all inside
    it), or the per-user folders (data in XDG_DATA_HOME, logs in XDG_STATE_HOME)."""
    if data_dir:
        root = Path(data_dir).expanduser().resolve()
        return AppPaths(root, root / "logs", root / SETTINGS_FILE_NAME)
    return AppPaths(default_data_dir(), default_state_dir() / "logs")


def fallback_log_dir() -> Path:
    """Where logs go when the run's own log folder cannot be written."""
    return default_state_dir() / "logs"


def runtime_dir() -> Path:
    """The folder for the single-instance socket, which only this user can enter.

    ``mlorg-desktop`` in ``$XDG_RUNTIME_DIR`` when that is what the spec promises (absolute, a
    real folder owned by this user, mode 0700); otherwise ``run`` in the user's state folder.
    Either way it is created 0700 (ui.single_instance), never in the shared /tmp.
    """
    value = os.environ.get("XDG_RUNTIME_DIR", "")
    if value and os.path.isabs(value) and is_private_folder(Path(value)):
        return Path(value) / "mlorg-desktop"
    return default_state_dir() / "run"


def is_private_folder(folder: Path) -> bool:
    """A real folder (not a symbolic link) owned by this user that nobody else can enter."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def lock_path(store_path: Path) -> Path:
    """The one-writer lock file beside a store (QLockFile's format; see store.lock)."""
    return store_path.with_name(f"{store_path.name}.lock")
