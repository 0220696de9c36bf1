"""The main window's menu bar: every action, its shortcut and the slot it calls.

Kept out of ``main_window`` so the window's wiring stays readable; the actions are set as
attributes of the window (``window.save_action`` …) because tabs and tests reach them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from mlorg_desktop.ui.actions import sheet_commands
from mlorg_desktop.ui.actions.edit_menu import build_edit_menu
from mlorg_desktop.ui.actions.help_menu import build_help_menu

if TYPE_CHECKING:
    from mlorg_desktop.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot: object,
    shortcut: QKeySequence | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Help menus of ``window``."""
    _build_file_menu(window)
    build_edit_menu(window)
    _build_view_menu(window)
    build_help_menu(window)


def _build_file_menu(window: MainWindow) -> None:
    w = window
    file_menu = w.menuBar().addMenu("&File")
    w.new_action = _action(
        w,
        "&New Assessment",
        w._on_new_triggered,
        QKeySequence.StandardKey.New,
        "Start a new assessment",
    )
    w.save_action = _action(
        w,
        "&Save Assessment",
        w._on_save_triggered,
        QKeySequence.StandardKey.Save,
        "Save the assessment",
    )
    w.quit_action = _action(w, "&Quit", w.close, QKeySequence("Ctrl+Q"), "Quit MLOrg Desktop")
    w.import_action = _action(
        w,
        "&Import Assessments…",
        w._on_import_triggered,
        QKeySequence("Ctrl+I"),
        "Add assessments from an exchange file",
    )
    w.export_action = _action(
        w,
        "&Export Assessments…",
        w._on_export_triggered,
        QKeySequence("Ctrl+E"),
        "Write all saved assessments to an exchange file or CSV",
    )
    w.form_action = _action(
        w,
        "Create &Respondent Form…",
        w._on_form_triggered,
        QKeySequence("Ctrl+Shift+F"),
        "Write an offline HTML form for people who do not have the app",
    )
    file_menu.addActions([w.new_action, w.save_action])
    file_menu.addSeparator()
    file_menu.addActions([w.import_action, w.export_action, w.form_action])
    file_menu.addSeparator()
    w.page_setup_action = _action(
        w,
        "Page Set&up…",
        lambda: sheet_commands.page_setup(w),
        tip="Paper size and margins for the sheet",
    )
    w.preview_action = _action(
        w, "Print Pre&view…", lambda: sheet_commands.preview(w), tip="Preview the comparison sheet"
    )
    w.print_action = _action(
        w,
        "&Print…",
        lambda: sheet_commands.print_sheet(w),
        QKeySequence.StandardKey.Print,
        "Print the comparison sheet",
    )
    w.pdf_action = _action(
        w,
        "Export Comparison Sheet as P&DF…",
        lambda: sheet_commands.export_pdf(w),
        QKeySequence("Ctrl+Shift+E"),
        "Save the comparison sheet as a PDF file",
    )
    w.sheet_options_action = _action(
        w,
        "Sheet &Title, Summary and Sections…",
        lambda: sheet_commands.edit_sheet_options(w),
        QKeySequence("Ctrl+Shift+T"),
        "Edit the sheet's title and executive summary; choose its sections",
    )
    w.print_one_action = _action(
        w,
        "Print This &Assessment…",
        lambda: sheet_commands.print_current_assessment(w),
        QKeySequence("Ctrl+Shift+P"),
        "Print a sheet of the assessment open in the Assessment or Saved tab",
    )
    file_menu.addActions([w.page_setup_action, w.sheet_options_action, w.preview_action])
    file_menu.addActions([w.print_action, w.print_one_action, w.pdf_action])
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    w.file_menu = file_menu


def _build_view_menu(window: MainWindow) -> None:
    view_menu = window.menuBar().addMenu("&View")
    window.tab_actions = []
    for index in range(window.tabs.count()):
        text = window.tabs.tabText(index)  # the tab's own mnemonic, unique in this menu too
        action = _action(
            window,
            text,
            lambda _=False, i=index: window.tabs.setCurrentIndex(i),
            QKeySequence(f"Ctrl+{index + 1}"),
        )
        view_menu.addAction(action)
        window.tab_actions.append(action)
