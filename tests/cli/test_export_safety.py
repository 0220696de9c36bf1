"""No export, CSV or PDF written from the command line can replace the store or its companions.

Each case ran on the code before userfiles.py and destroyed the store (exit 0); see
docs/RELIABILITY.md.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mlorg_desktop.__main__ import main
from mlorg_desktop.paths import resolve_paths
from tests.fault_tools import immutable_folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(capsys, tmp_path, resources) -> Path:
    """A store filled by one import, then changed once more so that a .bak exists."""
    folder = tmp_path / "data"
    demo = str(resources / "examples" / "demo-assessments.json")
    assert run(capsys, "import", demo, "--data-dir", str(folder))[0] == 0
    assert run(capsys, "import", demo, "--data-dir", str(folder))[0] == 0  # writes nothing new
    return folder


def _own_files(folder: Path) -> dict[str, bytes]:
    """Every file of the store's, byte for byte (the logs are appended to by each run)."""
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith("assessments.json")
    }


def _destinations(folder: Path, tmp_path: Path) -> dict[str, Path]:
    store = folder / "assessments.json"
    link = tmp_path / "innocent-looking.json"
    link.symlink_to(store)
    hard = tmp_path / "hard-link.json"
    os.link(store, hard)
    (folder / "assessments.json.bak").write_bytes(store.read_bytes())
    (folder / "assessments.json.damaged-20261201T100000Z").write_bytes(b"kept for the user")
    dotted = folder / ".." / folder.name / "." / "assessments.json"
    return {
        "the store": store,
        "the store by a relative-looking path": dotted,
        "a symbolic link to the store": link,
        "a hard link to the store": hard,
        "the backup": folder / "assessments.json.bak",
        "the lock (not held)": folder / "assessments.json.lock",
        "a damaged copy kept aside": folder / "assessments.json.damaged-20261201T100000Z",
        "the writer's temporary file": folder / ".assessments.json.tmp",
        "the log file": resolve_paths(folder).log_dir / "mlorg-desktop.log",
    }


COMMANDS = {
    "export": ["export", "-o"],
    "export --csv": ["export", "--csv", "-o"],
    "sheet": ["sheet", "-o"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_own_file_is_refused_with_exit_2(qapp, capsys, data, tmp_path, command):
    destinations = _destinations(data, tmp_path)
    for what, target in destinations.items():
        before = _own_files(data)
        log_before = (data / "logs" / "mlorg-desktop.log").read_bytes()
        argv = [*COMMANDS[command], str(target), "--data-dir", str(data)]
        code, out, err = run(capsys, *argv)
        assert code == 2, (what, out, err)
        assert "refusing to write" in err and "Nothing was written" in err, (what, err)
        assert _own_files(data) == before, what
        if what == "the log file":  # the run logs to it, but only appends
            assert (data / "logs" / "mlorg-desktop.log").read_bytes().startswith(log_before)
        assert not [p for p in data.iterdir() if p.name.endswith(".part")]
    code, out, _ = run(capsys, "list", "--data-dir", str(data))
    assert code == 0 and len(out.strip().splitlines()) == 15


def test_an_export_beside_the_store_under_another_name_is_fine(capsys, data):
    target = data / "mlorg-export-2026-12-01.json"
    before = _own_files(data)
    code, _, err = run(capsys, "export", "-o", str(target), "--data-dir", str(data))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").count('"organization"') == 15
    assert _own_files(data) == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_user_files_get_the_umask_mode_not_0600(qapp, capsys, data, tmp_path, command):
    target = tmp_path / ("out.pdf" if command == "sheet" else "out.json")
    old = os.umask(0o022)
    try:
        assert run(capsys, *COMMANDS[command], str(target), "--data-dir", str(data))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_csv_file_starts_with_a_byte_order_mark(capsys, data, tmp_path):
    target = tmp_path / "all.csv"
    assert run(capsys, "export", "--csv", "-o", str(target), "--data-dir", str(data))[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfId,Organization,")


def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary(capsys, data, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "export.json"
    target.write_bytes(b"the previous export")
    with immutable_folder(out_dir):
        code, _, err = run(capsys, "export", "-o", str(target), "--data-dir", str(data))
    assert code == 1 and "cannot write" in err, err
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in out_dir.iterdir()) == ["export.json"]


def test_importing_a_csv_says_csv_is_export_only(capsys, data, tmp_path):
    target = tmp_path / "all.csv"
    assert run(capsys, "export", "--csv", "-o", str(target), "--data-dir", str(data))[0] == 0
    before = _own_files(data)
    code, _, err = run(capsys, "import", str(target), "--data-dir", str(data))
    assert code == 2 and "CSV is export-only" in err and "not valid JSON" not in err, err
    renamed = tmp_path / "spreadsheet.txt"  # the content says CSV even without the suffix
    target.rename(renamed)
    code, _, err = run(capsys, "import", str(renamed), "--data-dir", str(data))
    assert code == 2 and "CSV is export-only" in err, err
    assert _own_files(data) == before


def test_exports_into_a_pipe_and_dev_null_still_work(capsys, data, tmp_path):
    """A stream has nothing to replace: it gets the bytes directly (``-o >(gzip > x.gz)``)."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(capsys, "export", "--csv", "-o", str(fifo), "--data-dir", str(data))
    reader.join(timeout=30)
    assert code == 0, err
    assert received[0].startswith(b"\xef\xbb\xbfId,") and received[0].count(b"\r\n") == 17
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not replaced by a file
    assert run(capsys, "export", "-o", os.devnull, "--data-dir", str(data))[0] == 0
