"""Folders 0700 and files 0600 whatever the umask: store, backups, lock, logs, crash file,
window state and the single-instance socket, in real runs of the command line and the window."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mlorg_desktop.domain.exchange import exchange_json
from tests.privacy_tools import (
    loose,
    modes_under,
    reported_modes,
    run_cli,
    run_window,
    user_env,
)


def _split_exports(tmp_path: Path, examples: list) -> tuple[Path, Path]:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(exchange_json(examples[:3]), encoding="utf-8")
    second.write_text(exchange_json(examples[3:]), encoding="utf-8")
    return first, second


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_every_folder_and_file_is_private_whatever_the_umask(tmp_path, examples, umask):
    env = user_env(tmp_path / "user")
    first, second = _split_exports(tmp_path, examples)
    for exchange in (first, second):  # two writes: the second keeps a .bak
        done = run_cli(["import", str(exchange)], env, umask)
        assert done.returncode == 0, done.stderr
    roots = [Path(env[k]) for k in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")]
    app_config = Path(env["XDG_CONFIG_HOME"]) / "MLOrg"
    window = run_window([], env, umask, watch=(*roots, app_config))
    assert window.returncode == 0, window.stderr
    assert "LISTENING True" in window.stdout
    while_open = reported_modes(window.stdout)
    other = run_window(["--data-dir", str(tmp_path / "chosen")], env, umask)
    assert other.returncode == 0, other.stderr
    after = modes_under(*roots, app_config, tmp_path / "chosen")

    data = Path(env["XDG_DATA_HOME"]) / "MLOrg" / "MLOrg Desktop"
    state = Path(env["XDG_STATE_HOME"]) / "MLOrg" / "MLOrg Desktop"
    kinds = {
        "store": data / "assessments.json",
        "backup": data / "assessments.json.bak",
        "log": state / "logs" / "mlorg-desktop.log",
        "crash file": state / "logs" / "native-crash.log",
        "window state": app_config / "MLOrg Desktop.conf",
        "--data-dir window state": tmp_path / "chosen" / "settings.ini",
    }
    for what, path in kinds.items():
        assert str(path) in after, f"the {what} was not written at {path}"
    assert str(data / "assessments.json.lock") in while_open
    sockets = [p for p, (kind, _) in while_open.items() if kind == "socket"]
    assert len(sockets) == 1 and sockets[0].startswith(env["XDG_RUNTIME_DIR"])
    assert loose(while_open) == {}
    assert loose(after) == {}
    assert not any(kind == "socket" for kind, _ in after.values())  # closed with the window


def test_looser_folders_and_files_are_narrowed_once_and_logged(tmp_path, examples):
    env = user_env(tmp_path / "user")
    first, second = _split_exports(tmp_path, examples)
    folder = tmp_path / "old"
    assert run_cli(["import", str(first), "--data-dir", str(folder)], env).returncode == 0
    for path, mode in (
        (folder, 0o755),
        (folder / "logs", 0o755),
        (folder / "assessments.json", 0o644),
        (folder / "logs" / "mlorg-desktop.log", 0o644),
    ):
        os.chmod(path, mode)  # as an older version (or a copy) left them
    (folder / "notes.txt").write_text("the user's own file", encoding="utf-8")
    os.chmod(folder / "notes.txt", 0o644)

    for exchange in (second, first):
        done = run_cli(["import", str(exchange), "--data-dir", str(folder)], env)
        assert done.returncode == 0, done.stderr
    modes = modes_under(folder)
    assert loose({k: v for k, v in modes.items() if not k.endswith("notes.txt")}) == {}
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert modes[str(folder / "notes.txt")] == ("file", 0o644)  # not the app's: left alone
    log = (folder / "logs" / "mlorg-desktop.log").read_text(encoding="utf-8")
    assert log.count("narrowed the permissions") == 1
    assert "narrowed the permissions of 4 paths" in log
