"""Start-up floors: a bare PySide6 window with three tabs, optionally with a pyqtgraph plot.

Run as `python benchmarks/floors.py bare|pg`; with MLORG_FIRST_PAINT_EXIT=1 it prints the
wall-clock time of its first paint and quits, exactly like the app does.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint-epoch {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> int:
    kind = sys.argv[1] if len(sys.argv) > 1 else "bare"
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    if kind == "pg":
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        import pyqtgraph as pg

        tabs.addTab(pg.PlotWidget(), "Plot")
    for name in ("One", "Two", "Three")[: 3 - (kind == "pg")]:
        tabs.addTab(QLabel(name), name)
    window.setCentralWidget(tabs)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.resize(1200, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
