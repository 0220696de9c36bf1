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
        # deleteLater()'d widgets (the questions of another questionnaire version) go now,
        # as the event loop would have removed them: a grab must not show them underneath.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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


if __name__ == "__main__":
    main()
