"""The log file rotates at start-up once it is over 1 MB, keeping three old files."""

from __future__ import annotations

import logging

from mlorg_desktop.crash import LOG_FILE, setup_logging


def test_log_rotates_at_start_up_and_keeps_three(tmp_path):
    root = logging.getLogger()
    names = []
    for start in range(5):
        (tmp_path / LOG_FILE).write_bytes(f"run {start}\n".encode() + b"x" * 1_000_001)
        setup_logging(tmp_path)
        handler = root.handlers[-1]
        root.removeHandler(handler)
        handler.close()
        names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert (tmp_path / f"{LOG_FILE}.1").read_bytes().startswith(b"run 4")
    assert (tmp_path / f"{LOG_FILE}.3").read_bytes().startswith(b"run 2")
    assert (tmp_path / LOG_FILE).stat().st_size < 1000
