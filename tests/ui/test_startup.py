"""The real start-up path (python -m mlorg_desktop): the window paints before the store is read,
then the store opens at once and the single-instance server starts."""

from __future__ import annotations

import json
import os
import shutil
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
            modules = ("tinydb", "mlorg_desktop.store.repository",
                       "mlorg_desktop.domain.questionnaire")
            loaded = [m for m in modules if m in sys.modules]
            bank = window.knowledge.bank_loaded
            print("loaded at first paint:", loaded, window.has_store(), bank)
            real(app, guard, window)
            bank = window.knowledge.bank_loaded
            print("after:", len(window.store), guard.server is not None, bank)

        app_module._after_first_paint = observed
        from mlorg_desktop.__main__ import main
        sys.exit(main(["--data-dir", {str(demo_store.path.parent)!r}]))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MLORG_FIRST_PAINT_EXIT": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    # Neither the store nor the questionnaires before the first paint; both right after it.
    assert "loaded at first paint: [] False False" in done.stdout
    assert "after: 15 True True" in done.stdout


def test_damaged_questionnaire_still_stops_the_window_start_with_exit_1(tmp_path, resources):
    """The questionnaires load just after the first paint now; a damaged one still ends the
    start with the same message and exit code as before, and no store is opened."""
    copy = tmp_path / "resources"
    shutil.copytree(resources, copy)
    path = copy / "questionnaire" / "questionnaire-v2.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sections"][0]["questions"][0]["options"][0]["evidence"] = {"wizards": 2}
    path.write_text(json.dumps(doc), encoding="utf-8")
    data = tmp_path / "data"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        import mlorg_desktop.__main__ as entry
        entry.resources_dir = lambda: Path({str(copy)!r})
        sys.exit(entry.main(["--data-dir", {str(data)!r}]))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 1, done.stderr
    assert "error: MLOrg Desktop cannot start: its resources is damaged:" in done.stderr
    assert "questionnaire-v2.json" in done.stderr and "evidence.wizards" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (data / "assessments.json").exists()


def test_damaged_store_after_the_first_paint_can_still_quit_with_exit_3(tmp_path):
    """The damaged-store question now comes over the painted window; Quit still exits 3 and
    leaves the moved-aside file for the user."""
    (tmp_path / "assessments.json").write_bytes(b"this is not json")
    script = textwrap.dedent(f"""
        import sys
        from mlorg_desktop.ui.dialogs import dialogs
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


def test_smoke_test_paints_all_four_tabs_and_saves(qapp, knowledge, resources, monkeypatch, capsys):
    """Checked from outside the smoke test, not from its own report: every tab's page
    receives a paint event, and the window it built has all four tabs built."""
    from PySide6.QtCore import QEvent, QObject

    import mlorg_desktop.ui.smoke_test as app_module
    from mlorg_desktop.ui.main_window import MainWindow

    windows = []

    class Recorded(MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            windows.append(self)

    painted: set[str] = set()

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                painted.add(type(watched).__name__)
            return False

    spy = Paints()
    qapp.installEventFilter(spy)
    monkeypatch.setattr(app_module, "MainWindow", Recorded)
    try:
        assert app_module.run_smoke_test(knowledge, resources) == 0
    finally:
        qapp.removeEventFilter(spy)
    (window,) = windows
    assert all(window.built(name) for name in ("archetypes", "assessment", "saved", "compare"))
    assert {"ArchetypesTab", "AssessmentTab", "SavedTab", "CompareTab"} <= painted
    out = capsys.readouterr().out
    assert "checked 5 tabs: Archetypes (5 archetypes), Assessment (27 questions; roadmap of " in out
