"""Per-module mutation counts from mutmut's stored results (make mutation-results).

Reads ``mutmut results --all true`` and prints, for each mutated module, how many mutants were
killed (timeouts and crashes count as killed), survived, reached by no test, or not run yet,
then the names of the survivors so each can be killed by a test or listed as equivalent in
docs/testing.md.

When ``mutants/sample.txt`` exists (``make mutation-sample``), it also scores the sample alone,
per package: killed ÷ (sampled − accepted equivalent), with a 95 % Wilson interval for the
package's score. The accepted equivalent mutants are ``tests/mutation_equivalent.txt`` (one
name per line, then its reason).
"""

from __future__ import annotations

import collections
import math
import subprocess
import sys
from pathlib import Path

SAMPLE_FILE = Path("mutants/sample.txt")
# A mutant whose tests time out or crash (mutmut's "segfault": the test process died of a signal)
# was detected: the suite did not pass with it.
DETECTED = {"killed", "timeout", "segfault"}
EQUIVALENT_FILE = Path(__file__).with_name("mutation_equivalent.txt")


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion killed/n."""
    if n == 0:
        return (0.0, 1.0)
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def equivalent_names(path: Path = EQUIVALENT_FILE) -> set[str]:
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def package_of(name: str) -> str:
    part = name.split(".")[1]
    return "CLI" if part.startswith("cli") else f"{part}/"


def sample_scores(status_by_name: dict[str, str], sample: list[str], equivalent: set[str]) -> str:
    """One line per package: the sample's counts, its score and the score's 95 % interval."""
    rows = collections.defaultdict(collections.Counter)
    for name in sample:
        status = status_by_name.get(name, "not checked")
        if name in equivalent and status not in DETECTED:
            status = "equivalent"
        rows[package_of(name)]["killed" if status in DETECTED else status] += 1
    lines = [
        f"{'sample':10} {'drawn':>5} {'killed':>6} {'survived':>8} {'no test':>7} "
        f"{'equiv':>5} {'not run':>7}  score (95 % interval)"
    ]
    for package in sorted(rows):
        c = rows[package]
        counted = sum(c.values()) - c["equivalent"] - c["not checked"]
        low, high = wilson(c["killed"], counted)
        score = f"{c['killed'] / counted:.1%} ({low:.1%}–{high:.1%})" if counted else "—"
        lines.append(
            f"{package:10} {sum(c.values()):5} {c['killed']:6} {c['survived']:8} "
            f"{c['no tests']:7} {c['equivalent']:5} {c['not checked']:7}  {score}"
        )
    return "\n".join(lines)


def main() -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    survivors = []
    status_by_name: dict[str, str] = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        status_by_name[name] = status
        parts = name.split(".")
        # mlorg_desktop.cli_org.x_cmd_org__mutmut_1 is cli_org.py; mlorg_desktop.report.flow.… is
        # report/flow.py.
        module = f"{parts[1]}.py" if parts[1].startswith("cli") else f"{parts[1]}/{parts[2]}.py"
        counts[module]["killed" if status in DETECTED else status] += 1
        if status == "survived":
            survivors.append(name)
    print(
        f"{'module':28} {'mutants':>7} {'killed':>7} {'survived':>8} {'no test':>7} {'not run':>7}"
    )
    for module in sorted(counts):
        c = counts[module]
        print(
            f"{module:28} {sum(c.values()):7} {c['killed']:7} {c['survived']:8} "
            f"{c['no tests']:7} {c['not checked']:7}"
        )
    packages: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for module, c in counts.items():
        packages["CLI" if module.startswith("cli") else module.split("/")[0] + "/"].update(c)
    print()
    for package in sorted(packages):
        c = packages[package]
        run = sum(c.values()) - c["not checked"]
        share = f"{c['killed'] / run:.0%}" if run else "—"
        print(
            f"{package:28} {sum(c.values()):7} {c['killed']:7} {c['survived']:8} "
            f"{c['no tests']:7} {c['not checked']:7}  killed of those run: {share}"
        )
    print("\nsurvivors:", *survivors, sep="\n  ")
    if SAMPLE_FILE.exists():
        sample = SAMPLE_FILE.read_text(encoding="utf-8").split()
        print()
        print(sample_scores(status_by_name, sample, equivalent_names()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
