"""Files or folders dropped on the main window are imported (File ▸ Import for the mouse).

An event filter on the window, so ``main_window`` only installs it; widgets that take drops
themselves (text fields) keep doing so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget


def local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrop(QObject):
    """Calls ``on_paths(paths)`` when local files or folders are dropped on ``target``."""

    def __init__(self, target: QWidget, on_paths: Callable[[list[Path]], object]) -> None:
        super().__init__(target)
        self._on_paths = on_paths
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)  # drag enter and move events are ones too
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self._on_paths(paths)
                return True
        return super().eventFilter(watched, event)
