"""When the store file is damaged: move it aside (never overwrite it) and offer the backup."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.questionnaire import QuestionBank
from mlorg_desktop.store.atomic import backup_path, fsync_folder, write_atomic
from mlorg_desktop.store.errors import StoreError


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    assessments: int
    saved_at: str


def move_aside(store_path: Path, now: datetime | None = None) -> Path:
    """Rename the damaged file to a timestamped name in the same folder and return it."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = store_path.with_name(f"{store_path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = store_path.with_name(f"{store_path.name}.damaged-{stamp}-{counter}")
    os.rename(store_path, target)
    fsync_folder(store_path.parent)
    return target


def usable_backup(store_path: Path, bank: QuestionBank) -> BackupInfo | None:
    """The rotating backup, if it exists and opens as a valid store."""
    from mlorg_desktop.store.repository import AssessmentStore

    path = backup_path(store_path)
    if not path.is_file():
        return None
    try:
        backup = AssessmentStore(path, bank, read_only=True)
    except StoreError:
        return None
    saved = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return BackupInfo(path=path, assessments=len(backup), saved_at=saved)


def restore_backup(store_path: Path, backup: BackupInfo) -> None:
    """Make the backup the store again (atomically); the backup file itself stays."""
    write_atomic(store_path, backup.path.read_bytes())


def damage_report(
    store_path: Path, problem: str, backup: BackupInfo | None, moved_to: Path | None = None
) -> str:
    """The facts a user needs, in the same words for the window and the command line."""
    lines = [f"The assessment store {store_path} cannot be read: {problem}."]
    if moved_to is not None:
        lines.append(f"It was moved aside, unchanged, to {moved_to}.")
    else:
        lines.append("It was left exactly as it is.")
    if backup is not None:
        lines.append(
            f"A backup of the previous good state ({plural(backup.assessments, 'assessment')}, "
            f"saved {backup.saved_at}) is at {backup.path}."
        )
    else:
        lines.append("There is no usable backup.")
    return "\n\n".join(lines)
