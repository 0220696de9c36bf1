"""One window per store: QLockFile beside the store, and a local socket to wake the first window."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads after the first paint (listen) or in a second launch
    from PySide6.QtNetwork import QLocalServer

from mlorg_desktop.paths import lock_path

RAISE = b"raise\n"
ACK = b"ok\n"


class InstanceGuard(QObject):
    """Signals: raise_requested() — a second launch on the same store asked us to come forward."""

    raise_requested = Signal()

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = QLockFile(str(lock_path(store_path)))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self.store_path = store_path
        self.server: QLocalServer | None = None

    @property
    def server_name(self) -> str:
        import hashlib

        digest = hashlib.sha1(str(self.store_path.resolve()).encode()).hexdigest()[:16]
        return f"mlorg-desktop-{digest}"

    def acquire(self) -> bool:
        """Take the store; False when another live process has it."""
        return bool(self.lock.tryLock(0))

    def listen(self) -> None:
        """Answer later launches on this store (started once the window has painted)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        QLocalServer.removeServer(self.server_name)  # a socket left by a crashed instance
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_server_new_connection)
        self.server.listen(self.server_name)

    def holder_pid(self) -> int | None:
        ok, pid, _host, _app = self.lock.getLockInfo()
        return int(pid) if ok else None

    def ask_running_instance_to_raise(self, timeout_ms: int = 2000) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + timeout_ms / 1000
        while True:  # the first instance may still be starting: it listens after its first paint
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(timeout_ms):
                break
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
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
