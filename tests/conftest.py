"""Shared fixtures: the real catalog, a real tinydb store in tmp_path, an isolated main window."""

from __future__ import annotations

import os

# Offscreen, but with a desktop-sized screen: the default 800x800 one is smaller than the
# window's 1024x700 minimum and would clamp every restored geometry.
# MLORG_TEST_PLATFORM=xcb runs the same tests on the real X11 platform instead (CI's second
# pass, under xvfb-run); tests/ui/test_platform.py checks Qt really uses the one asked for.
_SCREEN = os.path.join(os.path.dirname(__file__), "offscreen-screen.json")
TEST_PLATFORM = os.environ.get("MLORG_TEST_PLATFORM", "offscreen")
if TEST_PLATFORM == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
elif TEST_PLATFORM == "xcb":
    if not os.environ.get("DISPLAY"):
        raise RuntimeError("MLORG_TEST_PLATFORM=xcb needs an X display: run under xvfb-run -a")
    os.environ["QT_QPA_PLATFORM"] = "xcb"
else:
    raise RuntimeError(f"MLORG_TEST_PLATFORM must be offscreen or xcb, not {TEST_PLATFORM!r}")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from mlorg_desktop.domain.exchange import read_exchange_file  # noqa: E402
from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge  # noqa: E402
from mlorg_desktop.resources import resources_dir  # noqa: E402
from mlorg_desktop.store import AssessmentStore  # noqa: E402

EXAMPLES = ("examples", "demo-assessments.json")


@pytest.fixture(scope="session")
def resources() -> Path:
    return resources_dir()


@pytest.fixture(scope="session")
def knowledge(resources: Path) -> Knowledge:
    # Immutable (frozen dataclasses), so one load serves every test.
    return load_knowledge(resources)


@pytest.fixture
def examples(knowledge: Knowledge, resources: Path) -> list:
    return list(read_exchange_file(resources.joinpath(*EXAMPLES), knowledge).assessments)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "assessments.json"


@pytest.fixture
def store(store_path: Path, knowledge: Knowledge):
    store_path.parent.mkdir(parents=True, exist_ok=True)
    s = AssessmentStore(store_path, knowledge.bank)
    yield s
    s.close()


@pytest.fixture
def demo_store(store: AssessmentStore, examples: list) -> AssessmentStore:
    store.import_many(examples)
    return store


@pytest.fixture(autouse=True)
def _no_stray_gui_application():
    """A command that makes its own QGuiApplication inside pytest would break every later
    widget test (pytest-qt needs a QApplication); fail the test that does it."""
    yield
    from PySide6.QtWidgets import QApplication

    instance = QApplication.instance()
    if instance is not None and not isinstance(instance, QApplication):
        pytest.fail("a plain QGuiApplication was created; request the qapp fixture first")
