"""The files a run needs before anything else: its data folder, its log file, its crash file.

Kept out of ``__main__`` so the rules are in one place: reading commands create nothing; a run
that writes creates its folders 0700 and narrows looser ones (logged once); a log folder that
cannot be written falls back to the user's state folder, then to stderr, and says so once.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mlorg_desktop.crash import enable_faulthandler, log_to_stderr, setup_logging
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.paths import AppPaths, fallback_log_dir
from mlorg_desktop.private_files import make_private_folder, tighten

log = logging.getLogger(__name__)


def create_data_folder(paths: AppPaths) -> str | None:
    """Create the data folder 0700 if it is missing; the reason it cannot be, or None."""
    try:
        make_private_folder(paths.data_dir)
    except OSError as exc:
        return f"cannot create the data folder {paths.data_dir}: {exc.strerror}"
    return None


def write_problem(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (the OS's own words), or None if it can.

    Tried with a real file, because permission bits do not tell the whole story (a read-only
    mount, an immutable folder, root)."""
    probe = folder / f".mlorg-write-test-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return exc.strerror or str(exc)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def start_logging(paths: AppPaths) -> Path | None:
    """Log to the run's log folder, else the user's state folder, else stderr (said once).

    Returns the log folder in use (None for stderr). Narrows the run's folders and files to
    0700/0600 first and logs what it changed, once."""
    changed = tighten(paths.data_dir, paths.log_dir)  # before the log files are opened
    log_dir: Path | None = None
    failures = []
    for candidate in dict.fromkeys((paths.log_dir, fallback_log_dir())):
        try:
            setup_logging(candidate)
        except OSError as exc:
            failures.append(f"cannot write logs in {candidate} ({exc.strerror})")
            continue
        log_dir = candidate
        break
    if log_dir is None:
        log_to_stderr()
    if failures:
        where = f"logging to {log_dir}" if log_dir else "logging warnings to stderr only"
        note = f"{'; '.join(failures)}: {where} instead"
        print(f"note: {note}", file=sys.stderr)
        log.warning("%s", note)
    if log_dir is not None and log_dir != paths.log_dir:
        changed += tighten(paths.data_dir, log_dir)
    if changed:
        log.warning(
            "narrowed the permissions of %s others could read (folders now 0700, files 0600): %s",
            plural(len(changed), "path"),
            ", ".join(str(p) for p in changed),
        )
    return log_dir


@contextlib.contextmanager
def crash_file(log_dir: Path | None) -> Iterator[IO[str] | None]:
    """faulthandler into the log folder (a 0600 file), or stderr without one."""
    handle = None
    if log_dir is not None:
        with contextlib.suppress(OSError):
            handle = enable_faulthandler(log_dir)
    if handle is None:
        # stderr may be no real file (a test capturing it, pythonw): then no crash file at all.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        yield None
        return
    with handle:
        yield handle
