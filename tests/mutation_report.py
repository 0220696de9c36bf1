"""Per-module mutation counts from mutmut's stored results (make mutation-results).

Reads ``mutmut results --all true`` and prints, for each mutated module, how many mutants were
killed (timeouts count as killed), survived, reached by no test, or not run yet, then the names
of the survivors so each can be killed by a test or listed as equivalent in docs/testing.md.
"""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path


def main() -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    survivors = []
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        parts = name.split(".")
        # mlorg_desktop.cli_org.x_cmd_org__mutmut_1 is cli_org.py; mlorg_desktop.report.flow.… is
        # report/flow.py.
        module = f"{parts[1]}.py" if parts[1].startswith("cli") else f"{parts[1]}/{parts[2]}.py"
        counts[module]["killed" if status == "timeout" else status] += 1
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
