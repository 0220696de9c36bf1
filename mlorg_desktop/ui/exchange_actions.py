"""File ▸ Import / Export Assessments: thin front-ends over the exchange format and the store."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.exchange import (
    ExchangeError,
    exchange_csv,
    exchange_json,
    read_exchange_file,
)
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.log_safety import describe_error
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui import dialogs
from mlorg_desktop.ui.msgbox import Messenger

log = logging.getLogger(__name__)


def import_assessments(
    parent: QWidget | None, knowledge: Knowledge, store: AssessmentStore, messenger: Messenger
) -> tuple[str, ...]:
    """Ask for a file and import it whole or not at all; returns the ids that were added."""
    path = dialogs.ask_import_path(parent)
    if path is None:
        return ()
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
    messenger.info(parent, "Import finished", text)
    return report.added


def export_assessments(
    parent: QWidget | None, knowledge: Knowledge, store: AssessmentStore, messenger: Messenger
) -> Path | None:
    """Write every saved assessment to JSON (exchange format) or CSV, by the chosen suffix."""
    path = dialogs.ask_export_path(parent)
    if path is None:
        return None
    items = store.all()
    text = exchange_csv(items, knowledge) if path.suffix.lower() == ".csv" else exchange_json(items)
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        log.warning("export failed: %s", describe_error(exc))
        messenger.error(parent, "Export failed", f"Could not write {path}: {exc.strerror}")
        return None
    messenger.info(parent, "Export finished", f"Exported {len(items)} assessment(s) to {path}.")
    return path
