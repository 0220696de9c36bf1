"""XDG folders as Qt reads them (relative values ignored), logs in the state folder, and window
state of --demo and --data-dir runs kept away from the user's own settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlorg_desktop.paths import default_data_dir, default_state_dir
from tests.privacy_tools import run_cli, run_window, user_env

APP = ("MLOrg", "MLOrg Desktop")


@pytest.mark.parametrize("value", ["absolute", "relative/xdg", ""], ids=["abs", "rel", "empty"])
def test_data_and_state_folders_are_the_ones_qt_names(monkeypatch, tmp_path, qapp, value):
    from PySide6.QtCore import QStandardPaths

    from mlorg_desktop.ui.app import set_application_names

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME"):
        chosen = str(tmp_path / variable) if value == "absolute" else value
        monkeypatch.setenv(variable, chosen)
    set_application_names()
    location = QStandardPaths.StandardLocation
    assert Path(QStandardPaths.writableLocation(location.AppDataLocation)) == default_data_dir()
    assert Path(QStandardPaths.writableLocation(location.StateLocation)) == default_state_dir()
    if value != "absolute":  # ignored: the defaults under the home folder
        assert default_data_dir() == tmp_path.joinpath("home", ".local", "share", *APP)
        assert default_state_dir() == tmp_path.joinpath("home", ".local", "state", *APP)


def test_relative_xdg_values_never_put_the_store_in_the_working_folder(tmp_path, resources):
    env = user_env(tmp_path / "user")
    env.update(XDG_DATA_HOME="rel-data", XDG_STATE_HOME="rel-state")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    example = resources / "examples" / "demo-assessments.json"
    done = run_cli(["import", str(example)], env, cwd=cwd)
    assert done.returncode == 0, done.stderr
    assert list(cwd.iterdir()) == []
    home = Path(env["HOME"])
    assert home.joinpath(".local", "share", *APP, "assessments.json").is_file()
    assert home.joinpath(".local", "state", *APP, "logs", "mlorg-desktop.log").is_file()


def test_logs_live_in_the_state_folder_and_data_in_the_data_folder(tmp_path, resources):
    env = user_env(tmp_path / "user")
    done = run_cli(["import", str(resources / "examples" / "demo-assessments.json")], env)
    assert done.returncode == 0, done.stderr
    data = Path(env["XDG_DATA_HOME"]).joinpath(*APP)
    state = Path(env["XDG_STATE_HOME"]).joinpath(*APP)
    assert (data / "assessments.json").is_file() and not (data / "logs").exists()
    assert "starting import" in (state / "logs" / "mlorg-desktop.log").read_text("utf-8")


MOVE_WINDOW = "window.move(33, 44); window.resize(1111, 777)"


def test_demo_and_data_dir_runs_keep_window_state_away_from_the_users(tmp_path):
    env = user_env(tmp_path / "user")
    own_settings = Path(env["XDG_CONFIG_HOME"]).joinpath("MLOrg", "MLOrg Desktop.conf")
    chosen = tmp_path / "chosen"

    demo = run_window(["--demo"], env, while_open=MOVE_WINDOW)
    assert demo.returncode == 0, demo.stderr
    other = run_window(["--data-dir", str(chosen)], env, while_open=MOVE_WINDOW)
    assert other.returncode == 0, other.stderr
    assert not own_settings.exists()  # neither run touched the user's settings
    assert "geometry" in (chosen / "settings.ini").read_text(encoding="utf-8")

    own = run_window([], env, while_open=MOVE_WINDOW)  # the user's own run does use them
    assert own.returncode == 0, own.stderr
    assert "geometry" in own_settings.read_text(encoding="utf-8")
