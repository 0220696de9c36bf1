"""One writer per store: a lock file beside it, in the same format QLockFile writes.

The window holds the lock with QLockFile; command-line writers use this module. Both write
"pid\\nexecutable name\\nhost name\\n" and both treat a lock whose process is gone as stale.
QLockFile compares the executable name of the pid with the one in the file (to spot a reused
pid), so we write our own executable's name exactly as it does.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mlorg_desktop.paths import lock_path
from mlorg_desktop.store.errors import StoreError


def _executable_name() -> str:
    try:
        return Path(os.readlink("/proc/self/exe")).name
    except OSError:
        return Path(sys.executable).name


class StoreBusyError(StoreError):
    """Another process holds the store's lock."""


@dataclass(frozen=True)
class LockHolder:
    pid: int
    app: str
    host: str

    def alive(self) -> bool:
        if self.host and self.host != _hostname():
            return True  # another machine's process: we cannot tell, so respect it
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def read_holder(path: Path) -> LockHolder | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return LockHolder(pid=-1, app="", host="")  # unreadable: treated as stale
    return LockHolder(
        pid=pid, app=lines[1] if len(lines) > 1 else "", host=lines[2] if len(lines) > 2 else ""
    )


class StoreLock:
    """Exclusive lock on a store for this process; recovers locks left by a crash."""

    def __init__(self, store_path: Path) -> None:
        self.path = lock_path(store_path)
        self.store_path = store_path
        self.held = False

    def acquire(self) -> None:
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and holder.pid > 0 and holder.alive():
                    raise StoreBusyError(
                        self.store_path,
                        f"{self.store_path} is in use by another MLOrg Desktop process "
                        f"(pid {holder.pid}{', ' + holder.app if holder.app else ''}). Close it "
                        "and try again; nothing was changed.",
                    ) from None
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n{_executable_name()}\n{_hostname()}\n")
            self.held = True
            return
        raise StoreBusyError(self.store_path, f"could not take the lock {self.path}")

    def release(self) -> None:
        if self.held:
            holder = read_holder(self.path)
            if holder is not None and holder.pid == os.getpid():
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)
            self.held = False

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _hostname() -> str:
    """The host name QLockFile records (os.uname avoids importing socket at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()
