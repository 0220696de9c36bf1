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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from mlorg_desktop.store.layout import RecordCache

if TYPE_CHECKING:
    from mlorg_desktop.store.writer import BackgroundWriter

# Told about the bytes of the store file: as read (before parsing), or as written (after they
# reached the disk), with the file's status.
BytesHook = Callable[[bytes, os.stat_result], None]


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.bak")


def write_atomic(
    path: Path, payload: bytes, *, keep_backup: bool = False, durable: bool = True
) -> os.stat_result:
    """Replace ``path`` with ``payload`` so readers see either the old or the new file, whole;
    returns the new file's status (its size and modification time, for the trust note).

    With ``keep_backup`` the file being replaced stays reachable as ``<name>.bak``: a hard link
    to it is renamed over the old backup first (no copy, and atomic), so at every instant both
    names hold a complete file. ``durable=False`` skips the fsyncs: only for caches whose loss
    costs nothing but time (store.trust's note).
    """
    # One fixed temporary name: the store's lock allows a single writer, so no two writes race
    # for it, and a file left by a killed writer is simply replaced by the next write.
    tmp_name = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        if keep_backup and path.exists():
            _link_backup(path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_folder(path.parent)
    return written


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


class AtomicJSONStorage(Storage):
    """A tinydb Storage that keeps the parsed document in memory and writes atomically.

    One instance per file per process (the store's lock file guarantees one writer). Writes are
    synchronous until ``defer_to`` hands them to a BackgroundWriter; then memory runs ahead of
    the disk until the writer catches up. If a synchronous write fails the copy is dropped and
    re-read, because tinydb has already changed it in place before asking us to write.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._cache = RecordCache()
        self._writer: BackgroundWriter | None = None
        self.on_read: BytesHook | None = None
        self.on_written: BytesHook | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                with open(self.path, "rb") as handle:
                    stat = os.fstat(handle.fileno())
                    raw = handle.read()
            except FileNotFoundError:
                return None
            if self.on_read is not None:
                self.on_read(raw, stat)
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the top level of the store is not a JSON object")
            self._cache.adopt(raw, data)
            self._data = data
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        payload = self._cache.encode(data)
        written = self.on_written
        if self._writer is not None:
            self._data = data
            self._writer.submit(
                payload, None if written is None else lambda stat: written(payload, stat)
            )
            return
        try:
            stat = write_atomic(self.path, payload, keep_backup=True)
        except BaseException:
            self._data = None
            self._cache.clear()
            raise
        self._data = data
        if written is not None:
            written(payload, stat)

    def forget(self, table: str, key: str) -> None:
        """Record ``key`` of ``table`` is about to change in place: do not reuse its encoding."""
        self._cache.forget(table, key)

    def defer_to(self, writer: BackgroundWriter) -> None:
        self._writer = writer

    def hold(self, data: dict[str, Any]) -> None:
        """Serve ``data`` to readers without writing it yet (a migration awaiting validation)."""
        self._data = data

    def close(self) -> None:
        self._data = None
        self._cache.clear()
