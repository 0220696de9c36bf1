"""The single-instance socket: in the user's private runtime folder, deaf to other users, and
never left behind by a killed instance. Real processes, real users (uid switching needs root)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlorg_desktop.paths import default_state_dir, runtime_dir
from mlorg_desktop.store import StoreLock
from tests.cli.test_read_only_folders import PRINT_DIALOGS
from tests.privacy_tools import ROOT, run_window, user_env

OTHER_UID = 54_321  # a user with no other files on this machine

WINDOW = textwrap.dedent("""
    import sys
    exec({prelude!r})
    from PySide6.QtCore import QCoreApplication, QTimer
    from mlorg_desktop.ui.main_window import MainWindow
    import mlorg_desktop.ui.app as app_module

    def bring(self):
        print("RAISED", flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)

    MainWindow.bring_to_front = bring
    real = app_module._after_first_paint

    def observed(app, guard, window):
        real(app, guard, window)
        print("LISTENING", flush=True)

    app_module._after_first_paint = observed
    from mlorg_desktop.__main__ import main
    sys.exit(main({argv!r}))
""")


def _old_socket(store: Path) -> Path:
    """Where the app used to listen: the shared /tmp, a name anyone can compute."""
    digest = hashlib.sha1(str(store.resolve()).encode()).hexdigest()[:16]
    return Path("/tmp") / f"mlorg-desktop-{digest}"


def _new_socket(env: dict[str, str], store: Path) -> Path:
    digest = hashlib.sha1(str(store.resolve()).encode()).hexdigest()[:16]
    return Path(env["XDG_RUNTIME_DIR"]) / "mlorg-desktop" / digest


def _start(argv: list[str], env: dict[str, str], **kwargs) -> subprocess.Popen[str]:
    script = WINDOW.format(prelude=PRINT_DIALOGS, argv=argv)
    return subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        cwd=ROOT,
        **kwargs,
    )


def _wait_for_line(process: subprocess.Popen[str], wanted: str, timeout: float = 60) -> None:
    found = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == wanted:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    if not found.wait(timeout):
        process.kill()
        pytest.fail(f"the window never printed {wanted!r}: {process.stderr.read()}")


class Squatter:
    """A stranger's socket server that answers "ok" to anything, like the old attack."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.requests: list[bytes] = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen(8)
        self.server.settimeout(0.2)
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                connection, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            with connection:
                connection.settimeout(2)
                with contextlib.suppress(OSError):
                    self.requests.append(connection.recv(64))
                    connection.sendall(b"ok\n")

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.server.close()


@contextlib.contextmanager
def undeletable_shared_tmp(folder: Path) -> Iterator[Path]:
    """A sticky, world-writable temp folder whose entries this user cannot delete.

    In the real attack another user's file in the sticky /tmp cannot be removed; root can
    remove anything, so here the folder is a tmpfs remounted read-only after the squatter
    has bound its socket: unlink fails (EROFS) for root too, connecting still works."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=1777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); run as root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_squatting_socket_of_the_old_kind_does_not_stop_starting_or_raising(tmp_path):
    env = user_env(tmp_path / "user")
    env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="mlrt-")  # short: sun_path holds 107 bytes
    data = tmp_path / "data"
    with undeletable_shared_tmp(tmp_path / "shared-tmp") as shared:
        env["TMPDIR"] = str(shared)  # Qt's temp folder: where the old socket name lived
        squatter = Squatter(shared / _old_socket(data / "assessments.json").name)
        subprocess.run(["mount", "-o", "remount,ro", str(shared)], check=True)
        first = _start(["--data-dir", str(data)], env)
        try:
            _wait_for_line(first, "LISTENING")
            second = subprocess.run(
                [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(data)],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
                cwd=ROOT,
            )
            out, err = first.communicate(timeout=30)
        finally:
            first.kill()
            squatter.close()
    shutil.rmtree(env["XDG_RUNTIME_DIR"])
    assert second.returncode == 0 and "brought it forward" in second.stdout, second.stderr
    assert first.returncode == 0 and "RAISED" in out, err  # the real window came forward
    assert squatter.requests == []  # the stranger was never asked anything


OTHER_USERS_SERVER = """
import socket, sys
server = socket.socket(fileno=int(sys.argv[1]))
server.listen(4)  # SO_PEERCRED reports the user that called listen(): this one
print("ready", flush=True)
while True:
    connection, _ = server.accept()
    print("request", connection.recv(64), flush=True)
    connection.sendall(b"ok\\n")
    connection.close()
"""


def test_a_server_of_another_user_on_our_socket_path_is_not_trusted(tmp_path):
    """Even a socket file that looks like ours (our folder, our owner), if a process of
    another user serves it, gets no request: SO_PEERCRED names the server's real user."""
    if os.geteuid() != 0:
        pytest.skip("a server run by another user needs root to set up")
    env = user_env(tmp_path / "user")
    env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="mlrt-")
    data = tmp_path / "data"
    data.mkdir()
    store = data / "assessments.json"
    path = _new_socket(env, store)
    path.parent.mkdir(mode=0o700)
    bound = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    bound.bind(str(path))  # by us, in our private folder: the file is ours
    stranger = subprocess.Popen(
        ["/usr/bin/python3", "-c", OTHER_USERS_SERVER, str(bound.fileno())],
        pass_fds=[bound.fileno()],
        user=OTHER_UID,
        group=OTHER_UID,
        extra_groups=[],
        stdout=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    bound.close()
    lock = StoreLock(store)  # a live process holds the store, so the launch asks to raise
    lock.acquire()
    try:
        assert stranger.stdout is not None and stranger.stdout.readline().strip() == "ready"
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                WINDOW.format(prelude=PRINT_DIALOGS, argv=["--data-dir", str(data)]),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
    finally:
        lock.release()
        stranger.kill()
    requests = stranger.communicate()[0]
    shutil.rmtree(env["XDG_RUNTIME_DIR"])
    assert done.returncode == 4, done.stdout + done.stderr  # "in use", not "brought forward"
    assert "brought it forward" not in done.stdout
    assert "DIALOG critical Store in use" in done.stdout
    assert "raise" not in requests  # connected, then hung up before asking anything


def test_no_socket_is_left_after_a_killed_instance_once_the_next_one_started(tmp_path):
    env = user_env(tmp_path / "user")
    env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="mlrt-")  # short: sun_path holds 107 bytes
    first_store = tmp_path / "first" / "assessments.json"
    killed = _start(["--data-dir", str(first_store.parent)], env)
    _wait_for_line(killed, "LISTENING")
    candidates = (_old_socket(first_store), _new_socket(env, first_store))
    assert any(p.exists() for p in candidates)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert any(p.exists() for p in candidates)  # what a killed instance leaves

    next_one = run_window(["--data-dir", str(tmp_path / "second")], env)
    assert next_one.returncode == 0, next_one.stderr
    assert not any(p.exists() for p in candidates)
    runtime = Path(env["XDG_RUNTIME_DIR"]) / "mlorg-desktop"
    assert list(runtime.iterdir()) == []  # and the next one closed its own on the way out
    shutil.rmtree(env["XDG_RUNTIME_DIR"])


def test_runtime_folder_is_used_only_when_it_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    fallback = default_state_dir() / "run"
    good = tmp_path / "good"
    good.mkdir(mode=0o700)
    os.chmod(good, 0o700)
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    link = tmp_path / "link"
    link.symlink_to(good)
    for value, expected in (
        (str(good), good / "mlorg-desktop"),
        ("", fallback),
        ("relative/run", fallback),
        (str(shared), fallback),
        (str(link), fallback),
        (str(tmp_path / "missing"), fallback),
    ):
        monkeypatch.setenv("XDG_RUNTIME_DIR", value)
        assert runtime_dir() == expected, value


def test_a_socket_in_a_folder_others_can_enter_is_not_asked(qapp):
    """The second launch asks only through a private folder: a folder opened to others after
    the server started (another user could have put their own socket there) is not trusted,
    even though the socket in it is ours and listening; the ask gives up after its deadline."""
    from mlorg_desktop.ui.single_instance import InstanceGuard

    base = Path(tempfile.mkdtemp(prefix="mlrt-"))  # short: sun_path holds 107 bytes
    store = base / "data" / "assessments.json"
    store.parent.mkdir()
    first = InstanceGuard(store, base / "run")
    assert first.acquire()
    first.listen()
    try:
        assert first.server is not None and first.server.isListening()
        second = InstanceGuard(store, base / "run")
        asked = []
        first.server.newConnection.connect(lambda: asked.append(True))
        os.chmod(base / "run", 0o755)
        assert second.ask_running_instance_to_raise(timeout_ms=300) is False
        qapp.processEvents()
        assert asked == []
    finally:
        first.release()
        shutil.rmtree(base)
