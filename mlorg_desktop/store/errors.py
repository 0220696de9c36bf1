"""What can go wrong with the store, in terms a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: something about the store file prevents the operation."""

    def __init__(self, path: Path, message: str, reason: str = "") -> None:
        self.path = path
        self.reason = reason or message  # the cause alone, without the path
        super().__init__(message)


class StoreDamagedError(StoreError):
    """The store file exists but cannot be read as a valid store."""


class StoreNewerError(StoreError):
    """The file was written by a newer version of the app; it is opened read-only."""


class StoreWriteError(StoreError):
    """Writing failed (read-only folder, disk full, permissions); the file on disk is unchanged."""
