"""Real faults for tests: an immutable folder (chattr +i) and a tiny full disk (tmpfs)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

DAMAGES = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "not json": lambda good: b"this is not json at all",
    "wrong shape": lambda good: b'[{"id": 1}]',
    "invalid utf-8": lambda good: b'{"assessments": {"1": {"organization": "\xff\xfe"}}}',
    "record fails validation": lambda good: good.replace(
        b'"questionnaire_version":1', b'"questionnaire_version":99', 1
    ),
}


@contextlib.contextmanager
def immutable_folder(folder: Path) -> Iterator[None]:
    """Even root cannot create, rename or delete entries in a folder marked immutable."""
    if not shutil.which("chattr"):
        pytest.skip("chattr is not available; cannot make a folder read-only for root")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mark {folder} immutable here: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@contextlib.contextmanager
def tiny_disk(folder: Path, size_kib: int = 64) -> Iterator[Path]:
    """A real filesystem of ``size_kib`` KiB mounted at ``folder`` (needs root)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()}); run as root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path, leave_bytes: int) -> None:
    """Fill the filesystem of ``folder`` until about ``leave_bytes`` remain free."""
    free = shutil.disk_usage(folder).free
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave_bytes))


def release_when_close_waits(writer, hold: contextlib.ExitStack) -> None:
    """Let the held write start only once close() has begun waiting for it: no timer, so a
    slow machine cannot let the write finish before close() is even called."""
    real_wait = writer.wait

    def wait(timeout=None):
        hold.close()
        return real_wait(timeout)

    writer.wait = wait
