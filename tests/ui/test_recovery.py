"""The window's side of reliability: damaged store recovery, one instance per store, write
failures that keep the edit, and the crash report."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from mlorg_desktop.crash import install_excepthook, setup_logging
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.crash_dialog import CrashDialog
from mlorg_desktop.ui.single_instance import InstanceGuard
from mlorg_desktop.ui.store_opening import open_store_interactive
from tests.fault_tools import DAMAGES, immutable_folder, release_when_close_waits
from tests.x_tools import focused_window_name, stacking, wait_until, xvfb


@pytest.fixture
def damaged(tmp_path, knowledge, examples):
    def build(damage: str):
        path = tmp_path / "assessments.json"
        store = AssessmentStore(path, knowledge.bank)
        store.import_many(examples[:4])
        store.save(examples[4])  # the backup holds the four-assessment state
        store.close()
        bad = DAMAGES[damage](path.read_bytes())
        path.write_bytes(bad)
        return path, bad

    return build


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_store_is_moved_aside_and_the_backup_restored(
    damaged, damage, knowledge, messenger, monkeypatch, qapp
):
    path, bad = damaged(damage)
    reports = []
    monkeypatch.setattr(
        dialogs,
        "ask_damaged_store",
        lambda parent, report, has_backup: (
            reports.append((report, has_backup)) or dialogs.DamagedStoreChoice.RESTORE
        ),
    )
    store = open_store_interactive(path, knowledge, messenger)
    (moved,) = path.parent.glob("assessments.json.damaged-*")
    assert moved.read_bytes() == bad  # kept, byte for byte
    report, has_backup = reports[0]
    assert has_backup and str(moved) in report and "4 assessments" in report
    assert len(store) == 4


def test_start_empty_and_quit(damaged, knowledge, messenger, monkeypatch, qapp):
    path, bad = damaged("truncated")
    monkeypatch.setattr(
        dialogs, "ask_damaged_store", lambda *a: dialogs.DamagedStoreChoice.START_EMPTY
    )
    store = open_store_interactive(path, knowledge, messenger)
    assert len(store) == 0 and not path.exists()  # nothing written until the first save
    path.write_bytes(bad)
    monkeypatch.setattr(dialogs, "ask_damaged_store", lambda *a: dialogs.DamagedStoreChoice.QUIT)
    assert open_store_interactive(path, knowledge, messenger) is None
    assert len(list(path.parent.glob("assessments.json.damaged-*"))) == 2


def test_no_backup_means_restore_is_not_offered(tmp_path, knowledge, messenger, monkeypatch, qapp):
    path = tmp_path / "assessments.json"
    path.write_bytes(b"\x00\x01garbage")
    offered = []
    monkeypatch.setattr(
        dialogs,
        "ask_damaged_store",
        lambda parent, report, has_backup: (
            offered.append(has_backup) or dialogs.DamagedStoreChoice.QUIT
        ),
    )
    assert open_store_interactive(path, knowledge, messenger) is None
    assert offered == [False]


@pytest.mark.parametrize("folder_made", [True, False], ids=["socket-folder-made", "first-run"])
def test_second_launch_brings_the_first_window_forward(tmp_path, qtbot, qapp, folder_made):
    """A second launch on the same store brings the first window forward and exits 0, also
    on a machine's first run, when the first instance has not yet made its socket folder (it
    does so as it starts listening, after its first paint). The second launch found no private
    folder there and gave up at once, showing "Store in use"."""
    store_path = tmp_path / "assessments.json"
    xdg_runtime = Path(tempfile.mkdtemp(prefix="mlrt-"))  # 0700; short: sun_path holds 107 bytes
    socket_folder = xdg_runtime / "mlorg-desktop"
    if folder_made:
        socket_folder.mkdir(mode=0o700)
    guard = InstanceGuard(store_path, socket_folder)
    assert guard.acquire()
    raised = []
    guard.raise_requested.connect(lambda: raised.append(True))
    # The first window listens only after its first paint: the second launch waits for that.
    QTimer.singleShot(300, guard.listen)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(xdg_runtime)}
    second = subprocess.Popen(
        [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # A second launch that gives up shows a modal "Store in use" box and never exits.
        qtbot.waitUntil(lambda: bool(raised) or second.poll() is not None, timeout=20_000)
        out, err = second.communicate(timeout=20)
    finally:
        second.kill()
        guard.release()
        shutil.rmtree(xdg_runtime)
    assert raised, err
    assert second.returncode == 0 and "brought it forward" in out


_OTHER_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("another application")
label.setWindowTitle("Another application")
label.resize(1400, 1000)
label.show()
label.raise_()
label.activateWindow()
app.exec()
"""


def test_second_launch_raises_and_focuses_the_real_first_window(tmp_path):
    """Two real app processes on a private X server: the first window, covered and
    unfocused by another application, comes to the top with the keyboard focus."""
    with xvfb() as env:
        launch = [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(tmp_path)]
        first = subprocess.Popen(launch, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        other = None
        try:
            wait_until(
                lambda: "MLOrg Desktop" in stacking(env),
                30,
                "the first window",
            )
            other = subprocess.Popen([sys.executable, "-c", _OTHER_WINDOW], env=env)
            wait_until(
                lambda: (
                    stacking(env) == ["Another application", "MLOrg Desktop"]
                    and focused_window_name(env) == "Another application"
                ),
                30,
                "the other application's window above the first window, with the focus",
            )
            second = subprocess.run(launch, env=env, capture_output=True, text=True, timeout=60)
            assert second.returncode == 0, second.stderr
            assert "brought it forward" in second.stdout
            wait_until(
                lambda: (
                    focused_window_name(env) == "MLOrg Desktop"
                    and stacking(env) == ["MLOrg Desktop", "Another application"]
                ),
                10,
                "the first window on top with the focus",
            )
            assert first.poll() is None  # still the one running window
        finally:
            if other is not None:
                other.kill()
                other.wait(10)
            first.terminate()
            first.communicate(timeout=30)


def test_failed_write_is_reported_kept_and_retried(
    make_window, store, store_path, qtbot, messenger, examples, knowledge, monkeypatch
):
    """The write runs on the writer thread; when it fails the user hears why, the file keeps
    the last good save, the change stays in memory, and saving or closing tries again."""
    store.save(examples[0])
    window = make_window()
    tab = window.assessment_tab
    qtbot.keyClicks(tab.organization, "Read Only Ltd")
    tab.cards["q03"].buttons["q03b"].click()
    assert store.flush()
    before = store_path.read_bytes()
    with immutable_folder(store_path.parent):
        window.save_action.trigger()
        qtbot.waitUntil(
            lambda: bool(messenger.shown) and messenger.shown[-1][1] == "Could not save to disk"
        )
        assert "last good save" in messenger.shown[-1][2]
        assert store_path.read_bytes() == before
        assert window.save_state.text() == "⚠ Not saved to disk"
        assert tab.organization.text() == "Read Only Ltd" and len(store) == 2
        asked = []
        monkeypatch.setattr(
            dialogs,
            "ask_write_failed",
            lambda parent, reason: asked.append(reason) or dialogs.WriteFailedChoice.CANCEL,
        )
        assert not window.close()  # closing tries the write again; it fails; the user stays
        assert asked and store_path.read_bytes() == before
    window.save_action.trigger()  # the folder is writable again: saving retries the write
    qtbot.waitUntil(lambda: window.save_state.text() == "")
    assert not store.pending
    reopened = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert {a.organization for a in reopened.all()} >= {"Read Only Ltd"} and len(reopened) == 2


def test_closing_waits_for_a_save_in_progress(make_window, store, store_path, examples, knowledge):
    window = make_window()
    store.import_many(examples)
    hold = contextlib.ExitStack()
    hold.enter_context(store.writer.held())
    window.assessment_tab.open_assessment(store.get(examples[2].id))
    window.assessment_tab.notes.setPlainText("typed just before quitting")
    window.save_action.trigger()
    assert store.pending and window.save_state.text() == "Saving…"
    release_when_close_waits(store.writer, hold)  # the disk write can start only during close()
    assert window.close()
    assert not store.pending
    reopened = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert reopened.get(examples[2].id).notes == "typed just before quitting"


def test_uncaught_exception_is_logged_and_reported(tmp_path, monkeypatch):
    log_file = setup_logging(tmp_path / "logs")
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(shown.append)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ValueError: boom in a slot" in shown[0] and "Traceback" in shown[0]
    logged = log_file.read_text(encoding="utf-8")  # the stack and the type (not the message:
    assert "Uncaught exception" in logged and "test_recovery.py" in logged  # see log_safety)
    assert logged.rstrip().endswith("ValueError")
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "") == str(log_file):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_crash_dialog_shows_a_copyable_report_and_the_log_folder(qtbot, tmp_path):
    dialog = CrashDialog("Traceback (most recent call last):\nValueError: boom", tmp_path)
    qtbot.addWidget(dialog)
    assert "ValueError: boom" in dialog.report.toPlainText()
    dialog.copy_report()
    from PySide6.QtGui import QGuiApplication

    assert "ValueError: boom" in QGuiApplication.clipboard().text()


def test_native_crash_goes_to_the_log_folder(tmp_path):
    script = textwrap.dedent(f"""
        import ctypes
        from pathlib import Path
        from mlorg_desktop.crash import enable_faulthandler
        enable_faulthandler(Path({str(tmp_path)!r}))
        ctypes.string_at(0)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode != 0
    assert "Fatal Python error" in (tmp_path / "native-crash.log").read_text()
