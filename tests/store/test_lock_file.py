"""The lock file's contents and the busy message, read and written by hand (from surviving
mutants); the cross-process behaviour is in test_faults.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mlorg_desktop.store import StoreBusyError, StoreLock
from mlorg_desktop.store.lock import LockHolder, lock_path, read_holder


def test_read_holder_reads_pid_app_and_host(tmp_path):
    path = tmp_path / "x.lock"
    path.write_text("4242\nmlorg-desktop\nbox-7\n", encoding="utf-8")
    assert read_holder(path) == LockHolder(pid=4242, app="mlorg-desktop", host="box-7")
    path.write_text("4242\n", encoding="utf-8")
    assert read_holder(path) == LockHolder(pid=4242, app="", host="")
    path.write_text("4242\nonly-app\n", encoding="utf-8")
    assert read_holder(path) == LockHolder(pid=4242, app="only-app", host="")
    path.write_bytes(b"garbage\xff\n")
    assert read_holder(path) == LockHolder(pid=-1, app="", host="")
    assert read_holder(tmp_path / "missing.lock") is None


def test_a_holder_on_another_machine_is_respected():
    assert LockHolder(pid=999_999_999, app="x", host="surely-not-this-host").alive()
    assert not LockHolder(pid=999_999_999, app="x", host=os.uname().nodename).alive()
    assert LockHolder(pid=os.getpid(), app="x", host="").alive()


def test_the_lock_file_names_this_process_and_the_busy_message_names_the_holder(tmp_path):
    store_path = tmp_path / "assessments.json"
    with StoreLock(store_path) as lock:
        assert lock.held
        pid, app, host = lock_path(store_path).read_text(encoding="utf-8").splitlines()
        assert (int(pid), host) == (os.getpid(), os.uname().nodename) and app
        # The name QLockFile reads for a pid: the file the process runs, symlinks resolved
        # (a venv's "python" is a link to, say, python3.11).
        assert app == Path(os.path.realpath(sys.executable)).name
        # Private whatever the umask (docs/SECURITY.md): only the user may read who holds it.
        assert lock_path(store_path).stat().st_mode & 0o777 == 0o600
    assert not lock_path(store_path).exists() and not lock.held
    # A live holder with a name (this very process, as another program would appear).
    lock_path(store_path).write_text(f"{os.getpid()}\nother-app\n\n", encoding="utf-8")
    with pytest.raises(StoreBusyError) as caught:
        StoreLock(store_path).acquire()
    assert str(caught.value) == (
        f"{store_path} is in use by another MLOrg Desktop process (pid {os.getpid()}, "
        "other-app). Close it and try again; nothing was changed."
    )
    assert caught.value.path == store_path


def test_taking_the_lock_names_this_host_without_loading_socket(tmp_path, monkeypatch):
    """The host name comes from os.uname, as its docstring promises: a command that takes the
    lock does not pay for importing socket (blocked here, so an import would fail)."""
    monkeypatch.setitem(sys.modules, "socket", None)
    store_path = tmp_path / "assessments.json"
    with StoreLock(store_path):
        host = lock_path(store_path).read_text(encoding="utf-8").splitlines()[2]
        assert host == os.uname().nodename
        assert read_holder(lock_path(store_path)).alive()  # this host: its pid is checked


def test_a_lock_this_process_does_not_hold_is_left_alone_on_release(tmp_path):
    store_path = tmp_path / "assessments.json"
    lock = StoreLock(store_path)
    lock.acquire()
    lock_path(store_path).write_text("1\nsomeone-else\n\n", encoding="utf-8")
    lock.release()
    assert lock_path(store_path).read_text(encoding="utf-8") == "1\nsomeone-else\n\n"
    assert not lock.held


def test_a_holder_this_user_may_not_signal_is_alive():
    """A live process of another user answers kill(pid, 0) with EPERM: it holds the lock.
    Checked from a child that is not root (root may signal anyone), against pid 1."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit code
        code = 2
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            code = 0 if LockHolder(pid=1, app="init", host="").alive() else 1
        finally:
            os._exit(code)
    # Until it is reaped the child exists (running or a zombie): a live holder for us too.
    assert LockHolder(pid=child, app="", host="").alive()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
