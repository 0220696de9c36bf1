"""Run mutmut on a seeded random sample of each package's mutants (make mutation-sample).

All of ``domain/``, ``store/``, ``report/`` and the CLI come to some 11,500 mutants, many hours
on this 2-core machine (``report/`` renders PDFs: about 0.16 mutants/s with two workers). A
uniform random sample per package gives an unbiased estimate of each package's score in an
hour; ``make mutation-results`` then prints it with a 95 % interval (Wilson).

    python -m tests.mutation_sample --per-package 300 --seed 2026 [--jobs 2] \
        [--cap report/=150 ...] [--skip-done]

``--cap`` keeps a seeded random part of one package's sample (for a package whose mutants are
slow); ``--skip-done`` runs only the drawn mutants that have no verdict yet, so a stopped run can
be resumed without running again what it finished.

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


def all_mutants(mutmut: Path) -> dict[str, str]:
    """Every mutant's name and mutmut's status for it ("not checked" before it has run)."""
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    pairs = [line.strip().rpartition(": ")[::2] for line in out.splitlines()]
    return {name: status for name, status in pairs if name}


def draw(
    names: list[str], per_package: int, seed: int, caps: dict[str, int] | None = None
) -> list[str]:
    """The same names for the same mutants, size and seed: each package sampled on its own;
    a capped package keeps a random ``caps[package]`` of its draw."""
    by_package: dict[str, list[str]] = {}
    for name in sorted(names):
        by_package.setdefault(package_of(name), []).append(name)
    rng = random.Random(seed)
    sample: list[str] = []
    for package in sorted(by_package):
        members = by_package[package]
        drawn = rng.sample(members, min(per_package, len(members)))
        cap = (caps or {}).get(package)
        if cap is not None and cap < len(drawn):
            drawn = random.Random(seed).sample(sorted(drawn), cap)
        sample += drawn
    return sorted(sample)


def parse_cap(text: str) -> tuple[str, int]:
    package, _, size = text.partition("=")
    if not package or not size.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not PACKAGE=SIZE, e.g. report/=150")
    return package, int(size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-package", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cap", type=parse_cap, action="append", default=[])
    parser.add_argument("--skip-done", action="store_true", help="run only mutants not run yet")
    parser.add_argument("--dry-run", action="store_true", help="write the sample, run nothing")
    args = parser.parse_args(argv)
    mutmut = Path(sys.executable).with_name("mutmut")
    status = all_mutants(mutmut)
    if not status:
        print("mutation-sample: no mutants yet; run `make mutation` once", file=sys.stderr)
        return 1
    sample = draw(list(status), args.per_package, args.seed, dict(args.cap))
    SAMPLE_FILE.write_text("".join(f"{n}\n" for n in sample), encoding="utf-8")
    to_run = [n for n in sample if not args.skip_done or status[n] == "not checked"]
    print(
        f"mutation-sample: {len(sample)} of {len(status)} mutants (seed {args.seed}), "
        f"{len(to_run)} to run"
    )
    if args.dry_run or not to_run:
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = ["nice", "-n", "15", str(mutmut), "run", "--max-children", str(args.jobs), *to_run]
    return subprocess.run(cmd, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
