"""The main window: tabs, menus and the wiring between them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.ui.actions.menus import build_menus
from mlorg_desktop.ui.dialogs.file_locations import FileLocations
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.widgets.file_drop import FileDrop
from mlorg_desktop.ui.widgets.focus import first_tab_stop
from mlorg_desktop.ui.window_state import WindowState, window_title
from mlorg_desktop.ui.write_status import WriteStatus

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from mlorg_desktop.store import AssessmentStore
    from mlorg_desktop.ui.actions.edit_menu import TextFocus
    from mlorg_desktop.ui.actions.print_actions import SheetPrinting
    from mlorg_desktop.ui.dialogs.guide import GuideDialog
    from mlorg_desktop.ui.tabs.archetypes_tab import ArchetypesTab
    from mlorg_desktop.ui.tabs.assessment_tab import AssessmentTab
    from mlorg_desktop.ui.tabs.compare_tab import CompareTab
    from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab
    from mlorg_desktop.ui.tabs.saved_tab import SavedTab

DEFAULT_SIZE = (1200, 800)
MINIMUM_SIZE = (1024, 700)


StoreOpener = Callable[[QWidget], "AssessmentStore | None"]


class _Page(QWidget):
    """A tab's place in the tab bar. Its content (and the module behind it) is built the first
    time the tab is shown or the window needs it, so start-up builds only the visible tab."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> Any:
        if self.content is None:
            shown_empty = self.hasFocus()  # Qt gave focus to the page before it had content
            self.content = self._build()
            self.layout().addWidget(self.content)
            self.content.show()  # now, not when the layout gets to it: Tab stops are visible
            self.setFocusProxy(self.content)
            stop = first_tab_stop(self.content) if shown_empty else None
            if stop is not None:
                stop.setFocus(Qt.FocusReason.TabFocusReason)
        return self.content


class MainWindow(QMainWindow):
    # Set by ui.menus.build_menus.
    new_action: QAction
    save_action: QAction
    quit_action: QAction
    import_action: QAction
    export_action: QAction
    form_action: QAction
    page_setup_action: QAction
    preview_action: QAction
    print_action: QAction
    print_one_action: QAction
    sheet_options_action: QAction
    pdf_action: QAction
    undo_delete_action: QAction
    redo_delete_action: QAction
    text_actions: dict[str, QAction]
    text_focus: TextFocus
    find_action: QAction
    about_action: QAction
    guide_action: QAction
    shortcuts_action: QAction
    tab_actions: list[QAction]
    file_menu: QMenu
    edit_menu: QMenu

    def __init__(
        self,
        knowledge: Knowledge,
        store: AssessmentStore | StoreOpener,
        paths: AppPaths,
        settings: QSettings,
        messenger: Messenger,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self._store: AssessmentStore | None = None
        # run_gui passes an opener so the window paints before the store is read; the store
        # then opens right after the first paint, or as soon as anything needs it.
        self._opener: StoreOpener | None = store if callable(store) else None
        self.paths = paths
        self.settings = settings
        self.messenger = messenger
        self.files = FileLocations(settings, paths)  # where file dialogs start; what is off limits
        self._demo = demo
        self.window_state = WindowState(settings, self)  # tab, splitters, sort order, geometry
        self.setWindowTitle(window_title(None, demo))
        self.setMinimumSize(*MINIMUM_SIZE)

        self._pages = {
            name: _Page(self._restoring(build))
            for name, build in (
                ("archetypes", self._build_archetypes_tab),
                ("assessment", self._build_assessment_tab),
                ("saved", self._build_saved_tab),
                ("compare", self._build_compare_tab),
                ("organizations", self._build_organizations_tab),
            )
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for name, label in (
            ("archetypes", "&Archetypes"),
            ("assessment", "A&ssessment"),
            ("saved", "Saved assess&ments"),
            ("compare", "&Compare"),
            ("organizations", "Or&ganizations"),
        ):
            self.tabs.addTab(self._pages[name], label)
        self.setCentralWidget(self.tabs)
        self._sheet_source = "demo data" if demo else str(paths.store_file)
        self._printing: SheetPrinting | None = None
        self.guide: GuideDialog | None = None  # Help ▸ User Guide, built on first use
        build_menus(self)
        FileDrop(self, self.import_files)

        self.write_status = WriteStatus(self, messenger)  # "Saving…", "Not saved to disk"
        self.save_state = self.write_status.label
        self.statusBar().addPermanentWidget(self.save_state)
        self.window_state.restore_geometry(self, DEFAULT_SIZE)
        if self._opener is None:
            self._attach(store)  # type: ignore[arg-type]

    # The store -------------------------------------------------------------------------------

    @property
    def store(self) -> AssessmentStore:
        if self._store is None and not self.open_store():
            raise RuntimeError("the store could not be opened")
        assert self._store is not None
        return self._store

    def has_store(self) -> bool:
        return self._store is not None

    def open_store(self) -> bool:
        """Open the store through the opener (its dialogs may ask about a damaged file);
        False when the user chose to quit instead."""
        if self._store is None and self._opener is not None:
            opener, self._opener = self._opener, None
            store = opener(self)
            if store is None:
                return False
            self._attach(store)
        return self._store is not None

    def _attach(self, store: AssessmentStore) -> None:
        self._store = store
        self.write_status.attach(store)
        if store.read_only_error is not None:
            from mlorg_desktop.ui.widgets.read_only_banner import show_read_only_banner

            show_read_only_banner(self, str(store.read_only_error))
        else:
            self.statusBar().showMessage(
                f"{plural(len(store), 'saved assessment')} in {store.path}", 8000
            )
        last = self.window_state.last_tab(self.tabs, list(self._pages))
        if last is not None and self.tabs.currentIndex() == 0:  # unless the user chose one
            self.tabs.setCurrentIndex(last)

    # Tabs -------------------------------------------------------------------------------------

    @property
    def archetypes_tab(self) -> ArchetypesTab:
        return self._pages["archetypes"].ensure()  # type: ignore[no-any-return]

    @property
    def assessment_tab(self) -> AssessmentTab:
        return self._pages["assessment"].ensure()  # type: ignore[no-any-return]

    @property
    def saved_tab(self) -> SavedTab:
        return self._pages["saved"].ensure()  # type: ignore[no-any-return]

    @property
    def compare_tab(self) -> CompareTab:
        return self._pages["compare"].ensure()  # type: ignore[no-any-return]

    @property
    def organizations_tab(self) -> OrganizationsTab:
        return self._pages["organizations"].ensure()  # type: ignore[no-any-return]

    def built(self, name: str) -> Any:
        """The tab's content if it has been built, else None (nothing to keep up to date)."""
        return self._pages[name].content

    def show_tab(self, tab: QWidget) -> None:
        for page in self._pages.values():
            if page.content is tab:
                self.tabs.setCurrentWidget(page)

    def current_tab(self) -> QWidget | None:
        page = self.tabs.currentWidget()
        return page.ensure() if isinstance(page, _Page) else None

    def _on_tabs_current_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, _Page):
            page.ensure()

    def _restoring(self, build: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def build_and_restore() -> QWidget:
            content = build()
            self.window_state.restore_splitters(content)
            return content

        return build_and_restore

    def _build_archetypes_tab(self) -> QWidget:
        from mlorg_desktop.ui.tabs.archetypes_tab import ArchetypesTab

        return ArchetypesTab(self.knowledge.catalog)

    def _build_assessment_tab(self) -> QWidget:
        from mlorg_desktop.ui.tabs.assessment_tab import AssessmentTab

        tab = AssessmentTab(self.knowledge, self.store, self.messenger)
        tab.assessment_saved.connect(self._on_assessment_tab_assessment_saved)
        tab.dirty_changed.connect(self._on_assessment_tab_dirty_changed)
        tab.save_refused.connect(lambda: self.show_tab(tab))
        tab.document_renamed.connect(self._on_assessment_tab_document_renamed)
        self._on_assessment_tab_document_renamed(tab.document_name())
        return tab

    def _build_saved_tab(self) -> QWidget:
        from mlorg_desktop.ui.tabs.saved_tab import SavedTab

        tab = SavedTab(self.knowledge, self.store, self.messenger)
        tab.open_requested.connect(self._on_saved_tab_open_requested)
        tab.reassess_requested.connect(self._on_saved_tab_reassess_requested)
        tab.assessment_deleted.connect(self._on_saved_tab_assessment_deleted)
        tab.assessment_restored.connect(self._on_saved_tab_assessment_restored)
        tab.undo_available.connect(self.undo_delete_action.setEnabled)
        tab.redo_available.connect(self.redo_delete_action.setEnabled)
        tab.new_requested.connect(self._on_new_triggered)
        sort = self.window_state.sort_order()
        if sort is not None and sort[0] < tab.model.columnCount():
            tab.table.sortByColumn(*sort)
        return tab

    def _build_compare_tab(self) -> QWidget:
        from mlorg_desktop.ui.tabs.compare_tab import CompareTab

        tab = CompareTab(self.knowledge, self.store)
        tab.new_requested.connect(self._on_new_triggered)
        return tab

    def _build_organizations_tab(self) -> QWidget:
        from mlorg_desktop.ui.tabs.organizations_tab import OrganizationsTab

        tab = OrganizationsTab(self.knowledge, self.store, self.settings, self.messenger)
        tab.assessments_saved.connect(self._on_organizations_tab_assessments_saved)
        tab.import_requested.connect(self._on_import_triggered)
        return tab

    def _on_organizations_tab_assessments_saved(self, ids: list[str]) -> None:
        self._show_save_state()
        if self.built("assessment"):
            self.assessment_tab.on_assessments_updated(ids)
        for name in ("saved", "compare"):
            if self.built(name):
                self.built(name).on_assessments_saved(ids)

    # Slots ------------------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        """Another launch on the same store asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_import_triggered(self) -> None:
        from mlorg_desktop.ui.dialogs import dialogs  # QMessageBox, QFileDialog: not at start-up

        paths = dialogs.ask_import_paths(self, self.files.start_folder())
        if paths:
            self.files.remember(paths[0])
        self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        """Import exchange files or folders (File ▸ Import, or dropped on the window)."""
        from mlorg_desktop.ui.actions.exchange_actions import import_paths

        if not paths:
            return
        added = import_paths(self, self.knowledge, self.store, self.messenger, paths)
        self._show_save_state()
        for name in ("saved", "compare", "organizations"):
            if self.built(name):
                self.built(name).on_assessments_saved(added)

    def _on_export_triggered(self) -> None:
        from mlorg_desktop.ui.actions.exchange_actions import export_assessments

        export_assessments(self, self.knowledge, self.store, self.messenger, self.files)

    def _on_form_triggered(self) -> None:
        from mlorg_desktop.ui.actions.form_actions import create_respondent_form

        create_respondent_form(self, self.knowledge, self.messenger, self.files)

    @property
    def printing(self) -> SheetPrinting:
        """Print support (QtPrintSupport, a QPrinter that asks CUPS) loads on first use."""
        if self._printing is None:
            from mlorg_desktop.ui.actions import print_actions

            self._printing = print_actions.SheetPrinting(
                self.knowledge, self.messenger, self._sheet_source, self.files, self.settings
            )
        return self._printing

    def _on_new_triggered(self) -> None:
        self.show_tab(self.assessment_tab)
        self.assessment_tab.request_new()

    def _on_save_triggered(self) -> None:
        self.show_tab(self.assessment_tab)
        if self.store.retry_write():  # an earlier write failed: try it again now
            self._show_save_state()
        if self.assessment_tab.save():
            self.statusBar().showMessage("Assessment saved.", 5000)

    def _on_assessment_tab_assessment_saved(self, assessment_id: str) -> None:
        self._show_save_state()
        for name in ("saved", "compare", "organizations"):
            if self.built(name):
                self.built(name).on_assessment_saved(assessment_id)

    def _on_assessment_tab_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)

    def _on_assessment_tab_document_renamed(self, name: str) -> None:
        self.setWindowTitle(window_title(name, self._demo))

    def _on_saved_tab_open_requested(self, assessment_id: str) -> None:
        if self.assessment_tab.stored_id() != assessment_id or self.assessment_tab.is_dirty():
            if not self.assessment_tab.maybe_keep_changes():
                return
            self.assessment_tab.open_assessment(self.store.get(assessment_id))
        self.show_tab(self.assessment_tab)

    def _on_saved_tab_reassess_requested(self, assessment_id: str) -> None:
        if not self.assessment_tab.maybe_keep_changes():
            return
        self.assessment_tab.start_reassessment(self.store.get(assessment_id))
        self.show_tab(self.assessment_tab)
        self.statusBar().showMessage("A copy dated today is open; save it to keep it.", 8000)

    def _on_saved_tab_assessment_deleted(self, assessment_id: str) -> None:
        self._show_save_state()
        if self.built("assessment"):
            self.assessment_tab.forget_if_deleted(assessment_id)
        for name in ("compare", "organizations"):
            if self.built(name):
                self.built(name).on_assessment_deleted(assessment_id)
        self.statusBar().showMessage(
            "Assessment deleted. Edit ▸ Undo Delete (Ctrl+Z) brings it back.", 10000
        )

    def _on_saved_tab_assessment_restored(self, assessment_id: str) -> None:
        self._show_save_state()
        if self.built("assessment"):
            self.assessment_tab.reattach_if_restored(self.store.get(assessment_id))
        for name in ("compare", "organizations"):
            if self.built(name):
                self.built(name).on_assessment_saved(assessment_id)
        self.statusBar().showMessage("Deleted assessment restored.", 5000)

    # Writing to disk ----------------------------------------------------------------------------

    def _show_save_state(self) -> None:
        self.write_status.show()

    def finish_writes(self) -> bool:
        """Wait for pending writes (closing must not lose a save); False means stay open."""
        return self.write_status.finish()

    # Window state ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        form = self.built("assessment")
        if (form is not None and not form.maybe_keep_changes()) or not self.finish_writes():
            event.ignore()
            return
        saved = self.built("saved")
        header = saved.table.horizontalHeader() if saved is not None else None
        self.window_state.save(
            self,
            list(self._pages)[self.tabs.currentIndex()],
            [page.content for page in self._pages.values() if page.content is not None],
            (header.sortIndicatorSection(), header.sortIndicatorOrder()) if header else None,
        )
        event.accept()
