"""The throwaway demo store: the example assessments in a temporary folder, the same every time."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mlorg_desktop.paths import SETTINGS_FILE_NAME, AppPaths

if TYPE_CHECKING:
    from mlorg_desktop.domain.knowledge import Knowledge
    from mlorg_desktop.store import AssessmentStore

EXAMPLES_FILE = ("examples", "demo-assessments.json")


def make_demo_paths() -> tuple[AppPaths, tempfile.TemporaryDirectory[str]]:
    """Paths inside a new temporary folder (0700), window state included, so nothing of the
    user's is read or written; keep the returned handle alive while in use."""
    folder = tempfile.TemporaryDirectory(prefix="mlorg-demo-")
    root = Path(folder.name)
    return AppPaths(root, root / "logs", root / SETTINGS_FILE_NAME), folder


def seed_demo_store(store: AssessmentStore, knowledge: Knowledge, resources: Path) -> None:
    from mlorg_desktop.domain.exchange import read_exchange_file

    document = read_exchange_file(resources.joinpath(*EXAMPLES_FILE), knowledge)
    store.import_many(document.assessments)
