"""The QApplication and the GUI run (the --smoke-test run is in ui/smoke_test.py)."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mlorg_desktop import APP_NAME, DESKTOP_ID, ORG_DOMAIN, ORG_NAME, __version__
from mlorg_desktop.cli import EXIT_STORE_BUSY, EXIT_STORE_DAMAGED, report_damaged_resources
from mlorg_desktop.crash import install_excepthook
from mlorg_desktop.display import ensure_platform
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.validation import DataError
from mlorg_desktop.paths import AppPaths, runtime_dir
from mlorg_desktop.private_files import private_after_write, tighten_folder
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow
from mlorg_desktop.ui.single_instance import InstanceGuard

if TYPE_CHECKING:
    from mlorg_desktop.store import AssessmentStore


def set_application_names() -> None:
    """Must run before anything asks Qt for standard paths or default QSettings."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def create_application(resources: Path, argv: list[str] | None = None) -> QApplication:
    set_application_names()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources / "icons" / f"{DESKTOP_ID}.svg")))
    return app


class FirstPaintWatcher(QObject):
    """Records when a widget first paints; used by the smoke test and the start-up benchmark."""

    def __init__(self, target: QObject, then: Callable[[], None] | None = None) -> None:
        super().__init__(target)
        self.painted = False
        self._then = then
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            if self._then is not None:
                QTimer.singleShot(0, self._then)
            if os.environ.get("MLORG_FIRST_PAINT_EXIT"):
                # Benchmark-only: report the wall-clock time of the first paint and quit.
                print(f"first-paint-epoch {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)
        return False


def run_gui(
    knowledge: Knowledge,
    paths: AppPaths,
    resources: Path,
    *,
    demo: bool = False,
    seed: Callable[[AssessmentStore], None] | None = None,
) -> int:
    """The window over the user's store: one instance per store, damaged files recovered."""
    app = create_application(resources)
    messenger = Messenger()
    guard = InstanceGuard(paths.store_file, runtime_dir())
    why_read_only = ""
    if not guard.acquire() and not (why_read_only := guard.why_cannot_lock()):
        if guard.ask_running_instance_to_raise():
            print(f"MLOrg Desktop is already open on {paths.store_file}; brought it forward.")
            return 0
        pid = guard.holder_pid()
        messenger.error(
            None,
            "Store in use",
            f"{paths.store_file} is in use by another process"
            f"{f' (pid {pid})' if pid else ''}. Close it and start again.",
        )
        return EXIT_STORE_BUSY

    def open_store(parent: QWidget) -> AssessmentStore | None:
        from mlorg_desktop.ui.store_opening import open_store_interactive

        store = open_store_interactive(
            paths.store_file, knowledge, messenger, parent, why_read_only=why_read_only
        )
        if store is not None and seed is not None:
            seed(store)
        return store

    try:
        settings = window_settings(paths)
        window = MainWindow(knowledge, open_store, paths, settings, messenger, demo=demo)
        install_excepthook(lambda report: _show_crash_report(window, report, paths.log_dir))
        guard.raise_requested.connect(window.bring_to_front)
        FirstPaintWatcher(window, then=lambda: _after_first_paint(app, guard, window))
        window.show()
        code = app.exec()
        if window.has_store():
            window.store.close()  # waits for writes still on their way to disk
        return code
    finally:
        guard.release()


class PrivateSettings(QSettings):
    """QSettings honours only the umask; the app's files are 0600 (see private_files)."""

    def sync(self) -> None:
        super().sync()
        written = Path(self.fileName())
        private_after_write(written)
        tighten_folder(written.parent)  # Qt made it with the umask's mode


def window_settings(paths: AppPaths) -> QSettings:
    """The user's own settings, or the run's file when --data-dir or --demo chose one: a run
    on another folder (or the throwaway demo) never changes the user's window state."""
    if paths.settings_file is None:
        return PrivateSettings()
    return PrivateSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def show_startup_error(resources: Path, problem: str) -> None:
    """The window cannot start: say why in a message box a desktop user sees (stderr too)."""
    ensure_platform()
    create_application(resources)
    Messenger().error(
        None,
        "MLOrg Desktop cannot start",
        f"MLOrg Desktop {problem}.\n\nStart it with --data-dir on a "
        "folder you can write, or ask whoever manages this computer.",
    )


def _after_first_paint(app: QApplication, guard: InstanceGuard, window: MainWindow) -> None:
    """The window is on screen: now load the questionnaires, read the store and answer later
    launches."""
    try:
        window.knowledge.load_bank()
    except (DataError, FileNotFoundError) as exc:  # damaged resources: as a start without a window
        gc.enable()
        window.hide()
        app.exit(report_damaged_resources(exc))
        return
    opened = window.open_store()
    gc.enable()  # disabled for start-up by __main__
    # Start-up objects and the store's records live as long as the app: later collections
    # skip them (mlorg_desktop.collector).
    gc.freeze()
    if not opened:  # a damaged store, and the user chose to quit
        window.hide()
        app.exit(EXIT_STORE_DAMAGED)
        return
    guard.listen()


def _show_crash_report(window: MainWindow, report: str, log_dir: Path) -> None:
    from mlorg_desktop.ui.dialogs.crash_dialog import show_crash_report

    show_crash_report(window, report, log_dir)
