"""File ▸ Import / Export Assessments: thin front-ends over the exchange format and the store.

Import takes many files at once (the dialog, or files and folders dropped on the window).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.batch_import import plan_import, read_files
from mlorg_desktop.domain.exchange import exchange_csv, exchange_json
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui import dialogs
from mlorg_desktop.ui.msgbox import Messenger


def import_paths(
    parent: QWidget | None,
    knowledge: Knowledge,
    store: AssessmentStore,
    messenger: Messenger,
    paths: list[Path],
) -> tuple[str, ...]:
    """Import files (folders: the .json files in them): every valid file in one store write,
    each refused file named with its reason. Returns the ids that were added."""
    plan = plan_import(read_files(paths, knowledge), store)
    try:
        report = store.import_many(plan.to_add)
    except StoreError as exc:
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
    files = f" from {len(plan.accepted)} of {len(plan.outcomes)} file(s)"
    text = f"Imported {len(report.added)} assessment(s){files}.\n\n" + "\n".join(lines)
    if plan.refused:
        text += "\n\nThe refused files changed nothing; fix them and import them again."
        messenger.warning(parent, "Import finished, some files refused", text)
    else:
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
        messenger.error(parent, "Export failed", f"Could not write {path}: {exc.strerror}")
        return None
    messenger.info(parent, "Export finished", f"Exported {len(items)} assessment(s) to {path}.")
    return path
