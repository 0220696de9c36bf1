"""Logging to a rotating file, faulthandler for native crashes, and the uncaught-exception hook."""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from mlorg_desktop.log_safety import traceback_without_message
from mlorg_desktop.private_files import make_private_folder, open_private_file

LOG_FILE = "mlorg-desktop.log"
FAULT_FILE = "native-crash.log"


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Log to a file in ``log_dir``, rotated at start-up once over 1 MB (3 old files kept).

    Rotating at start-up rather than mid-run keeps logging.handlers (and the socket, pickle
    and queue modules it pulls in) out of the start-up path."""
    make_private_folder(log_dir)
    log_file = log_dir / LOG_FILE
    _rotate(log_file, max_bytes=1_000_000, keep=3)
    open_private_file(log_file)  # 0600 before FileHandler opens it (it would honour the umask)
    handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
    _install(handler, logging.DEBUG if verbose else logging.INFO)
    return log_file


def log_to_stderr(level: int = logging.WARNING) -> None:
    """Log warnings and errors to stderr only: for commands that must not create files, and
    the last resort when no log folder can be written."""
    _install(_CurrentStderr(), level)


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now (a test may swap and close the one from before)."""

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def _install(handler: logging.Handler, level: int) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for old in [h for h in root.handlers if getattr(h, "mlorg_log", False)]:
        root.removeHandler(old)  # an earlier run in this process (tests) had another folder
        old.close()
    handler.mlorg_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def stop_logging() -> None:
    """Detach and close the log file handler ``setup_logging`` added (the end of a run: a
    handler left behind would reopen a file in a folder that may be gone, e.g. --demo's)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "mlorg_log", False)]:
        root.removeHandler(old)
        old.close()


def _rotate(log_file: Path, *, max_bytes: int, keep: int) -> None:
    try:
        if log_file.stat().st_size <= max_bytes:
            return
    except FileNotFoundError:
        return
    for n in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def enable_faulthandler(log_dir: Path) -> IO[str]:
    """Write native crash tracebacks to the log folder; keep the returned file open."""
    open_private_file(log_dir / FAULT_FILE)
    handle = (log_dir / FAULT_FILE).open("a", encoding="utf-8")
    faulthandler.enable(file=handle, all_threads=True)
    return handle


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    import traceback

    return "".join(traceback.format_exception(exc_type, exc, tb))


def install_excepthook(show: Callable[[str], None]) -> None:
    """Log every uncaught exception with its traceback, then hand the report to ``show``."""
    log = logging.getLogger("mlorg_desktop.crash")

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Uncaught exception\n%s", traceback_without_message(exc_type, tb))
        log.debug("its message: %s", exc)
        try:
            show(format_report(exc_type, exc, tb))
        except Exception:  # the dialog itself failed: the log still has the report
            log.exception("Could not show the error dialog")

    sys.excepthook = hook
