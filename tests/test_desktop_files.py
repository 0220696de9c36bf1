"""The launcher and the AppStream metainfo pass the desktop's own validators, and
`make install-desktop` / `make uninstall-desktop` put them into (and take them out of) the
user's XDG data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mlorg_desktop import DESKTOP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{DESKTOP_ID}.desktop"
METAINFO = RESOURCES / f"{DESKTOP_ID}.metainfo.xml"
ICON = RESOURCES / "icons" / f"{DESKTOP_ID}.svg"


def _tool(name: str) -> str:
    """The validator's path; missing, the test skips on a developer's machine and fails in CI
    (.ci/run installs desktop-file-utils and appstream)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return path


def _desktop_validate(path: Path) -> str:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return (result.stdout + result.stderr).strip()


def test_desktop_file_passes_desktop_file_validate_with_no_hints():
    assert _desktop_validate(DESKTOP) == ""


def test_metainfo_passes_appstreamcli_with_no_warnings():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    # Errors (E:), warnings (W:) and infos (I:) would each be listed on a line of their own.
    issues = [line for line in out.splitlines() if line[:2] in ("E:", "W:", "I:")]
    assert issues == [], out


def test_metainfo_names_the_launcher_the_release_and_real_screenshots():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
    assert root.find("content_rating").get("type") == "oars-1.1"
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 3
    for shot in shots:
        assert shot.findtext("caption").strip()
        url = shot.findtext("image")
        # Each screenshot is one of the pictures the repository keeps in docs/.
        assert (ROOT / "docs" / url.rsplit("/docs/", 1)[1]).is_file(), url
    desktop = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={DESKTOP_ID}\n" in desktop
    assert ICON.is_file()


def _make(target: str, data_home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), target]
        + [f"{key}={value}" for key, value in extra.items()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_install_desktop_puts_launcher_icon_and_metainfo_in_xdg_data_home(tmp_path):
    data_home = tmp_path / "share"
    exe = tmp_path / "bin" / "mlorg-desktop"
    for _round in range(2):  # installing again over an installed copy works the same
        installed = _make("install-desktop", data_home, EXEC=str(exe))
        assert installed.returncode == 0, installed.stderr
        launcher = data_home / "applications" / f"{DESKTOP_ID}.desktop"
        icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"
        metainfo = data_home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml"
        assert icon.read_bytes() == ICON.read_bytes()
        assert metainfo.read_bytes() == METAINFO.read_bytes()
        text = launcher.read_text(encoding="utf-8")
        assert f"\nExec={exe}\n" in text
        assert text.replace(f"Exec={exe}", "Exec=mlorg-desktop") == DESKTOP.read_text("utf-8")
        assert oct(launcher.stat().st_mode & 0o777) == "0o644"
        if shutil.which("desktop-file-validate"):
            assert _desktop_validate(launcher) == ""

    removed = _make("uninstall-desktop", data_home)
    assert removed.returncode == 0, removed.stderr
    assert not launcher.exists() and not icon.exists() and not metainfo.exists()


def test_metainfo_screenshots_are_the_docs_pictures_at_their_real_size():
    # Software centres show these URLs; each must name a picture the repository has, with the
    # size the picture really is (the PNG header: width and height at bytes 16-24).
    import struct

    tree = ET.parse(RESOURCES / f"{DESKTOP_ID}.metainfo.xml")
    images = tree.getroot().findall("./screenshots/screenshot/image")
    assert len(images) >= 3
    for image in images:
        name = (image.text or "").rsplit("/", 1)[-1]
        picture = ROOT / "docs" / name
        assert picture.is_file(), name
        width, height = struct.unpack(">II", picture.read_bytes()[16:24])
        assert (int(image.get("width", 0)), int(image.get("height", 0))) == (width, height), name
