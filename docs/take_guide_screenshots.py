"""Regenerate the small pictures of the in-app user guide (resources/guide/*.png) from the demo
data: `xvfb-run -a .venv/bin/python docs/take_guide_screenshots.py` (or QT_QPA_PLATFORM=offscreen).
They are kept small (about 560 px wide) because the guide ships inside the app."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.app import create_application
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow

WIDTH = 560


def settle(app: QApplication) -> None:
    """Let layouts, deferred deletes and chart redraws finish before a grab."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtTest import QTest

    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        QTest.qWait(60)


def save(widget: QWidget, path: Path) -> None:
    status = widget.window().statusBar()  # no temporary store path in the pictures
    status.clearMessage()
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")


def main(out_dir: Path) -> None:
    resources = resources_dir()
    knowledge = load_knowledge(resources)
    app = create_application(resources)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = AppPaths(root, root / "logs")
        store = AssessmentStore(paths.store_file, knowledge.bank)
        seed_demo_store(store, knowledge, resources)
        settings = QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
        window.resize(1200, 800)
        window.show()
        settle(app)
        meridian = [a for a in store.all() if a.assessed_on == "2025-10-15"][0]
        window.assessment_tab.open_assessment(meridian)
        window.show_tab(window.assessment_tab)
        settle(app)
        save(window, out_dir / "assessment.png")
        window.show_tab(window.compare_tab)
        window.compare_tab.select_all()
        settle(app)
        save(window.compare_tab.charts, out_dir / "compare.png")
        window.resize(1400, 900)
        window.show_tab(window.organizations_tab)
        window.organizations_tab.select_organization("Vantage Retail Group", "Data & AI")
        window.organizations_tab.rounds.setCurrentRow(0)
        settle(app)
        save(window, out_dir / "organizations.png")
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else resources_dir() / "guide")
