"""Opening the store for the window: a damaged file is moved aside and the user chooses."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.log_safety import describe_error, describe_text
from mlorg_desktop.store import AssessmentStore, StoreDamagedError, StoreError
from mlorg_desktop.store.recovery import damage_report, move_aside, restore_backup, usable_backup
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.msgbox import Messenger

log = logging.getLogger(__name__)


def open_store_interactive(
    path: Path,
    knowledge: Knowledge,
    messenger: Messenger,
    parent: QWidget | None = None,
    *,
    why_read_only: str = "",
) -> AssessmentStore | None:
    """The store, or None when the user chose to quit. Never overwrites a damaged file.

    ``why_read_only`` (the folder cannot be written, in the OS's words) opens it read-only."""
    try:
        store = AssessmentStore(
            path, knowledge.bank, read_only=bool(why_read_only), why_read_only=why_read_only
        )
    except StoreDamagedError as exc:
        if why_read_only:  # nothing can be moved aside or restored in this folder
            backup = usable_backup(path, knowledge.bank)
            messenger.error(parent, "Store damaged", damage_report(path, exc.reason, backup))
            return None
        return _recover(path, knowledge, messenger, parent, exc.reason, str(exc))
    except StoreError as exc:  # e.g. the file cannot be read by this user: not damage
        log.error("cannot open the store %s", describe_error(exc))
        messenger.error(parent, "Could not open the store", str(exc))
        return None
    return store  # read-only: the window shows why in a banner (ui.read_only_banner)


def _recover(
    path: Path,
    knowledge: Knowledge,
    messenger: Messenger,
    parent: QWidget | None,
    problem: str,
    detail: str,
) -> AssessmentStore | None:
    backup = usable_backup(path, knowledge.bank)
    try:
        moved = move_aside(path)
    except OSError as exc:
        messenger.error(
            parent,
            "Store damaged",
            damage_report(path, problem, backup) + f"\n\nMoving it aside failed "
            f"({exc.strerror}), so MLOrg Desktop will not touch it. Quit, move it "
            "yourself and start again.",
        )
        return None
    report = damage_report(path, problem, backup, moved)
    log.error(
        "%s; moved aside to %s; %s",
        describe_text(str(path), detail, "damaged store"),
        moved,
        "a usable backup exists" if backup is not None else "no usable backup",
    )
    choice = dialogs.ask_damaged_store(parent, report, backup is not None)
    try:
        if choice is dialogs.DamagedStoreChoice.RESTORE and backup is not None:
            restore_backup(path, backup)
        elif choice is not dialogs.DamagedStoreChoice.START_EMPTY:
            return None
        return AssessmentStore(path, knowledge.bank)
    except (StoreError, OSError) as exc:
        messenger.error(parent, "Could not open the store", str(exc))
        return None
