"""File ▸ Import / Export Assessments: thin front-ends over the exchange format and the store.

Import takes many files at once (the dialog, or files and folders dropped on the window).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.batch_import import plan_import, read_files
from mlorg_desktop.domain.exchange import exchange_csv, exchange_json, future_dated
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.log_safety import describe_error
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.file_locations import FileLocations, export_name
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.userfiles import ProtectedDestinationError, UserFileError, write_user_file

log = logging.getLogger(__name__)


def import_paths(
    parent: QWidget | None,
    knowledge: Knowledge,
    store: AssessmentStore,
    messenger: Messenger,
    paths: list[Path],
) -> tuple[str, ...]:
    """Import files (folders: the .json files in them): every valid file in one store write,
    each refused file named with its reason. Returns the ids that were added."""
    reads = read_files(paths, knowledge)
    for read in reads:
        if read.error is not None:  # file, record and field; never the values (SECURITY.md)
            log.warning("nothing imported from %s: %s", read.path, describe_error(read.error))
    plan = plan_import(reads, store)
    try:
        report = store.import_many(plan.to_add)
    except StoreError as exc:
        log.warning("nothing imported: %s", describe_error(exc))
        messenger.error(
            parent, "Nothing imported", f"{exc}\n\nYour saved assessments are unchanged."
        )
        return ()
    lines = [o.describe() for o in plan.outcomes]
    if not plan.accepted:
        messenger.error(
            parent,
            "Nothing imported",
            "\n".join(lines) + "\n\nYour saved assessments are unchanged.",
        )
        return ()
    files = f" from {len(plan.accepted)} of {plural(len(plan.outcomes), 'file')}"
    text = f"Imported {plural(len(report.added), 'assessment')}{files}.\n\n" + "\n".join(lines)
    warnings = future_dated([a for a in plan.to_add if a.id in set(report.added)])
    if warnings:
        text += "\n\nCheck these dates:\n" + "\n".join(f"• {w}" for w in warnings)
    if plan.refused:
        text += "\n\nThe refused files changed nothing; fix them and import them again."
        messenger.warning(parent, "Import finished, some files refused", text)
    elif warnings:
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
    messenger.file_written(
        parent,
        "Export finished",
        f"Exported {plural(len(items), 'assessment')} to {written}.",
        written,
    )
    return written
