"""BackgroundWriter: whole-file saves on one worker thread, in the order they were made.

Every payload is the complete file, so when several wait only the newest is written: it holds
everything the older ones did, and nothing older can ever overwrite something newer. The worker
only touches bytes and files (write, fsync, rename release the GIL); the records themselves stay
with the thread that owns the store.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from mlorg_desktop.store.atomic import write_atomic

log = logging.getLogger(__name__)

# Called on the worker thread after each attempt: (sequence number written, error or None).
Listener = Callable[[int, OSError | None], None]
# Called on the worker thread once its payload is on disk, with the file's status.
AfterWrite = Callable[[os.stat_result], None]


class BackgroundWriter:
    def __init__(self, path: Path, listener: Listener | None = None) -> None:
        self.path = path
        self.listener = listener
        self._lock = threading.Condition()
        self._waiting: tuple[int, bytes, AfterWrite | None] | None = None
        self._failed: tuple[int, bytes, AfterWrite | None] | None = None
        self._submitted = 0
        self._written = 0
        self._busy = False
        self._holds = 0
        self._closed = False
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="mlorg-store-writer", daemon=True)
        self._thread.start()

    # Called by the store's owner --------------------------------------------------------------

    def submit(self, payload: bytes, after: AfterWrite | None = None) -> int:
        """Queue ``payload`` (the whole file); returns its sequence number. ``after`` runs on
        the worker once that payload is on disk (never for a payload a newer one replaced)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the store writer is closed")
            self._submitted += 1
            self._waiting = (self._submitted, payload, after)
            self._failed = None
            self._lock.notify_all()
            return self._submitted

    def retry(self) -> bool:
        """Queue the newest failed payload again; False when nothing failed."""
        with self._lock:
            if self._failed is None or self._waiting is not None:
                return False
            self._waiting, self._failed = self._failed, None
            self._lock.notify_all()
            return True

    @property
    def pending(self) -> bool:
        """True while something submitted is not yet safely on disk (waiting, writing or failed)."""
        with self._lock:
            return self._written < self._submitted

    @property
    def error(self) -> OSError | None:
        """Why the last attempt failed, or None when the newest attempt succeeded."""
        with self._lock:
            return self._error

    def wait(self, timeout: float | None = None) -> bool:
        """Block until nothing is waiting or being written; False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._waiting is None and not self._busy, timeout)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Writes queue up but do not start until the block ends (tests and benchmarks use
        this to act while a save is certainly still pending)."""
        with self._lock:
            self._holds += 1
        try:
            yield
        finally:
            with self._lock:
                self._holds -= 1
                self._lock.notify_all()

    def close(self) -> None:
        """Write what is waiting, then stop the thread."""
        self.wait()
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join()

    # The worker ---------------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(
                    lambda: self._closed or (self._waiting is not None and self._holds == 0)
                )
                if self._waiting is None or self._holds > 0:
                    return  # closed
                sequence, payload, after = self._waiting
                self._waiting = None
                self._busy = True
            error: OSError | None = None
            try:
                stat = write_atomic(self.path, payload, keep_backup=True)
                if after is not None:
                    try:
                        after(stat)
                    except Exception:
                        log.exception("after writing %s", self.path.name)
            except Exception as exc:  # the thread must survive any failure to report it
                error = exc if isinstance(exc, OSError) else OSError(0, repr(exc))
                with contextlib.suppress(Exception):  # logging must never stop the worker
                    log.warning("could not write %s: %s", self.path, error.strerror or "error")
            with self._lock:
                self._error = error
                if error is None:
                    self._written = max(self._written, sequence)
                elif self._waiting is None:
                    self._failed = (sequence, payload, after)
            if self.listener is not None:
                try:
                    self.listener(sequence, error)
                except Exception:
                    log.exception("the store writer's listener failed")
            with self._lock:
                self._busy = False  # only now: wait() returns after the listener has run
                self._lock.notify_all()
