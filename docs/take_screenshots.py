"""Regenerate the screenshots in docs/ (run under xvfb-run; uses the demo data)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
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
        # Widgets replaced by deleteLater (another questionnaire version's cards) go now, as
        # they would in the running event loop, not drawn over the new ones in the grab.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


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
        roadmap_shots(app, window, store, out_dir)
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


def roadmap_shots(app: QApplication, window: MainWindow, store: AssessmentStore, out: Path) -> None:
    """Issue 15 at 1920x1200: the gap and roadmap, a what-if session, a scenario compared, and
    a round's target and roadmap. The demo data carries targets and a saved scenario."""
    from PySide6.QtWidgets import QScrollArea

    from mlorg_desktop.ui.dialogs import dialogs

    window.resize(1920, 1200)
    with_target = [a for a in store.all() if a.target and a.target != "keep"]
    with_scenario = [a for a in store.all() if a.scenarios]
    assert with_target and with_scenario, "the demo data lost its targets or its scenario"
    tab = window.assessment_tab
    tab.open_assessment(with_target[0])
    window.show_tab(tab)
    tab.live.setSizes([380, 720])  # the roadmap is the subject here
    settle(app)
    window.grab().save(str(out / "roadmap.png"))

    owner = with_scenario[0]
    tab.open_assessment(owner)
    settle(app)
    tab.what_if.open_scenario(owner.scenarios[0].id)
    settle(app)
    window.grab().save(str(out / "what-if.png"))
    original = dialogs.confirm_discard_what_if
    dialogs.confirm_discard_what_if = lambda parent, changes: True  # type: ignore[assignment]
    try:
        tab.what_if.leave()
    finally:
        dialogs.confirm_discard_what_if = original  # type: ignore[assignment]

    compare = window.compare_tab
    window.show_tab(compare)
    scenario_id = f"{owner.id}~{owner.scenarios[0].id}"
    compare.set_selected([owner.id, scenario_id])
    settle(app)
    window.grab().save(str(out / "scenario-compare.png"))

    window.tab_actions[4].trigger()
    orgs = window.current_tab()
    orgs.select_organization("Vantage Retail Group", "Data & AI")  # type: ignore[union-attr]
    orgs.rounds.setCurrentRow(orgs.rounds.count() - 1)  # type: ignore[union-attr]
    picker = orgs.panel.roadmap.target  # type: ignore[union-attr]
    if not picker.target():  # as choosing it in the list does: written for every respondent
        index = picker.findData("ml_first")
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
    settle(app)
    scroll = orgs.findChildren(QScrollArea)[0]  # type: ignore[union-attr]
    scroll.verticalScrollBar().setValue(0)
    settle(app)
    window.grab().save(str(out / "organizations-roadmap.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
