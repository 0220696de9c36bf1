"""Folders 0700 and files 0600, whatever the umask: the store's contents are nobody else's.

Folders the app creates are made 0700; files it creates in them are made 0600 (the store, its
backups and lock, logs, crash files, a --data-dir run's window state). On start ``tighten``
narrows any of the app's own folders and files found looser (made by an older version, or
copied in), and the caller logs that once. Exports and PDFs the user chooses are not touched:
they keep the mode the user's umask gives, like any other file the user saves.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600

# The app's own files in a data folder; anything else there belongs to the user and is left.
_OWN_PREFIXES = ("assessments.json", ".assessments.json")
_OWN_NAMES = ("settings.ini",)
_LOG_PREFIXES = ("mlorg-desktop.log", "native-crash.log")


def make_private_folder(folder: Path) -> list[Path]:
    """Create ``folder`` (and missing parents) 0700; returns the folders it created."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    created = []
    for path in reversed(missing):
        try:
            os.mkdir(path, FOLDER_MODE)
        except FileExistsError:
            continue
        os.chmod(path, FOLDER_MODE)  # the umask may have taken owner bits away
        created.append(path)
    return created


def open_private_file(path: Path) -> None:
    """Make sure ``path`` exists as a 0600 file before something else opens it by name."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def private_after_write(path: Path) -> None:
    """A file written by a library that honours only the umask (QSettings): narrow it now."""
    try:
        if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass  # it was not written (a read-only folder): nothing to protect


def tighten_folder(folder: Path) -> bool:
    """Narrow one of the app's own folders to 0700 if it is looser; True if it changed."""
    changed: list[Path] = []
    _narrow(folder, FOLDER_MODE, changed, is_folder=True)
    return bool(changed)


def tighten(data_dir: Path, log_dir: Path, *extra_folders: Path) -> list[Path]:
    """Narrow the app's folders to 0700 and its files to 0600; returns what was changed.

    Paths that cannot be changed (a read-only or immutable folder) are skipped: they cannot be
    written either, and the caller reports the folder as read-only separately."""
    changed: list[Path] = []
    for folder in (data_dir, log_dir, *extra_folders):
        _narrow(folder, FOLDER_MODE, changed, is_folder=True)
    _narrow_files(_own_files(data_dir, _OWN_PREFIXES, _OWN_NAMES), changed)
    _narrow_files(_own_files(log_dir, _LOG_PREFIXES, ()), changed)
    return changed


def _own_files(folder: Path, prefixes: tuple[str, ...], names: tuple[str, ...]) -> list[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [
        Path(e.path)
        for e in entries
        if (e.name.startswith(prefixes) or e.name in names) and e.is_file(follow_symlinks=False)
    ]


def _narrow_files(files: Iterable[Path], changed: list[Path]) -> None:
    for path in files:
        _narrow(path, FILE_MODE, changed, is_folder=False)


def _narrow(path: Path, mode: int, changed: list[Path], *, is_folder: bool) -> None:
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return  # never follow a link, never touch another user's file
    if stat.S_ISDIR(info.st_mode) != is_folder or stat.S_IMODE(info.st_mode) & 0o077 == 0:
        return
    try:
        os.chmod(path, mode)
    except OSError:
        return
    changed.append(path)
