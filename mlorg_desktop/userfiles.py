"""The one way a file the user asked for (export, CSV, PDF, ...) is written: guarded and atomic.

A destination that is one of the app's own files (the store, anything named after it beside it
-- backups, lock, damaged copies, temporary files -- or anything in the log folder) is refused
before a byte is written. "Is" means: the same name after resolving symbolic links, the same
device and inode (a hard link), or the same name ignoring case on a file system that ignores
case. The file is written to a temporary name in the destination's folder, fsynced and renamed
into place, so a failed write never leaves half a file, and it gets the permissions the user's
umask gives new files (not the 0600 of a temporary file). Qt-free, so the CLI uses it too.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


class UserFileError(Exception):
    """The file could not be written; nothing was written. The message names file and reason."""


class ProtectedDestinationError(UserFileError):
    """The destination is one of the app's own files; refused, nothing written."""


@dataclass(frozen=True)
class Protected:
    """Files no export may replace: in ``folder``, every name starting with one of ``prefixes``
    (an empty prefix protects the whole folder)."""

    folder: Path
    prefixes: tuple[str, ...]
    what: str


def write_user_file(path: Path, payload: bytes, protected: Iterable[Protected]) -> Path:
    """Write ``payload`` to ``path`` through the guard; returns the file actually written."""

    def produce(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            handle.write(payload)

    return write_user_file_with(path, produce, protected)


def write_user_file_with(
    path: Path, produce: Callable[[Path], None], protected: Iterable[Protected]
) -> Path:
    """Like write_user_file, for writers that need a file name (QPdfWriter): ``produce(tmp)``
    writes the whole file at ``tmp``; it is then fsynced and renamed onto the destination."""
    check_destination(Path(path), protected)
    given = Path(path).expanduser()
    if _is_stream(given):  # /dev/null, a FIFO, `-o >(gzip > x.gz)`: nothing to replace
        return _write_stream(path, given, produce)
    target = _real_destination(given)
    folder = target.parent
    if not folder.is_dir():
        raise UserFileError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise UserFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise UserFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    with contextlib.suppress(OSError):  # the data is on disk; the rename's durability is a bonus
        _fsync_folder(folder)
    return target


def _is_stream(target: Path) -> bool:
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _write_stream(path: Path, target: Path, produce: Callable[[Path], None]) -> Path:
    """Produce into a private temporary file, then copy it into the stream in one go."""
    try:
        with tempfile.TemporaryDirectory(prefix="mlorg-export-") as scratch:
            tmp = Path(scratch) / "export"
            produce(tmp)
            with open(target, "wb") as stream:
                stream.write(tmp.read_bytes())
    except OSError as exc:
        raise UserFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    return target


def check_destination(path: Path, protected: Iterable[Protected]) -> None:
    """Raise ProtectedDestinationError if ``path`` is (or would replace) one of the app's files."""
    target = _real_destination(Path(path))
    try:
        target_stat: os.stat_result | None = os.stat(target)
    except OSError:
        target_stat = None
    for rule in protected:
        folder = Path(rule.folder)
        if _names_protected(target, folder, rule.prefixes):
            raise _refusal(path, rule)
        if target_stat is not None and any(
            _same_file(target_stat, own) for own in _existing(folder, rule.prefixes)
        ):
            raise _refusal(path, rule)


def _refusal(path: Path, rule: Protected) -> ProtectedDestinationError:
    return ProtectedDestinationError(
        f"refusing to write {path}: it is {rule.what}, and writing there could destroy your "
        "saved assessments. Nothing was written; choose another name or folder."
    )


def _real_destination(path: Path) -> Path:
    """The file a write to ``path`` lands in: symbolic links (of the file and its folders)
    followed, relative paths made absolute."""
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: let the write itself fail on it
        return path.expanduser().absolute()


def _names_protected(target: Path, folder: Path, prefixes: tuple[str, ...]) -> bool:
    if not _same_folder(target.parent, folder):
        return False
    name = target.name
    if _ignores_case(folder):
        name = name.casefold()
        prefixes = tuple(p.casefold() for p in prefixes)
    return any(name.startswith(prefix) for prefix in prefixes)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return _same_file(os.stat(a), os.stat(b))
    except OSError:
        return _real_destination(a) == _real_destination(b)


def _existing(folder: Path, prefixes: tuple[str, ...]) -> list[os.stat_result]:
    """Stats of the protected files that exist now (to catch hard links from elsewhere)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    ignore_case = _ignores_case(folder)
    found = []
    for entry in entries:
        name = entry.name.casefold() if ignore_case else entry.name
        wanted = (p.casefold() for p in prefixes) if ignore_case else prefixes
        if any(name.startswith(p) for p in wanted):
            with contextlib.suppress(OSError):
                found.append(entry.stat())
    return found


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _ignores_case(folder: Path) -> bool:
    """Whether ``folder``'s file system ignores case: its own name in swapped case is itself."""
    folder = _real_destination(folder)
    swapped = folder.name.swapcase()
    if swapped == folder.name:
        return False
    try:
        return _same_file(os.stat(folder), os.stat(folder.with_name(swapped)))
    except OSError:
        return False


def _umask() -> int:
    """The process umask, read without changing it where Linux tells it."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
