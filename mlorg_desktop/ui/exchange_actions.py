"""File ▸ Import / Export Assessments: thin front-ends over the exchange format and the store."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.exchange import (
    ExchangeError,
    exchange_csv,
    exchange_json,
    future_dated,
    read_exchange_file,
)
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.log_safety import describe_error
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui import dialogs
from mlorg_desktop.ui.file_locations import FileLocations, export_name
from mlorg_desktop.ui.msgbox import Messenger
from mlorg_desktop.userfiles import ProtectedDestinationError, UserFileError, write_user_file

log = logging.getLogger(__name__)


def import_assessments(
    parent: QWidget | None,
    knowledge: Knowledge,
    store: AssessmentStore,
    messenger: Messenger,
    files: FileLocations,
) -> tuple[str, ...]:
    """Ask for a file and import it whole or not at all; returns the ids that were added."""
    path = dialogs.ask_import_path(parent, files.start_folder())
    if path is None:
        return ()
    files.remember(path)
    try:
        document = read_exchange_file(path, knowledge)
        report = store.import_many(document.assessments)
    except (ExchangeError, StoreError) as exc:
        log.warning("nothing imported from %s: %s", path, describe_error(exc))
        messenger.error(
            parent, "Nothing imported", f"{exc}\n\nYour saved assessments are unchanged."
        )
        return ()
    text = f"Imported {len(report.added)} assessment(s) from {path.name}."
    if report.already_present:
        text += (
            f"\n\n{len(report.already_present)} were already in your store (same id) and "
            "were left as they are."
        )
    added = [a for a in document.assessments if a.id in set(report.added)]
    warnings = future_dated(added)
    if warnings:
        text += "\n\nCheck these dates:\n" + "\n".join(f"• {w}" for w in warnings)
        messenger.warning(parent, "Import finished — check the dates", text)
    else:
        messenger.info(parent, "Import finished", text)
    return report.added


def export_assessments(
    parent: QWidget | None,
    knowledge: Knowledge,
    store: AssessmentStore,
    messenger: Messenger,
    files: FileLocations,
) -> Path | None:
    """Write every saved assessment to JSON (exchange format) or CSV, by the chosen suffix,
    through the guarded writer: the store and its companions are refused."""
    path = dialogs.ask_export_path(parent, files.suggest(export_name()))
    if path is None:
        return None
    items = store.all()
    as_csv = path.suffix.lower() == ".csv"
    text = exchange_csv(items, knowledge) if as_csv else exchange_json(items)
    try:
        written = write_user_file(
            path, text.encode("utf-8-sig" if as_csv else "utf-8"), files.protected
        )
    except ProtectedDestinationError as exc:
        messenger.error(parent, "Export refused", f"{exc}\n\nYour saved assessments are safe.")
        return None
    except UserFileError as exc:
        cause = exc.__cause__
        reason = cause.strerror if isinstance(cause, OSError) else type(exc).__name__
        log.warning("export failed: %s: %s", path, reason)
        messenger.error(parent, "Export failed", str(exc))
        return None
    files.remember(written)
    messenger.info(parent, "Export finished", f"Exported {len(items)} assessment(s) to {path}.")
    return written
