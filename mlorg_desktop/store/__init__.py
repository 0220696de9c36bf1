"""Local persistence: the only package that imports tinydb."""

from mlorg_desktop.store.errors import (
    StoreDamagedError,
    StoreError,
    StoreNewerError,
    StoreWriteError,
)
from mlorg_desktop.store.lock import StoreBusyError, StoreLock
from mlorg_desktop.store.repository import AssessmentStore, ImportReport

__all__ = [
    "AssessmentStore",
    "ImportReport",
    "StoreBusyError",
    "StoreDamagedError",
    "StoreLock",
    "StoreError",
    "StoreNewerError",
    "StoreWriteError",
]
