"""The real start-up path (python -m mlorg_desktop): the window paints before the store is read,
then the store opens at once and the single-instance server starts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_window_paints_before_the_store_loads_then_opens_it(tmp_path, demo_store):
    demo_store.close()
    script = textwrap.dedent(f"""
        import sys
        import mlorg_desktop.ui.app as app_module
        real = app_module._after_first_paint

        def observed(app, guard, window):
            loaded = [m for m in ("tinydb", "mlorg_desktop.store.repository") if m in sys.modules]
            print("loaded at first paint:", loaded, window.has_store())
            real(app, guard, window)
            print("after:", len(window.store), guard.server is not None)

        app_module._after_first_paint = observed
        from mlorg_desktop.__main__ import main
        sys.exit(main(["--data-dir", {str(demo_store.path.parent)!r}]))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MLORG_FIRST_PAINT_EXIT": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "loaded at first paint: [] False" in done.stdout
    assert "after: 15 True" in done.stdout


def test_damaged_store_after_the_first_paint_can_still_quit_with_exit_3(tmp_path):
    """The damaged-store question now comes over the painted window; Quit still exits 3 and
    leaves the moved-aside file for the user."""
    (tmp_path / "assessments.json").write_bytes(b"this is not json")
    script = textwrap.dedent(f"""
        import sys
        from mlorg_desktop.ui import dialogs
        asked = []
        def answer(parent, report, has_backup):
            asked.append(parent is not None and parent.isVisible())
            return dialogs.DamagedStoreChoice.QUIT
        dialogs.ask_damaged_store = answer
        from mlorg_desktop.__main__ import main
        code = main(["--data-dir", {str(tmp_path)!r}])
        print("asked over the window:", asked)
        sys.exit(code)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 3, done.stderr
    assert "asked over the window: [True]" in done.stdout
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
