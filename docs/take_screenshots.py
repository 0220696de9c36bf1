"""Regenerate the screenshots in docs/ (run under xvfb-run; uses the demo data)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.app import create_application
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


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
        window.archetypes_tab.select("independent")
        settle(app)
        window.grab().save(str(out_dir / "archetypes.png"))
        window.archetypes_tab.select("__dimensions__")
        settle(app)
        window.grab().save(str(out_dir / "dimensions.png"))
        meridian = [a for a in store.all() if a.assessed_on == "2025-10-15"][0]
        window.assessment_tab.open_assessment(meridian)
        window.show_tab(window.assessment_tab)
        settle(app)
        window.grab().save(str(out_dir / "assessment.png"))
        window.show_tab(window.saved_tab)
        settle(app)
        window.grab().save(str(out_dir / "saved.png"))
        extra = window.compare_tab
        if extra is not None:
            window.show_tab(extra)
            extra.select_all()
            settle(app)
            window.grab().save(str(out_dir / "compare.png"))
        organizations_shots(app, window, out_dir)
        window.close()


def organizations_shots(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """The demo's two-round organization: the first round read whole, then its trend."""
    from PySide6.QtWidgets import QScrollArea

    from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab

    window.resize(1400, 900)
    window.tab_actions[4].trigger()
    tab = window.current_tab()
    assert isinstance(tab, OrganizationsTab)
    tab.select_organization("Vantage Retail Group", "Data & AI")
    tab.rounds.setCurrentRow(0)
    settle(app)
    window.grab().save(str(out_dir / "organizations.png"))
    scroll = tab.findChildren(QScrollArea)[0]
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle(app)
    window.grab().save(str(out_dir / "organizations-trend.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
