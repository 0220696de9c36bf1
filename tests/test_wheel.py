"""A built (non-editable) wheel carries the resources and runs --version, --help, --smoke-test."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("mlorg_desktop-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "mlorg_desktop/_resources/catalog/archetypes.json" in names
    assert "mlorg_desktop/_resources/questionnaire/questionnaire-v1.json" in names
    assert "mlorg_desktop/_resources/examples/demo-assessments.json" in names
    assert "mlorg_desktop/_resources/roadmap/roadmap-text.json" in names
    site = out / "site"
    zipfile.ZipFile(wheel).extractall(site)
    return site


def _run(site: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp)}
    return subprocess.run(
        [sys.executable, "-m", "mlorg_desktop", *args],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wheel_finds_its_own_resources(unpacked_wheel, tmp_path):
    code = (
        "import mlorg_desktop.resources as r, mlorg_desktop as m;"
        "print(m.__file__); print(r.resources_dir())"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(unpacked_wheel))
    assert out[1] == str(unpacked_wheel / "mlorg_desktop" / "_resources")


def test_wheel_version_help_and_smoke_test(unpacked_wheel, tmp_path):
    from mlorg_desktop import __version__

    assert __version__ in _run(unpacked_wheel, "--version", tmp=tmp_path).stdout
    assert "--smoke-test" in _run(unpacked_wheel, "--help", tmp=tmp_path).stdout
    smoke = _run(unpacked_wheel, "--smoke-test", tmp=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    # What the smoke test checks is pinned in tests/ui/test_startup.py; here the installed
    # wheel must run all of it.
    assert "checked 5 tabs: Archetypes (5 archetypes), Assessment (27 questions), Saved " in (
        smoke.stdout
    )
    assert "saved and reloaded 2 assessments; sheet PDFs of" in smoke.stdout
    listed = _run(unpacked_wheel, "list", "--demo", "--json", tmp=tmp_path)
    assert listed.returncode == 0 and "Quanta Labs" in listed.stdout
