"""Run the real app in a child process with its own umask and per-user folders, and read back
the modes of everything it left (or had open) on disk."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def user_env(root: Path) -> dict[str, str]:
    """A fresh "user": home, XDG data/state/config folders and a 0700 runtime folder."""
    run = root / "run"
    run.mkdir(parents=True, exist_ok=True)
    os.chmod(run, 0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(root / "home"),
        XDG_DATA_HOME=str(root / "data-home"),
        XDG_STATE_HOME=str(root / "state-home"),
        XDG_CONFIG_HOME=str(root / "config-home"),
        XDG_RUNTIME_DIR=str(run),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("MLORG_FIRST_PAINT_EXIT", None)
    return env


def modes_under(*roots: Path) -> dict[str, tuple[str, int]]:
    """Every folder, file and socket under ``roots``: path -> (kind, permission bits)."""
    found: dict[str, tuple[str, int]] = {}
    for root in roots:
        if not root.exists():
            continue
        for folder, names, files in os.walk(root):
            for name in [*names, *files]:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                kind = (
                    "folder"
                    if stat.S_ISDIR(info.st_mode)
                    else "socket"
                    if stat.S_ISSOCK(info.st_mode)
                    else "file"
                )
                found[path] = (kind, stat.S_IMODE(info.st_mode))
    return found


def run_cli(argv: list[str], env: dict[str, str], umask: int | None = None, cwd: Path = ROOT):
    script = textwrap.dedent(f"""
        import os, sys
        if {umask!r} is not None:
            os.umask({umask!r})
        from mlorg_desktop.__main__ import main
        sys.exit(main({argv!r}))
    """)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
    )


def run_window(
    argv: list[str],
    env: dict[str, str],
    umask: int | None = None,
    while_open: str = "",
    watch: tuple[Path, ...] = (),
    prelude: str = "",
):
    """Open the window, wait until it has read the store and listens, report the modes under
    ``watch`` (lock file and socket exist only now), run ``while_open``, then close it the way
    a user does (closeEvent saves the window state) and quit."""
    script = textwrap.dedent(f"""
        import json, os, sys
        if {umask!r} is not None:
            os.umask({umask!r})
        exec({prelude!r})
        import mlorg_desktop.ui.app as app_module
        from tests.privacy_tools import modes_under
        from pathlib import Path
        real = app_module._after_first_paint

        def observed(app, guard, window):
            real(app, guard, window)
            print("LISTENING", guard.server is not None, flush=True)
            watch = [Path(p) for p in {[str(p) for p in watch]!r}]
            print("MODES", json.dumps(modes_under(*watch)), flush=True)
            {while_open or "pass"}
            window.close()
            app.quit()

        app_module._after_first_paint = observed
        from mlorg_desktop.__main__ import main
        sys.exit(main({argv!r}))
    """)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )


def reported_modes(stdout: str) -> dict[str, tuple[str, int]]:
    line = next(line for line in stdout.splitlines() if line.startswith("MODES "))
    return {k: (v[0], v[1]) for k, v in json.loads(line[len("MODES ") :]).items()}


def loose(modes: dict[str, tuple[str, int]]) -> dict[str, str]:
    """Entries others could read, list or enter: folders not 0700, files not 0600."""
    bad = {}
    for path, (kind, mode) in modes.items():
        want = 0o600 if kind == "file" else 0o700
        if (kind == "socket" and mode & 0o077) or (kind != "socket" and mode != want):
            bad[path] = f"{kind} {mode:04o}"
    return bad
