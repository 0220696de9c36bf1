"""Thin front-ends of render_sheet: a PDF file, any QPrinter (dialog, preview, named queue)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from mlorg_desktop import APP_NAME, __version__
from mlorg_desktop.report.sheet import SheetData, render_sheet
from mlorg_desktop.userfiles import (
    Protected,
    ProtectedDestinationError,
    UserFileError,
    write_user_file_with,
)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(16, 16, 16, 14)


class SheetOutputError(Exception):
    """The sheet could not be written or printed; the message says where and why.
    ``refused``: the destination was one of the app's own files (nothing was written)."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


def default_page_size_name(locale: QLocale | None = None) -> str:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale.system()).measurementSystem()
    return "Letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def page_layout(page_size_name: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size_name]),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_sheet(device: QPagedPaintDevice, data: SheetData) -> int:
    """Draw the sheet on ``device`` (QPdfWriter or QPrinter); returns the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise SheetOutputError("could not start drawing on the output device")
    try:
        # One unit = one point on every device, so text and pens keep their printed size.
        scale = device.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        paint_rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
        return render_sheet(painter, paint_rect.size(), data, device.newPage)
    finally:
        painter.end()


def write_pdf(
    path: Path, data: SheetData, page_size_name: str, protected: Iterable[Protected]
) -> int:
    """Write the sheet to ``path`` through the guarded, atomic user-file writer: never onto the
    store or its companions, never half a PDF, with the user's normal file permissions."""
    pages: list[int] = []

    def produce(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(data.title)
        writer.setAuthor(f"{APP_NAME} {__version__}")
        writer.setCreator(f"{APP_NAME} {__version__}")
        writer.setPageLayout(page_layout(page_size_name))
        writer.setResolution(1200)
        pages.append(paint_sheet(writer, data))
        del writer  # finishes the file

    try:
        write_user_file_with(Path(path), produce, protected)
    except ProtectedDestinationError as exc:
        raise SheetOutputError(str(exc), refused=True) from None
    except UserFileError as exc:
        raise SheetOutputError(str(exc)) from None
    except SheetOutputError as exc:
        raise SheetOutputError(f"cannot write {path}: {exc}") from None
    return pages[0]


def available_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def make_printer(name: str | None, page_size_name: str) -> QPrinter:
    """A high-resolution QPrinter for the named OS queue (or the default one)."""
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            listed = ", ".join(available_printers()) or "none"
            raise SheetOutputError(f"no printer named '{name}'. Available printers: {listed}")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    else:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size_name))
    return printer


def print_sheet(printer: QPrinter, data: SheetData) -> int:
    """Send the sheet to ``printer`` as configured (by the print dialog or by make_printer)."""
    printer.setDocName(data.title)
    printer.setCreator(f"{APP_NAME} {__version__}")
    if not printer.isValid():
        raise SheetOutputError(f"the printer '{printer.printerName()}' is not usable")
    return paint_sheet(printer, data)
