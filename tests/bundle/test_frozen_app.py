"""The frozen bundle (MLORG_FROZEN_EXE, set by `make bundle-check`): its smoke test headless and
in a real X window under Xvfb, a grab of every tab with the Compare charts drawn, and its
shared libraries and Qt plugins exactly as packaging/bundle-manifest.txt lists them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.frozen_tools import ROOT, frozen_exe, run_frozen

pytestmark = pytest.mark.frozen

# Kept by CI as artefacts; one grab per tab, in tab order, plus the Compare charts before ticking.
SCREENS = ROOT / os.environ.get("MLORG_BUNDLE_SCREENS", "dist/bundle-screens")  # absolute stays
TAB_GRABS = [
    "01-archetypes",
    "02-assessment",
    "03-saved-assessments",
    "04-compare",
    "05-organizations",
]


def _contents():
    spec = importlib.util.spec_from_file_location(
        "bundle_contents", ROOT / "packaging" / "bundle_contents.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_frozen_smoke_test_headless(tmp_path):
    done = run_frozen("--smoke-test", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Compare (8 assessments in both charts)" in done.stdout
    assert "Error calling Python override" not in done.stderr


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    """The frozen smoke test on the X server of `xvfb-run`, grabbing each tab from the screen."""
    frozen_exe()
    if not os.environ.get("DISPLAY"):
        pytest.fail("no DISPLAY: make bundle-check runs these tests under xvfb-run")
    shutil.rmtree(SCREENS, ignore_errors=True)
    home = tmp_path_factory.mktemp("home")
    done = run_frozen(
        "--smoke-test",
        home=home,
        QT_QPA_PLATFORM="xcb",
        DISPLAY=os.environ["DISPLAY"],
        MLORG_SMOKE_SCREENSHOT_DIR=str(SCREENS),
    )
    assert done.returncode == 0, done.stderr
    return SCREENS


def test_every_tab_grabbed_from_the_x_screen(screens):
    from PySide6.QtGui import QImage

    grabs = sorted(p.stem for p in screens.glob("0*.png"))
    assert grabs == TAB_GRABS
    for name in grabs:
        image = QImage(str(screens / f"{name}.png"))
        assert image.width() >= 1024 and image.height() >= 700, name  # the window's minimum


def _coloured_share(image, region: list[int]) -> float:
    """Share of the region's pixels in a saturated colour: the series colours; axes, grid,
    labels and backgrounds are grey."""
    x0, y0, width, height = region
    coloured = total = 0
    for y in range(y0, y0 + height, 2):
        for x in range(x0, x0 + width, 2):
            total += 1
            colour = image.pixelColor(x, y)
            coloured += colour.hsvSaturation() > 80 and colour.value() > 60
    return coloured / total


def test_the_compare_grab_shows_both_charts_drawn(screens):
    from PySide6.QtGui import QImage

    regions = json.loads((screens / "regions.json").read_text())
    assert set(regions) == {"radar", "bars"}
    drawn = QImage(str(screens / "04-compare.png"))
    empty = QImage(str(screens / "compare-empty.png"))
    for name, region in regions.items():
        x, y, width, height = region
        assert width > 200 and height > 200, f"the {name} chart is {width}x{height}"
        assert x + width <= drawn.width() and y + height <= drawn.height()
        before, after = _coloured_share(empty, region), _coloured_share(drawn, region)
        assert before < 0.002, f"the empty {name} chart already has colour ({before:.1%})"
        assert after > 0.005, f"the {name} chart shows almost no series ({after:.1%})"


def test_bundle_contents_match_the_manifest():
    contents = _contents()
    bundle = frozen_exe().parent
    unexpected, missing = contents.compare(contents.listing(bundle), contents.read_manifest())
    assert (unexpected, missing) == ([], []), (
        "choose the change, then: python packaging/bundle_contents.py write dist/mlorg-desktop"
    )
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_bundle_size_against_the_floor():
    """The size check stays a ratio: a minimal PySide6 + pyqtgraph app frozen by the same spec."""
    import subprocess

    frozen_exe()  # skipped outside make bundle-check, like every test here
    python = ROOT / ".venv-bundle" / "bin" / "python"
    assert python.exists(), "no bundle venv: make bundle-check builds it"
    done = subprocess.run(
        [str(python), str(ROOT / "benchmarks" / "bundle_size.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr


def test_bundle_ships_the_guide_and_the_desktop_files():
    """Help ▸ User Guide reads resources/guide/ through the same locator in the bundle."""
    resources = frozen_exe().parent / "_internal" / "mlorg_desktop" / "_resources"
    html = (resources / "guide" / "index.html").read_text(encoding="utf-8")
    for name in ("assessment.png", "compare.png", "organizations.png"):
        assert f'src="{name}"' in html and (resources / "guide" / name).is_file()
    for name in ("io.github.mlorg.Desktop.desktop", "io.github.mlorg.Desktop.metainfo.xml"):
        assert (resources / name).is_file()
