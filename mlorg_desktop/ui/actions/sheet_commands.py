"""Menu commands around the sheet that need the window's tabs: the options dialog for the
compared assessments, and printing the one assessment open in the Assessment or Saved tab.

Kept here, not in ``main_window``, which only builds tabs and wires them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlorg_desktop.domain.assessment import Assessment
    from mlorg_desktop.ui.main_window import MainWindow


def edit_sheet_options(window: MainWindow) -> None:
    chosen = window.compare_tab.selected_assessments()
    if not chosen:
        window.show_tab(window.compare_tab)
        window.messenger.info(
            window,
            "Nothing compared yet",
            "Tick the assessments to compare in the Compare tab first; the summary is "
            "written for those.",
        )
        return
    if window.printing.edit_options(window, chosen):
        window.statusBar().showMessage("The sheet's title, summary and sections are set.", 8000)


def current_assessment(window: MainWindow) -> Assessment | None:
    """The assessment in front of the user: the Assessment tab's form (as it reads now, saved
    or not) or the Saved tab's selected row."""
    tab = window.current_tab()
    if tab is not None and tab is window.built("assessment"):
        return window.assessment_tab.current_assessment()
    if tab is not None and tab is window.built("saved"):
        selected = window.saved_tab.selected_id()
        return window.store.get(selected) if selected else None
    return None


def print_current_assessment(window: MainWindow) -> None:
    assessment = current_assessment(window)
    if assessment is None:
        window.messenger.info(
            window,
            "No assessment to print",
            "Open an assessment in the Assessment tab, or select one in the Saved tab, "
            "to print a sheet of it alone.",
        )
        return
    if window.printing.print_one(window, assessment):
        window.statusBar().showMessage("Assessment sheet sent to the printer.", 8000)


def compared(window: MainWindow) -> list[Assessment] | None:
    """The assessments ticked in the Compare tab, or None after saying how to tick some."""
    chosen = window.compare_tab.selected_assessments()
    if not chosen:
        window.show_tab(window.compare_tab)
        window.messenger.info(
            window,
            "Nothing to print",
            "Tick one to eight assessments in the Compare tab first; the sheet compares those.",
        )
        return None
    return chosen


def page_setup(window: MainWindow) -> None:
    window.printing.page_setup(window)


def preview(window: MainWindow) -> None:
    chosen = compared(window)
    if chosen:
        window.printing.preview(window, chosen)


def print_sheet(window: MainWindow) -> None:
    chosen = compared(window)
    if chosen and window.printing.print(window, chosen):
        window.statusBar().showMessage("Comparison sheet sent to the printer.", 8000)


def export_pdf(window: MainWindow) -> None:
    chosen = compared(window)
    if chosen:
        window.printing.export_pdf(window, chosen)
