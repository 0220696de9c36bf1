"""The floor for the bundle-size benchmark: a minimal PySide6 + pyqtgraph window."""

import os
import sys

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402,F401  (printing, as the app has)
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget()
    tabs.addTab(pg.PlotWidget(), "Plot")
    window.setCentralWidget(tabs)
    window.show()
    if "--quit" in sys.argv:
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
