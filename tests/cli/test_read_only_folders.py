"""A read-only data folder (real: chattr +i) and a missing one: reading commands work and create
nothing, writing ones name the real cause, and the window opens read-only with a banner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.store import AssessmentStore
from tests.fault_tools import immutable_folder
from tests.privacy_tools import run_cli, run_window, user_env

# The window's message boxes print instead of waiting for a click (the one modal boundary).
PRINT_DIALOGS = """
from PySide6.QtWidgets import QMessageBox
for kind in ("information", "warning", "critical"):
    setattr(QMessageBox, kind, staticmethod(
        lambda parent, title, text, kind=kind: print("DIALOG", kind, title, "|", text, flush=True)
    ))
"""


@pytest.fixture
def filled_folder(tmp_path, knowledge, examples) -> Path:
    """A data folder holding a store and nothing else (no logs yet, as on a copied share)."""
    folder = tmp_path / "share"
    folder.mkdir()
    store = AssessmentStore(folder / "assessments.json", knowledge.bank)
    store.import_many(examples)
    store.close()
    return folder


def _listing(*folders: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns)
        for folder in folders
        for p in [folder, *folder.rglob("*")]
    }


def test_reading_commands_work_on_a_read_only_folder_and_create_nothing(filled_folder, tmp_path):
    env = user_env(tmp_path / "user")
    before = _listing(filled_folder)
    out = tmp_path / "out"
    out.mkdir()
    with immutable_folder(filled_folder):
        runs = {
            "list": run_cli(["list", "--data-dir", str(filled_folder)], env),
            "list --json": run_cli(["list", "--json", "--data-dir", str(filled_folder)], env),
            "export": run_cli(
                ["export", "-o", str(out / "all.json"), "--data-dir", str(filled_folder)], env
            ),
            "export --csv": run_cli(
                ["export", "--csv", "-o", "-", "--data-dir", str(filled_folder)], env
            ),
            "questionnaire": run_cli(["questionnaire", "--data-dir", str(filled_folder)], env),
        }
    for name, done in runs.items():
        assert done.returncode == 0, f"{name}: {done.stderr}"
        assert "Traceback" not in done.stderr, name
    assert len(json.loads(runs["list --json"].stdout)) == 15
    assert len(json.loads((out / "all.json").read_text(encoding="utf-8"))["assessments"]) == 15
    assert _listing(filled_folder) == before  # nothing created, nothing changed
    assert not Path(env["XDG_STATE_HOME"]).exists()  # and no log anywhere else either
    assert not Path(env["XDG_DATA_HOME"]).exists()


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["export", "-o", "-"]])
def test_reading_a_missing_folder_says_there_is_no_store_and_creates_nothing(tmp_path, command):
    env = user_env(tmp_path / "user")
    missing = tmp_path / "no" / "such" / "folder"
    done = run_cli([*command, "--data-dir", str(missing)], env)
    assert done.returncode == 2, done.stderr
    assert f"there is no store in {missing}: the folder does not exist" in done.stderr
    assert not (tmp_path / "no").exists()
    assert not Path(env["XDG_STATE_HOME"]).exists()


def test_reading_the_default_folder_before_anything_was_saved_creates_nothing(tmp_path):
    env = user_env(tmp_path / "user")
    done = run_cli(["list", "--json"], env)
    assert done.returncode == 0 and json.loads(done.stdout) == [], done.stderr
    assert not Path(env["XDG_DATA_HOME"]).exists()
    assert not Path(env["XDG_STATE_HOME"]).exists()


def test_import_into_a_read_only_folder_names_the_cause(filled_folder, tmp_path, resources):
    env = user_env(tmp_path / "user")
    before = _listing(filled_folder)
    example = resources / "examples" / "demo-assessments.json"
    with immutable_folder(filled_folder):
        done = run_cli(["import", str(example), "--data-dir", str(filled_folder)], env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"cannot write in the data folder {filled_folder}" in done.stderr
    assert "Operation not permitted" in done.stderr  # the OS's own reason for chattr +i
    assert "cannot create the data folder" not in done.stderr  # it exists: not the cause
    # Logging fell back to the user's state folder and said so, once.
    assert done.stderr.count("cannot write logs in") == 1
    assert (Path(env["XDG_STATE_HOME"]) / "MLOrg" / "MLOrg Desktop" / "logs").is_dir()
    assert _listing(filled_folder) == before


def test_window_opens_a_read_only_folder_read_only_with_a_banner(filled_folder, tmp_path):
    env = user_env(tmp_path / "user")
    before = _listing(filled_folder)
    show_banner = (
        "from PySide6.QtWidgets import QToolBar, QLabel; "
        "bar = window.findChild(QToolBar, 'readOnlyBanner'); "
        "print('BANNER', bar is not None and bar.isVisible(), "
        "bar.findChild(QLabel).text() if bar else '', len(window.store), flush=True)"
    )
    with immutable_folder(filled_folder):
        done = run_window(
            ["--data-dir", str(filled_folder)],
            env,
            while_open=show_banner,
            prelude=PRINT_DIALOGS,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    banner = next(line for line in done.stdout.splitlines() if line.startswith("BANNER"))
    assert banner.startswith("BANNER True")
    assert f"the folder {filled_folder} cannot be written (Operation not permitted)" in banner
    assert banner.endswith(" 15")  # every assessment is there to read
    assert "DIALOG" not in done.stdout  # no "store in use", no modal at all: the banner says it
    assert _listing(filled_folder) == before


def test_window_that_cannot_create_its_folder_says_why_in_a_dialog(tmp_path):
    env = user_env(tmp_path / "user")
    parent = tmp_path / "locked"
    parent.mkdir()
    with immutable_folder(parent):
        done = run_window(["--data-dir", str(parent / "new")], env, prelude=PRINT_DIALOGS)
    assert done.returncode == 1
    dialog = next(line for line in done.stdout.splitlines() if line.startswith("DIALOG"))
    assert "critical MLOrg Desktop cannot start" in dialog
    assert f"cannot create the data folder {parent / 'new'}: Operation not permitted" in dialog
    assert not (parent / "new").exists()
