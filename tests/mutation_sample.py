"""Run mutmut on a seeded random sample of each package's mutants (make mutation-sample).

All of ``domain/``, ``store/``, ``report/`` and the CLI come to some 11,500 mutants, many hours
on this 2-core machine (``report/`` renders PDFs: about 0.16 mutants/s with two workers). A
uniform random sample per package gives an unbiased estimate of each package's score in an
hour; ``make mutation-results`` then prints it with a 95 % interval (Wilson).

    python -m tests.mutation_sample --per-package 300 --seed 2026 [--jobs 2]

The names are drawn from ``mutmut results --all true``, so mutmut must have generated its
mutants once (any ``mutmut run`` does). The sample is written to ``mutants/sample.txt``, which
``tests.mutation_report`` reads to score the sample alone.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

SAMPLE_FILE = Path("mutants/sample.txt")


def package_of(name: str) -> str:
    """``mlorg_desktop.report.flow.x_f__mutmut_3`` → ``report/``; any ``cli*`` module → ``CLI``."""
    part = name.split(".")[1]
    return "CLI" if part.startswith("cli") else f"{part}/"


def all_mutants(mutmut: Path) -> list[str]:
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    names = [line.strip().rpartition(": ")[0] for line in out.splitlines()]
    return sorted(n for n in names if n)


def draw(names: list[str], per_package: int, seed: int) -> list[str]:
    """The same names for the same mutants, size and seed: each package sampled on its own."""
    by_package: dict[str, list[str]] = {}
    for name in names:
        by_package.setdefault(package_of(name), []).append(name)
    rng = random.Random(seed)
    sample: list[str] = []
    for package in sorted(by_package):
        members = by_package[package]
        sample += rng.sample(members, min(per_package, len(members)))
    return sorted(sample)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-package", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--dry-run", action="store_true", help="write the sample, run nothing")
    args = parser.parse_args(argv)
    mutmut = Path(sys.executable).with_name("mutmut")
    names = all_mutants(mutmut)
    if not names:
        print("mutation-sample: no mutants yet; run `make mutation` once", file=sys.stderr)
        return 1
    sample = draw(names, args.per_package, args.seed)
    SAMPLE_FILE.write_text("".join(f"{n}\n" for n in sample), encoding="utf-8")
    print(f"mutation-sample: {len(sample)} of {len(names)} mutants (seed {args.seed})")
    if args.dry_run:
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = ["nice", "-n", "15", str(mutmut), "run", "--max-children", str(args.jobs), *sample]
    return subprocess.run(cmd, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
