"""A reader that goes away (``list --json | head -1``) ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mlorg_desktop import cli

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_list_json_into_head_ends_quietly(tmp_path):
    """A real shell pipe into head -1, with output far larger than the pipe's buffer."""
    data = tmp_path / "data"
    big = tmp_path / "big.json"
    big.write_text(_many_assessments(2000), encoding="utf-8")
    python = sys.executable
    imported = subprocess.run(
        [python, "-m", "mlorg_desktop", "import", str(big), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"{python}" -m mlorg_desktop list --json --data-dir "{data}" | head -1;'
            ' echo "exit=${PIPESTATUS[0]}" >&2',
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert done.stdout == "[\n"
    last = done.stderr.strip().splitlines()[-1]
    assert last in ("exit=0", "exit=141"), done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr


def test_reader_closed_before_the_first_write(tmp_path):
    """The pipe is closed before the command writes a byte: still no traceback, 0 or 141."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mlorg_desktop", "--demo", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    code = process.wait(timeout=120)
    assert code in (0, 141), err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_a_closed_pipe_gives_141_and_points_stdout_at_dev_null(monkeypatch):
    """In this process, on a real pipe whose reader is gone: the command's output fails at the
    flush, the run ends with 141, and what Python flushes at exit goes to /dev/null quietly."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = os.fdopen(write_end, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)

    def command() -> int:
        print("a row nobody reads")
        return 0

    try:
        assert cli.quiet_on_closed_pipe(command) == 141
        now, null = os.fstat(write_end), os.stat(os.devnull)
        assert (now.st_dev, now.st_ino) == (null.st_dev, null.st_ino)
        print("and more")
        stdout.flush()  # the exit-time flush: no BrokenPipeError any more
    finally:
        monkeypatch.undo()
        stdout.close()


def _many_assessments(count: int) -> str:
    import json
    import uuid

    records = [
        {
            "id": str(uuid.UUID(int=i + 1)),
            "organization": f"Organization {i:05d}",
            "assessed_on": "2026-11-01",
            "questionnaire_version": 1,
            "answers": {"q01": "q01c"},
        }
        for i in range(count)
    ]
    return json.dumps(
        {"format": "mlorg-desktop-exchange", "format_version": 1, "assessments": records}
    )
