"""Shared measuring: whole-process runs with wall time to first paint and peak RSS, medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


@dataclass
class Sample:
    seconds: list[float]
    rss_mib: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rss(self) -> float:
        return statistics.median(self.rss_mib)

    def describe(self) -> str:
        return (
            f"median {self.median * 1000:7.1f} ms (min {min(self.seconds) * 1000:.1f}, "
            f"max {max(self.seconds) * 1000:.1f}), peak RSS median {self.rss:.0f} MiB"
        )


def run_to_first_paint(argv: list[str], runs: int, env: dict[str, str] | None = None) -> Sample:
    """Start ``argv`` ``runs`` times; each run prints 'first-paint-epoch T' and exits."""
    seconds, rss = [], []
    full_env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MLORG_FIRST_PAINT_EXIT": "1",
        **(env or {}),
    }
    for _ in range(runs):
        started = time.time()
        process = subprocess.Popen(
            argv,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        out = process.stdout.read() if process.stdout else ""
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        painted = [line for line in out.splitlines() if line.startswith("first-paint-epoch")]
        if process.returncode != 0 or not painted:
            raise RuntimeError(f"{argv} did not reach its first paint (exit {process.returncode})")
        seconds.append(float(painted[0].split()[1]) - started)
        rss.append(usage.ru_maxrss / 1024)
    return Sample(seconds, rss)


def timed(function, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        out.append(time.perf_counter() - started)
    return out


def append_results(title: str, rows: list[str]) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Benchmark results\n\nAppended by `make bench`; every ratio is "
            "against a floor measured in the same run on the same machine.\n",
            encoding="utf-8",
        )
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(f"\n## {title} — {stamp}, {os.cpu_count()} cores\n\n")
        for row in rows:
            handle.write(f"- {row}\n")
