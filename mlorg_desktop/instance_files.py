"""The single-instance socket's files, without Qt: a private folder, owners, stale sockets.

Each window listens on ``<socket folder>/<digest of the store path>``; beside the socket an
``.owner`` file names the store's lock file. The lock file tells whether the instance that made
the socket still lives (QLockFile writes the holder's pid), so a socket whose lock is free or
held by a dead process is left over from a killed instance and is removed by the next start.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import struct
from pathlib import Path

from mlorg_desktop.domain.plural import plural
from mlorg_desktop.paths import is_private_folder, lock_path
from mlorg_desktop.private_files import FILE_MODE, make_private_folder

log = logging.getLogger(__name__)

OWNER_SUFFIX = ".owner"
_SOCKET_NAME = re.compile(r"[0-9a-f]{16}")


def socket_name(store_path: Path) -> str:
    import hashlib  # not at start-up: the socket is named after the first paint

    return hashlib.sha1(str(store_path.resolve()).encode()).hexdigest()[:16]


def prepare_folder(folder: Path) -> bool:
    """Create the socket folder 0700 (or narrow our own looser one); False if it is not ours
    or cannot be made private, and then no socket is used at all."""
    try:
        make_private_folder(folder)
        info = os.lstat(folder)
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and stat.S_IMODE(info.st_mode) & 0o077
        ):
            os.chmod(folder, 0o700)
    except OSError as exc:
        log.warning("no single-instance socket: cannot use %s (%s)", folder, exc.strerror)
        return False
    if not is_private_folder(folder):
        log.warning("no single-instance socket: %s is not a private folder of this user", folder)
        return False
    return True


def write_owner(socket_path: Path, store_path: Path) -> None:
    """Record which lock file vouches for ``socket_path`` (written before listening)."""
    owner = socket_path.with_name(socket_path.name + OWNER_SUFFIX)
    tmp = owner.with_name(f".{owner.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(str(lock_path(store_path.resolve())) + "\n")
    os.replace(tmp, owner)


def remove_owner(socket_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(socket_path.with_name(socket_path.name + OWNER_SUFFIX))


def _owner_alive(owner: Path) -> bool:
    from mlorg_desktop.store.lock import read_holder  # loads the store package: not at start-up

    try:
        lock = Path(owner.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return False
    holder = read_holder(lock)
    return holder is not None and holder.pid > 0 and holder.alive()


def remove_stale_sockets(folder: Path) -> list[Path]:
    """Remove sockets (and owner files) whose instance is gone; returns the sockets removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    names = {e.name for e in entries}
    for entry in entries:
        if not _SOCKET_NAME.fullmatch(entry.name):
            continue
        socket_path = Path(entry.path)
        owner = socket_path.with_name(entry.name + OWNER_SUFFIX)
        if entry.name + OWNER_SUFFIX in names and _owner_alive(owner):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(socket_path)
        remove_owner(socket_path)
        removed.append(socket_path)
    for name in names:  # owner files left without a socket (a listen that failed, a crash)
        if name.endswith(OWNER_SUFFIX) and name[: -len(OWNER_SUFFIX)] not in names:
            owner = folder / name
            if not _owner_alive(owner):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(owner)
    if removed:
        log.info("removed %s left by instances that are gone", plural(len(removed), "socket"))
    return removed


def socket_owned_by_me(socket_path: Path) -> bool:
    try:
        info = os.lstat(socket_path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def peer_uid(fd: int) -> int | None:
    """The user id of the process at the other end of a connected Unix socket (SO_PEERCRED);
    None where the OS cannot say."""
    import socket

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None or fd < 0:
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, fileno=os.dup(fd)) as sock:
        creds = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)
