"""Regenerate the screenshots in docs/ (run under xvfb-run; uses the demo data).

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python docs/take_screenshots.py docs
    ... docs/take_screenshots.py /tmp/shots-min --size 1024x700 --all
    QT_SCALE_FACTOR=1.5 ... docs/take_screenshots.py /tmp/shots-hidpi --size 1280x800 --all

Every tab of the demo data at one window size (1920x1200 for docs/, the window's minimum
1024x700, or a size in logical pixels at a scale factor), then with ``--all`` the empty states
and the charts shown as tables too. docs/ keeps only the 1920x1200 set it links to.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QScrollArea

from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge
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


def shoot(app: QApplication, window: MainWindow, path: Path) -> None:
    settle(app)
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def open_window(knowledge: Knowledge, root: Path, size: tuple[int, int]) -> MainWindow:
    paths = AppPaths(root, root / "logs")
    store = AssessmentStore(paths.store_file, knowledge.bank)
    settings = QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
    window.resize(*size)
    window.show()
    return window


def tab_shots(app: QApplication, window: MainWindow, out: Path, extra: bool) -> None:
    window.archetypes_tab.select("independent")
    shoot(app, window, out / "archetypes.png")
    window.archetypes_tab.select("__dimensions__")
    shoot(app, window, out / "dimensions.png")
    meridian = [a for a in window.store.all() if a.assessed_on == "2025-10-15"][0]
    window.assessment_tab.open_assessment(meridian)
    window.show_tab(window.assessment_tab)
    shoot(app, window, out / "assessment.png")
    window.show_tab(window.saved_tab)
    shoot(app, window, out / "saved.png")
    compare = window.compare_tab
    window.show_tab(compare)
    settle(app)
    if extra:
        shoot(app, window, out / "compare-untick.png")  # the empty state: tick some
    compare.select_all()
    shoot(app, window, out / "compare.png")
    if extra:
        area = compare.chart_area
        assert area.radar_view is not None and area.bars_view is not None
        area.radar_view.toggle.setChecked(True)
        area.bars_view.toggle.setChecked(True)
        shoot(app, window, out / "compare-tables.png")
        area.radar_view.toggle.setChecked(False)
        area.bars_view.toggle.setChecked(False)
    organizations_shots(app, window, out, extra)
    roadmap_shots(app, window, window.store, out)
    if extra:
        window.show_tab(window.saved_tab)
        window.saved_tab.filter.setText("Nobody by this name")
        shoot(app, window, out / "saved-no-match.png")
        window.saved_tab.filter.clear()


def organizations_shots(app: QApplication, window: MainWindow, out: Path, extra: bool) -> None:
    """The demo's two-round organization: the first round read whole, then its trend."""
    from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab

    window.show_tab(window.organizations_tab)
    tab = window.current_tab()
    assert isinstance(tab, OrganizationsTab)
    tab.select_organization("Vantage Retail Group", "Data & AI")
    tab.rounds.setCurrentRow(0)
    shoot(app, window, out / "organizations.png")
    scroll = tab.findChildren(QScrollArea)[0]
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shoot(app, window, out / "organizations-trend.png")
    if extra:
        tab.plot_view.toggle.setChecked(True)
        shoot(app, window, out / "organizations-trend-table.png")
        tab.plot_view.toggle.setChecked(False)


def empty_shots(app: QApplication, window: MainWindow, out: Path) -> None:
    """A window on an empty store: what each tab says before anything is saved."""
    for name, tab in (
        ("saved-empty.png", window.saved_tab),
        ("compare-empty.png", window.compare_tab),
        ("organizations-empty.png", window.organizations_tab),
    ):
        window.show_tab(tab)
        shoot(app, window, out / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path(__file__).parent)
    parser.add_argument("--size", default="1920x1200", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--all", action="store_true", help="also empty states and tables")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    resources = resources_dir()
    knowledge = load_knowledge(resources)
    app = create_application(resources)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "demo"
        root.mkdir()
        seed = AssessmentStore(AppPaths(root, root / "logs").store_file, knowledge.bank)
        seed_demo_store(seed, knowledge, resources)
        seed.close()  # one store per file: the window opens its own
        window = open_window(knowledge, root, (width, height))
        tab_shots(app, window, args.out, args.all)
        window.close()
        if args.all:
            empty_root = Path(tmp) / "empty"
            empty_root.mkdir()
            empty = open_window(knowledge, empty_root, (width, height))
            empty_shots(app, empty, args.out)
            empty.close()


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
    main()
