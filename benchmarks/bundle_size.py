"""Bundle size against a floor: a minimal PySide6-Essentials + pyqtgraph window frozen with the
same spec and the same trimming. Prints both sizes, the ratio and our largest parts.

Run with the bundle venv's Python after `make bundle` (`make bench` and `make bundle-check` do;
with --check it exits 1 when the ratio is over the target).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TARGET_RATIO = 1.05


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_floor() -> Path:
    env = {**os.environ, "MLORG_FLOOR_BUNDLE": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(OUT / "dist"),
            "--workpath",
            str(OUT / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    return OUT / "dist" / "floor-app"


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts = [(p.name, tree_size(p) if p.is_dir() else p.stat().st_size) for p in internal.iterdir()]
    return sorted(parts, key=lambda item: -item[1])[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 over the target ratio")
    args = parser.parse_args()
    ours = ROOT / "dist" / "mlorg-desktop"
    if not ours.is_dir():
        print("build our bundle first: make bundle", file=sys.stderr)
        return 1
    floor = build_floor()
    ours_size, floor_size = tree_size(ours), tree_size(floor)
    print(f"ours  {ours_size / 2**20:8.1f} MiB  {ours}")
    print(f"floor {floor_size / 2**20:8.1f} MiB  {floor}")
    ratio = ours_size / floor_size
    print(f"ratio {ratio:.3f} (target <= {TARGET_RATIO})")
    print("largest parts of ours:")
    for name, size in largest_parts(ours):
        print(f"  {size / 2**20:7.1f} MiB  {name}")
    if args.check and ratio > TARGET_RATIO:
        print(f"error: the bundle is {ratio:.3f} times the floor (target <= {TARGET_RATIO})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
