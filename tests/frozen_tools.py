"""The command line as a test drives it: "installed" (main() of the package pip installed, in
this process) or "frozen" (the PyInstaller bundle's executable, in a subprocess).

The frozen runs need `MLORG_FROZEN_EXE=dist/mlorg-desktop/mlorg-desktop` (set by `make
bundle-check`); without it they are skipped, saying so.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FROZEN_ENV = "MLORG_FROZEN_EXE"
SKIP_REASON = (
    f"the frozen app is tested by `make bundle-check` (set {FROZEN_ENV}="
    "dist/mlorg-desktop/mlorg-desktop to run these)"
)
MODES = ["installed", pytest.param("frozen", marks=pytest.mark.frozen)]

CliRunner = Callable[..., tuple[int, str, str]]


def frozen_exe() -> Path:
    """The bundle's executable, or a skip when none was named; a named one must exist."""
    value = os.environ.get(FROZEN_ENV)
    if not value:
        pytest.skip(SKIP_REASON)
    exe = Path(value)
    exe = exe if exe.is_absolute() else ROOT / exe
    if not os.access(exe, os.X_OK):
        pytest.fail(f"{FROZEN_ENV}={value} is not an executable: run `make bundle` first")
    return exe


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean home (settings, data and logs never touch the real ones), headless by default."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PYTHON", "QT_")) and key != FROZEN_ENV
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run_frozen(*argv: str, home: Path, timeout: float = 120, **env: str):
    return subprocess.run(
        [str(frozen_exe()), *argv],
        cwd=home,
        env=frozen_env(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_cli(mode: str, capsys: pytest.CaptureFixture[str], home: Path) -> CliRunner:
    """A function running one command line and returning (exit code, stdout, stderr)."""
    if mode == "frozen":
        frozen_exe()  # skip now, before the test does any work
        home.mkdir(parents=True, exist_ok=True)

        def run_in_bundle(*argv: str) -> tuple[int, str, str]:
            done = run_frozen(*argv, home=home)
            return done.returncode, done.stdout, done.stderr

        return run_in_bundle

    from mlorg_desktop.__main__ import main

    def run_installed(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_info:  # --help, --version and usage errors
            code = exit_info.code if isinstance(exit_info.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return run_installed
