"""One window per store: QLockFile beside the store, and a local socket to wake the first window."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from mlorg_desktop.store.lock import lock_path

RAISE = b"raise\n"
ACK = b"ok\n"


class InstanceGuard(QObject):
    """Signals: raise_requested() — a second launch on the same store asked us to come forward."""

    raise_requested = Signal()

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = QLockFile(str(lock_path(store_path)))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        digest = hashlib.sha1(str(store_path.resolve()).encode()).hexdigest()[:16]
        self.server_name = f"mlorg-desktop-{digest}"
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the store; False when another live process has it."""
        if not self.lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.server_name)  # a socket left by a crashed instance
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_server_new_connection)
        self.server.listen(self.server_name)
        return True

    def holder_pid(self) -> int | None:
        ok, pid, _host, _app = self.lock.getLockInfo()
        return int(pid) if ok else None

    def ask_running_instance_to_raise(self, timeout_ms: int = 2000) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
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
        self.lock.unlock()

    def _on_server_new_connection(self) -> None:
        # Answer each request right here, with no slot or closure left holding the socket: a
        # socket deleted with the server while a Python closure still referred to it crashed
        # the event loop (seen as an intermittent segfault in the tests).
        assert self.server is not None
        connection = self.server.nextPendingConnection()
        while connection is not None:
            if connection.waitForReadyRead(1000) and connection.readAll().data().startswith(
                RAISE.strip()
            ):
                connection.write(ACK)
                connection.waitForBytesWritten(1000)
                self.raise_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()
            connection = self.server.nextPendingConnection()
