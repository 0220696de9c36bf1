"""What the background writer tells the log, and when it counts as busy."""

from __future__ import annotations

import logging
import threading

import pytest

from mlorg_desktop.store.writer import BackgroundWriter


def _write_once_logged(writer, caplog, level, *submitted) -> None:
    """One write through ``writer``, with the writer's log at ``level`` caught, then close."""
    try:
        with caplog.at_level(level, logger="mlorg_desktop.store.writer"):
            writer.submit(*submitted)
            assert writer.wait(timeout=30)
    finally:
        writer.close()


def test_a_failed_write_is_logged_with_the_path_and_the_reason(tmp_path, caplog):
    target = tmp_path / "no such folder" / "store.json"
    writer = BackgroundWriter(target)
    _write_once_logged(writer, caplog, logging.WARNING, b"{}\n")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"could not write {target}: No such file or directory"]


def test_a_failing_after_write_callback_is_logged_with_the_file_name(tmp_path, caplog):
    def after(_stat):
        raise ValueError("the callback broke")

    writer = BackgroundWriter(tmp_path / "store.json")
    _write_once_logged(writer, caplog, logging.ERROR, b"{}\n", after)
    assert [r.getMessage() for r in caplog.records] == ["after writing store.json"]
    assert (tmp_path / "store.json").read_bytes() == b"{}\n"  # the write itself stands


def test_a_failing_listener_is_logged(tmp_path, caplog):
    def listener(_sequence, _error):
        raise ValueError("the listener broke")

    writer = BackgroundWriter(tmp_path / "store.json", listener)
    _write_once_logged(writer, caplog, logging.ERROR, b"{}\n")
    assert [r.getMessage() for r in caplog.records] == ["the store writer's listener failed"]


def test_the_writer_is_busy_until_its_listener_has_returned(tmp_path):
    entered = threading.Event()
    release = threading.Event()

    def listener(_sequence, _error):
        entered.set()
        release.wait(30)

    writer = BackgroundWriter(tmp_path / "store.json", listener)
    try:
        writer.submit(b"{}\n")
        assert entered.wait(30)
        assert writer.wait(timeout=0) is False  # still busy: the listener is running
        release.set()
        assert writer.wait(timeout=30) is True
    finally:
        release.set()
        writer.close()


def test_after_a_good_write_there_is_nothing_to_retry(tmp_path):
    writer = BackgroundWriter(tmp_path / "store.json")
    writer.submit(b"one\n")
    assert writer.wait(timeout=30)
    # No try/finally: if a retry were queued here its worker could be gone, and close() would
    # wait for it for ever; the writer's thread is a daemon, so a failure just leaves it.
    assert writer.retry() is False
    writer.submit(b"two\n")
    assert writer.wait(timeout=30)
    assert (tmp_path / "store.json").read_bytes() == b"two\n"
    writer.close()


def test_the_worker_is_a_named_daemon_thread(tmp_path):
    before = set(threading.enumerate())
    writer = BackgroundWriter(tmp_path / "store.json")
    try:
        new = [t for t in threading.enumerate() if t not in before]
        assert [(t.name, t.daemon) for t in new] == [("mlorg-store-writer", True)]
    finally:
        writer.close()


def test_closing_stops_the_worker_without_an_error(tmp_path, monkeypatch):
    crashes = []
    monkeypatch.setattr(threading, "excepthook", crashes.append)
    writer = BackgroundWriter(tmp_path / "store.json")
    writer.submit(b"{}\n")
    writer.close()
    assert crashes == []


def test_submitting_after_close_is_refused_word_for_word(tmp_path):
    writer = BackgroundWriter(tmp_path / "store.json")
    writer.close()
    with pytest.raises(RuntimeError) as info:
        writer.submit(b"late")
    assert str(info.value) == "the store writer is closed"


def test_a_log_that_breaks_does_not_stop_the_worker(tmp_path):
    def broken_filter(_record):
        raise RuntimeError("the log is broken")

    writer_log = logging.getLogger("mlorg_desktop.store.writer")
    writer_log.addFilter(broken_filter)
    writer = BackgroundWriter(tmp_path / "no such folder" / "store.json")
    try:
        writer.submit(b"{}\n")
        finished = writer.wait(timeout=30)
        error = writer.error
    finally:
        writer_log.removeFilter(broken_filter)
    assert finished is True  # a worker stopped by the log would leave close() waiting for ever
    assert error is not None and error.strerror == "No such file or directory"
    writer.close()
