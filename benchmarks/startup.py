"""Start-up to first paint (and peak RSS) of the app with an empty store and with 1,000
assessments, against floor_bare (PySide6 window, three tabs) and floor_pg (plus a pyqtgraph
PlotWidget: "a typical app"). Optionally the frozen bundle against the unfrozen app.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from harness import ROOT, Sample, append_results, run_to_first_paint

from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore


def make_store(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if count:
        knowledge = load_knowledge(resources_dir())
        seed = AssessmentStore(folder / "seed.json", knowledge.bank)
        seed_demo_store(seed, knowledge, resources_dir())
        examples = seed.all()
        store = AssessmentStore(folder / "assessments.json", knowledge.bank)
        store.import_many(
            replace(examples[i % len(examples)], id=str(uuid.uuid4()), unit=f"Unit {i}")
            for i in range(count)
        )
        (folder / "seed.json").unlink()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--frozen", action="store_true", help="also time dist/mlorg-desktop")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        empty = make_store(Path(tmp) / "empty", 0)
        thousand = make_store(Path(tmp) / "thousand", 1000)
        app = [python, "-m", "mlorg_desktop"]
        rows = []
        # Bytecode as an installed app has it (pip compiles on install; this sandbox sets
        # PYTHONDONTWRITEBYTECODE, which would otherwise time the compiler too).
        compileall.compile_dir(str(ROOT / "mlorg_desktop"), quiet=1)
        commands = {
            "bare": ([python, "benchmarks/floors.py", "bare"], None),
            "pg": ([python, "benchmarks/floors.py", "pg"], None),
            "empty": (app + ["--data-dir", str(empty)], {"HOME": tmp}),
            "thousand": (app + ["--data-dir", str(thousand)], {"HOME": tmp}),
        }
        # Round-robin, so every command sees the same machine load (shared, noisy machines).
        samples = {name: Sample([], []) for name in commands}
        for _ in range(args.runs):
            for name, (argv, env) in commands.items():
                one = run_to_first_paint(argv, 1, env=env)
                samples[name].seconds.extend(one.seconds)
                samples[name].rss_mib.extend(one.rss_mib)
        bare, pg = samples["bare"], samples["pg"]
        ours_empty, ours_1000 = samples["empty"], samples["thousand"]
        for name, sample in (
            ("floor_bare", bare),
            ("floor_pg", pg),
            ("app, empty store", ours_empty),
            ("app, 1,000 assessments", ours_1000),
        ):
            rows.append(f"{name}: {sample.describe()}")
        for name, sample in (("empty", ours_empty), ("1,000", ours_1000)):
            rows.append(
                f"start-up ratio ({name}) vs floor_bare: {sample.median / bare.median:.2f}"
                f" (target <= 1.5); vs floor_pg: {sample.median / pg.median:.2f}; "
                f"RSS vs floor_bare: {sample.rss / bare.rss:.2f} (target <= 1.5)"
            )
        if args.frozen:
            # Interleaved, so both see the same machine load (a shared, noisy machine).
            frozen_app = ROOT / "dist" / "mlorg-desktop" / "mlorg-desktop"
            frozen_argv = [str(frozen_app), "--data-dir", str(empty)]
            unfrozen_argv = app + ["--data-dir", str(empty)]
            frozen, unfrozen = [], []
            for _ in range(args.runs):
                frozen += run_to_first_paint(frozen_argv, 1, env={"HOME": tmp}).seconds
                unfrozen += run_to_first_paint(unfrozen_argv, 1, env={"HOME": tmp}).seconds
            ratio = statistics.median(frozen) / statistics.median(unfrozen)
            rows.append(
                f"frozen app, empty store: median {statistics.median(frozen) * 1000:.1f} "
                f"ms; unfrozen in the same interleaved runs "
                f"{statistics.median(unfrozen) * 1000:.1f} ms; ratio {ratio:.2f} "
                "(target <= 1.0)"
            )
    for row in rows:
        print(row)
    append_results("Start-up to first paint", rows)


if __name__ == "__main__":
    main()
