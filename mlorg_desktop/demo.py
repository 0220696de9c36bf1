"""The throwaway demo store: the example assessments in a temporary folder, the same every time."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mlorg_desktop.paths import AppPaths

if TYPE_CHECKING:
    from mlorg_desktop.domain.knowledge import Knowledge
    from mlorg_desktop.store import AssessmentStore

EXAMPLES_FILE = ("examples", "demo-assessments.json")


def make_demo_paths() -> tuple[AppPaths, tempfile.TemporaryDirectory[str]]:
    """Paths inside a new temporary folder; keep the returned handle alive while in use."""
    folder = tempfile.TemporaryDirectory(prefix="mlorg-demo-")
    root = Path(folder.name)
    return AppPaths(data_dir=root, log_dir=root / "logs"), folder


def seed_demo_store(store: AssessmentStore, knowledge: Knowledge, resources: Path) -> None:
    from mlorg_desktop.domain.exchange import read_exchange_file

    document = read_exchange_file(resources.joinpath(*EXAMPLES_FILE), knowledge)
    store.import_many(document.assessments)
