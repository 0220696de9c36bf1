"""UI fixtures: a MainWindow over a real store with isolated settings and silenced messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from mlorg_desktop.paths import AppPaths
from mlorg_desktop.ui.app import set_application_names
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    set_application_names()
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messenger():
    return Messenger(quiet=True)


@pytest.fixture
def make_window(qtbot, knowledge, store, settings, messenger, tmp_path):
    def build(target_store=None):
        paths = AppPaths(data_dir=tmp_path / "data", log_dir=tmp_path / "data" / "logs")
        window = MainWindow(knowledge, target_store or store, paths, settings, messenger)
        qtbot.addWidget(window)
        return window

    return build


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """No test may block on a real modal dialog; pytest-qt closes windows at teardown, which
    would otherwise ask about unsaved changes. Tests that care replace these again."""
    from mlorg_desktop.ui.dialogs import dialogs

    monkeypatch.setattr(
        dialogs, "ask_unsaved_changes", lambda parent, what: dialogs.UnsavedChoice.DISCARD
    )
    monkeypatch.setattr(
        dialogs,
        "confirm_delete",
        lambda parent, name: pytest.fail("confirm_delete was called without the test answering it"),
    )
    monkeypatch.setattr(dialogs, "confirm_discard_what_if", lambda parent, changes: True)
    monkeypatch.setattr(
        dialogs,
        "confirm_delete_scenario",
        lambda parent, name: pytest.fail("confirm_delete_scenario was called unanswered"),
    )
    monkeypatch.setattr(
        dialogs,
        "ask_scenario_name",
        lambda parent, title, suggested: pytest.fail("ask_scenario_name was called unanswered"),
    )
    monkeypatch.setattr(
        dialogs,
        "ask_write_failed",
        lambda parent, reason: pytest.fail(f"a write failed unexpectedly: {reason}"),
    )
