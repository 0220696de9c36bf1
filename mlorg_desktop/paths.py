"""Where data, logs and settings live, with the --data-dir override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlorg_desktop.userfiles import Protected

STORE_FILE_NAME = "assessments.json"


@dataclass(frozen=True)
class AppPaths:
    """Folders the app writes to; created on demand by ``ensure()``."""

    data_dir: Path
    log_dir: Path

    @property
    def store_file(self) -> Path:
        return self.data_dir / STORE_FILE_NAME

    def protected_files(self) -> tuple[Protected, ...]:
        """The app's own files, which no export may replace (see userfiles): the store and
        everything named after it beside it (backups, lock, damaged copies, temporary files),
        and the log folder."""
        from mlorg_desktop.userfiles import Protected

        name = self.store_file.name
        return (
            Protected(
                self.store_file.parent,
                (name, f".{name}"),
                "one of MLOrg Desktop's own files (the assessment store, its backups or lock)",
            ),
            Protected(self.log_dir, ("",), "in MLOrg Desktop's log folder"),
        )

    def ensure(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)


def default_data_dir() -> Path:
    """The per-user app-data folder, the same one Qt's QStandardPaths.AppDataLocation names.

    Computed without Qt so the command line can run without importing PySide6;
    tests/ui/test_main_window.py checks that it equals Qt's answer.
    """
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "MLOrg" / "MLOrg Desktop"


def resolve_paths(data_dir: str | os.PathLike[str] | None) -> AppPaths:
    """Paths for a run: ``data_dir`` from --data-dir, or the per-user default."""
    root = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    return AppPaths(data_dir=root, log_dir=root / "logs")


def lock_path(store_path: Path) -> Path:
    """The one-writer lock file beside a store (QLockFile's format; see store.lock)."""
    return store_path.with_name(f"{store_path.name}.lock")
