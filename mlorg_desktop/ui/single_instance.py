"""One window per store: QLockFile beside the store, and a local socket to wake the first window.

The socket lives in this user's private runtime folder (see ``paths.runtime_dir``), is made
with UserAccessOption, and a launch trusts an answer only from a server run by the same user:
another local user can neither take its name nor pretend to be the window.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads after the first paint (listen) or in a second launch
    from PySide6.QtNetwork import QLocalServer

from mlorg_desktop import instance_files
from mlorg_desktop.paths import lock_path
from mlorg_desktop.private_files import private_after_write

log = logging.getLogger(__name__)

RAISE = b"raise\n"
ACK = b"ok\n"


class InstanceGuard(QObject):
    """Signals: raise_requested() — a second launch on the same store asked us to come forward."""

    raise_requested = Signal()

    def __init__(
        self, store_path: Path, socket_folder: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.lock = QLockFile(str(lock_path(store_path)))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self.store_path = store_path
        self.socket_folder = socket_folder
        self.server: QLocalServer | None = None

    @property
    def server_name(self) -> str:
        """The socket's full path (a full path keeps Qt from putting it in the shared /tmp)."""
        return str(self.socket_folder / instance_files.socket_name(self.store_path))

    def acquire(self) -> bool:
        """Take the store; False when another live process has it or the lock cannot be made."""
        if not self.lock.tryLock(0):
            return False
        private_after_write(lock_path(self.store_path))  # QLockFile honours only the umask
        return True

    def why_cannot_lock(self) -> str:
        """After a failed ``acquire``: why the folder cannot be written, or "" when another
        process simply holds the lock."""
        if self.lock.error() in (QLockFile.LockError.NoError, QLockFile.LockError.LockFailedError):
            return ""  # held by a live process (LockFailedError), not a folder problem
        from mlorg_desktop.run_files import write_problem

        folder = self.store_path.parent
        problem = write_problem(folder) or "its lock file cannot be created"
        return f"the folder {folder} cannot be written ({problem})."

    def listen(self) -> None:
        """Answer later launches on this store (started once the window has painted)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        if not instance_files.prepare_folder(self.socket_folder):
            return
        instance_files.remove_stale_sockets(self.socket_folder)
        name = Path(self.server_name)
        QLocalServer.removeServer(str(name))  # ours: we hold the store's lock
        try:
            instance_files.write_owner(name, self.store_path)
        except OSError as exc:
            log.warning("no single-instance socket: cannot write in %s (%s)", name, exc.strerror)
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_server_new_connection)
        if not server.listen(str(name)):
            log.warning("no single-instance socket at %s: %s", name, server.errorString())
            instance_files.remove_owner(name)
            server.deleteLater()
            return
        self.server = server

    def holder_pid(self) -> int | None:
        # PySide6 6.11 returns (pid, host, app), pid 0 when unknown (not Qt's bool + outs).
        pid = self.lock.getLockInfo()[0]
        return int(pid) if pid else None

    def ask_running_instance_to_raise(self, timeout_ms: int = 2000) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + timeout_ms / 1000
        # The first instance may still be starting: it makes the socket folder and listens only
        # after its first paint, so a missing folder is waited for like a missing socket.
        while True:
            if instance_files.is_private_folder(self.socket_folder) and (
                instance_files.socket_owned_by_me(Path(self.server_name))
            ):
                socket.connectToServer(self.server_name)
                if socket.waitForConnected(timeout_ms):
                    break
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        peer = instance_files.peer_uid(int(socket.socketDescriptor()))
        if peer is not None and peer != os.getuid():
            log.warning("ignored a single-instance server run by another user (uid %s)", peer)
            socket.abort()
            return False
        socket.write(RAISE)
        socket.waitForBytesWritten(timeout_ms)
        answered = socket.waitForReadyRead(timeout_ms) and socket.readAll().data() == ACK
        socket.disconnectFromServer()
        return answered

    def release(self) -> None:
        if self.server is not None:
            self.server.newConnection.disconnect(self._on_server_new_connection)
            self.server.close()
            self.server.deleteLater()
            self.server = None
            instance_files.remove_owner(Path(self.server_name))
        self.lock.unlock()

    def _on_server_new_connection(self) -> None:
        # Answer each request right here, with no slot or closure left holding the socket: a
        # socket deleted with the server while a Python closure still referred to it crashed
        # the event loop (seen as an intermittent segfault in the tests).
        assert self.server is not None
        connection = self.server.nextPendingConnection()
        while connection is not None:
            peer = instance_files.peer_uid(int(connection.socketDescriptor()))
            if peer is not None and peer != os.getuid():
                connection.abort()  # UserAccessOption should make this impossible; be sure
                connection.deleteLater()
                connection = self.server.nextPendingConnection()
                continue
            if connection.waitForReadyRead(1000) and connection.readAll().data().startswith(
                RAISE.strip()
            ):
                connection.write(ACK)
                connection.waitForBytesWritten(1000)
                self.raise_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()
            connection = self.server.nextPendingConnection()
