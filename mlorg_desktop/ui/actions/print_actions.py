"""File ▸ Print, Print Preview, Export as PDF and Page Setup: thin wrappers of render_sheet."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.report.output import (
    SheetOutputError,
    default_page_size_name,
    page_layout,
    paint_sheet,
    print_sheet,
    write_pdf,
)
from mlorg_desktop.report.sheet import SheetData, build_sheet_data
from mlorg_desktop.ui.dialogs import dialogs, sheet_options
from mlorg_desktop.ui.dialogs.file_locations import FileLocations
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.dialogs.sheet_options import SheetOptions
from mlorg_desktop.ui.role_settings import role_overrides

ONE_TITLE = "ML organization assessment"


class SheetPrinting:
    """Owns the one QPrinter the window prints with, so page setup sticks and the preview's
    printer outlives its dialog (a temporary QPrinter there crashes)."""

    def __init__(
        self,
        knowledge: Knowledge,
        messenger: Messenger,
        source: str,
        files: FileLocations,
        settings: QSettings | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.settings = settings  # where the Organizations tab keeps its leadership roles
        self.messenger = messenger
        self.source = source
        self.files = files
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(page_layout(default_page_size_name()))
        self.options = SheetOptions()

    def sheet(self, assessments: list[Assessment], *, title: str | None = None) -> SheetData:
        """The sheet as the options say: title, sections, edited summary paragraphs."""
        data = build_sheet_data(
            self.knowledge,
            assessments,
            self.source,
            title=title or self.options.title,
            sections=self.options.sections,
            role_groups=role_overrides(self.settings) if self.settings is not None else None,
        )
        return replace(data, summary=self.options.summary_for(data))

    def edit_options(self, parent: QWidget | None, assessments: list[Assessment]) -> bool:
        chosen = sheet_options.ask_sheet_options(parent, self.options, self.sheet(assessments))
        if chosen is None:
            return False
        self.options = chosen
        return True

    def print_one(self, parent: QWidget | None, assessment: Assessment) -> int:
        """A one-assessment sheet through the print dialog (Assessment and Saved tabs)."""
        return self.print(parent, [assessment], title=ONE_TITLE)

    def page_size_name(self) -> str:
        size = self.printer.pageLayout().pageSize()
        return "Letter" if size.id() == size.PageSizeId.Letter else "A4"

    def page_setup(self, parent: QWidget | None) -> None:
        dialogs.ask_page_setup(parent, self.printer)
        # The sheet is designed for portrait; keep whatever size and margins were chosen.
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    def print(
        self, parent: QWidget | None, assessments: list[Assessment], *, title: str | None = None
    ) -> int:
        if not dialogs.ask_print(parent, self.printer):
            return 0
        try:
            return print_sheet(self.printer, self.sheet(assessments, title=title))
        except (SheetOutputError, RuntimeError) as exc:
            self.messenger.error(parent, "Printing failed", str(exc))
            return 0

    def preview(self, parent: QWidget | None, assessments: list[Assessment]) -> None:
        data = self.sheet(assessments)
        dialogs.show_print_preview(
            parent, self.printer, lambda printer: self._paint(parent, printer, data)
        )

    def _paint(self, parent: QWidget | None, printer: QPrinter, data: SheetData) -> None:
        try:
            paint_sheet(printer, data)
        except (SheetOutputError, RuntimeError) as exc:
            self.messenger.error(parent, "Preview failed", str(exc))

    def export_pdf(self, parent: QWidget | None, assessments: list[Assessment]) -> Path | None:
        name = f"ml-organization-comparison-{self.sheet([]).generated_on}.pdf"
        path = dialogs.ask_pdf_path(parent, self.files.suggest(name))
        if path is None:
            return None
        try:
            pages = write_pdf(
                path, self.sheet(assessments), self.page_size_name(), self.files.protected
            )
        except SheetOutputError as exc:
            title = "Export refused" if exc.refused else "Export failed"
            self.messenger.error(parent, title, str(exc))
            return None
        self.files.remember(path)
        self.messenger.file_written(
            parent, "Comparison sheet exported", f"Wrote a {pages}-page sheet to {path}.", path
        )
        return path
