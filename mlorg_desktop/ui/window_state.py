"""What the window remembers between runs (in the app's QSettings, which a --data-dir or --demo
run keeps in its own file): size and place, the last tab, every named splitter's positions, and
how the saved list is sorted. Also the window title, which names the open assessment."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

from mlorg_desktop import APP_NAME

GEOMETRY_KEY = "main_window/geometry"
TAB_KEY = "main_window/tab"
SPLITTER_KEY = "splitters/{}"
SORT_COLUMN_KEY = "saved/sort_column"
SORT_ORDER_KEY = "saved/sort_order"


def window_title(document: str | None, demo: bool) -> str:
    """ "Acme · Platform (2026-11-02)[*] — MLOrg Desktop": the open assessment first, as
    desktop applications name their document; ``[*]`` is where Qt puts the modified mark."""
    app = f"{APP_NAME} — demo data" if demo else APP_NAME
    return f"{document}[*] — {app}" if document else f"{app}[*]"


def named_splitters(widget: QWidget) -> list[QSplitter]:
    """The splitters worth remembering: those given an object name (inner ones that appear
    and disappear with content stay unnamed and start at their defaults)."""
    return [s for s in widget.findChildren(QSplitter) if s.objectName()]


class WindowState(QObject):
    """Reads and writes the remembered state; the window calls it, it never reaches back."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    # Restoring -------------------------------------------------------------------------------

    def restore_geometry(self, window: QMainWindow, default: tuple[int, int]) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
            window.resize(*default)

    def last_tab(self, tabs: QTabWidget, names: list[str]) -> int | None:
        """The index of the tab open at the last close, if it still exists."""
        name = self.settings.value(TAB_KEY)
        return names.index(name) if isinstance(name, str) and name in names else None

    def restore_splitters(self, widget: QWidget) -> None:
        """Restore when each splitter is first shown: a tab built hidden has no size yet, and
        the layout's first resize would spread the restored positions by stretch factor."""
        for splitter in named_splitters(widget):
            if isinstance(self._splitter_state(splitter), QByteArray):
                splitter.installEventFilter(self)

    def _splitter_state(self, splitter: QSplitter) -> object:
        return self.settings.value(SPLITTER_KEY.format(splitter.objectName()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(watched, QSplitter) and event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            state = self._splitter_state(watched)
            if isinstance(state, QByteArray):
                watched.restoreState(state)  # False (nothing changes) for a foreign state
        return False

    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        """The saved list's sort column and order at the last close."""
        column, order = self.settings.value(SORT_COLUMN_KEY), self.settings.value(SORT_ORDER_KEY)
        try:
            column_number, order_number = int(str(column)), int(str(order))
        except ValueError:
            return None
        if column_number < 0 or order_number not in (0, 1):
            return None
        return column_number, Qt.SortOrder(order_number)

    # Saving ----------------------------------------------------------------------------------

    def save(
        self,
        window: QMainWindow,
        tab: str,
        built: list[QWidget],
        sort: tuple[int, Qt.SortOrder] | None,
    ) -> None:
        """Remember the window; ``built`` are the tabs built this run (the others keep what
        they had), ``sort`` the saved list's column and order if that list was built."""
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(TAB_KEY, tab)
        for content in built:
            for splitter in named_splitters(content):
                self.settings.setValue(
                    SPLITTER_KEY.format(splitter.objectName()), splitter.saveState()
                )
        if sort is not None:
            self.settings.setValue(SORT_COLUMN_KEY, sort[0])
            self.settings.setValue(SORT_ORDER_KEY, sort[1].value)
        self.settings.sync()
