"""What the frozen bundle carries: its shared libraries and Qt plugins, against a manifest.

build.spec uses `prune_unlinked` (inside PyInstaller) so that leaving a Qt plugin out also
leaves out the system libraries only that plugin linked; `make bundle-check` runs this file to
compare `dist/mlorg-desktop` with `packaging/bundle-manifest.txt`:

    python packaging/bundle_contents.py check dist/mlorg-desktop
    python packaging/bundle_contents.py write dist/mlorg-desktop   # after a deliberate change
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "bundle-manifest.txt"
HEADER = (
    "# Shared objects and Qt plugins in dist/mlorg-desktop/_internal, one path a line.\n"
    "# Checked by `make bundle-check` (packaging/bundle_contents.py); regenerate with\n"
    "# `python packaging/bundle_contents.py write dist/mlorg-desktop` after choosing a change.\n"
)


def _is_shared_object(name: str) -> bool:
    return name.endswith(".so") or ".so." in name


def listing(bundle: Path) -> list[str]:
    """Every shared object (libraries, extension modules, Qt plugins) under ``_internal``."""
    internal = bundle / "_internal"
    if not internal.is_dir():
        raise FileNotFoundError(f"{internal} does not exist: build the bundle first")
    return sorted(
        path.relative_to(internal).as_posix()
        for path in internal.rglob("*")
        if _is_shared_object(path.name) and (path.is_file() or path.is_symlink())
    )


def read_manifest(manifest: Path = MANIFEST) -> list[str]:
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def compare(actual: Iterable[str], expected: Iterable[str]) -> tuple[list[str], list[str]]:
    """(unexpected, missing), each sorted."""
    have, want = set(actual), set(expected)
    return sorted(have - want), sorted(want - have)


def prune_unlinked(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop libraries that no kept binary links, directly or through another kept library.

    PyInstaller follows every collected binary's links during Analysis, before the spec can
    leave a Qt plugin out; this undoes what only the left-out plugins brought in: system
    libraries (collected into the top level from outside site-packages, e.g. GTK 3 for the
    GTK platform theme) and Qt libraries (e.g. QtWaylandClient for the Wayland platform)."""
    from PyInstaller.depend.bindepend import get_imports  # only inside the build venv

    def prunable(entry: tuple[str, str, str]) -> bool:
        dest, src = entry[0].replace("\\", "/"), entry[1].replace("\\", "/")
        if Path(dest).name.startswith("libpython"):
            return False  # the bootloader dlopens it: nothing links it, yet it is needed
        top_level = "/" not in dest
        return dest.startswith("PySide6/Qt/lib/") or (
            top_level and (entry[2] == "SYMLINK" or "site-packages" not in src)
        )

    by_name: dict[str, list[tuple[str, str, str]]] = {}
    by_dest = {entry[0]: entry for entry in binaries}
    for entry in binaries:
        by_name.setdefault(Path(entry[0]).name, []).append(entry)
    kept: set[str] = set()
    todo = [entry for entry in binaries if not prunable(entry)]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept.add(entry[0])
        if entry[2] == "SYMLINK":  # its target is another entry, by its bundle path
            target = by_dest.get(entry[1])
            todo += [target] if target is not None else []
            continue
        for name, _path in get_imports(entry[1]):
            todo += by_name.get(Path(name).name, [])
    return [entry for entry in binaries if entry[0] in kept]


def drop_dangling_symlinks(
    toc: list[tuple[str, str, str]], collected: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Symbolic links (PyInstaller puts some among the data files) whose target is no longer
    collected, e.g. the top-level link to a Qt library that `prune_unlinked` dropped."""
    dests = {os.path.normpath(entry[0]) for entry in [*collected, *toc]}

    def target(entry: tuple[str, str, str]) -> str:
        return os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))

    return [entry for entry in toc if entry[2] != "SYMLINK" or target(entry) in dests]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["check", "write", "list"])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    actual = listing(args.bundle)
    if args.action == "list":
        print("\n".join(actual))
        return 0
    if args.action == "write":
        args.manifest.write_text(HEADER + "\n".join(actual) + "\n", encoding="utf-8")
        print(f"wrote {len(actual)} entries to {args.manifest}")
        return 0
    unexpected, missing = compare(actual, read_manifest(args.manifest))
    for path in unexpected:
        print(f"unexpected in the bundle: {path}", file=sys.stderr)
    for path in missing:
        print(f"missing from the bundle: {path}", file=sys.stderr)
    if unexpected or missing:
        print(
            f"bundle contents differ from {args.manifest.name}: {len(unexpected)} unexpected, "
            f"{len(missing)} missing (choose the change, then `write`)",
            file=sys.stderr,
        )
        return 1
    print(f"bundle contents match {args.manifest.name}: {len(actual)} shared objects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
