"""Crash-safe file replacement and a tinydb Storage built on it.

tinydb's JSONStorage rewrites the file in place, so a crash mid-write leaves half a file
(tinydb issue #301). Here every write goes to a temporary file in the same folder, is flushed and
fsynced, then renamed over the original with os.replace (atomic on POSIX), and the folder is
fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.bak")


def write_atomic(path: Path, payload: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``payload`` so readers see either the old or the new file, whole.

    With ``keep_backup`` the file being replaced stays reachable as ``<name>.bak``: a hard link
    to it is renamed over the old backup first (no copy, and atomic), so at every instant both
    names hold a complete file.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            _link_backup(path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_folder(path.parent)


def _link_backup(path: Path) -> None:
    link_name = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(link_name)
    os.link(path, link_name)
    os.replace(link_name, backup_path(path))


def fsync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    """A tinydb Storage that keeps the parsed document in memory and writes atomically.

    One instance per file per process (the store's lock file guarantees one writer), so the
    in-memory copy is always what is on disk. If a write fails the copy is dropped and re-read,
    because tinydb has already changed it in place before asking us to write.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            if not self.path.exists():
                return None
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the top level of the store is not a JSON object")
            self._data = data
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            write_atomic(self.path, encode(data), keep_backup=True)
        except BaseException:
            self._data = None
            raise
        self._data = data

    def hold(self, data: dict[str, Any]) -> None:
        """Serve ``data`` to readers without writing it yet (a migration awaiting validation)."""
        self._data = data

    def close(self) -> None:
        self._data = None
