"""Whether the store's writes reached the disk, shown in the status bar: "Saving…", "⚠ Not
saved to disk" (with a message the first time a write fails), and the wait on close."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from mlorg_desktop.ui.dialogs.msgbox import Messenger

if TYPE_CHECKING:
    from mlorg_desktop.store import AssessmentStore


class WriteStatus(QObject):
    """The status bar's save state for one store. The writer reports on its own thread;
    ``report`` emits a signal, and emitting a signal of an object living in another thread is
    a queued call, so the label changes on the UI thread.

    Signals:
        finished(): a background write ended (well or not).
    """

    finished = Signal()

    def __init__(self, parent: QWidget, messenger: Messenger) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.messenger = messenger
        self.store: AssessmentStore | None = None
        self.label = QLabel()
        self.label.setObjectName("saveState")
        self._error_shown = False
        self.finished.connect(self._on_finished)

    def attach(self, store: AssessmentStore) -> None:
        self.store = store
        store.write_in_background(self.report)

    def report(self, _sequence: int, _error: OSError | None) -> None:
        self.finished.emit()

    def failed_write(self) -> OSError | None:
        """Why the newest write failed, while its changes are still not on disk."""
        writer = self.store.writer if self.store is not None else None
        return writer.error if writer is not None and writer.pending else None

    def show(self) -> None:
        failed = self.failed_write()
        if failed is not None:
            self.label.setText("⚠ Not saved to disk")
            self.label.setToolTip(f"The last write failed: {failed}")
        elif self.store is not None and self.store.pending:
            self.label.setText("Saving…")
            self.label.setToolTip("Writing your changes to disk")
        else:
            self.label.setText("")
            self.label.setToolTip("")

    def _on_finished(self) -> None:
        self.show()
        failed = self.failed_write()
        if failed is None:
            self._error_shown = False
        elif not self._error_shown and self.store is not None:
            self._error_shown = True
            self.messenger.error(
                self.parent_widget,
                "Could not save to disk",
                f"Could not write to {self.store.path}: {failed.strerror or failed}."
                "\n\nThe file still holds your last good save, and your changes are kept in "
                "this window. Free some space or fix the folder's permissions, then save again "
                "(Ctrl+S); closing the app also tries again.",
            )

    def finish(self) -> bool:
        """Wait for pending writes (closing must not lose a save); False means stay open."""
        from mlorg_desktop.store import StoreWriteError

        store = self.store
        while store is not None and store.pending:
            self.label.setText("Saving…")
            self.label.repaint()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                store.retry_write()
                store.flush()
                break
            except StoreWriteError as exc:
                reason = exc.reason
            finally:
                QApplication.restoreOverrideCursor()
            self.show()
            from mlorg_desktop.ui.dialogs import dialogs  # not needed at start-up

            choice = dialogs.ask_write_failed(self.parent_widget, reason)
            if choice is dialogs.WriteFailedChoice.QUIT:
                return True
            if choice is dialogs.WriteFailedChoice.CANCEL:
                return False
        self.show()
        return True
