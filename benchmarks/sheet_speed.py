"""`sheet -o` as a whole process for 8, 50 and 200 assessments, against floor_pg's start-up.

The 200-assessment sheet (about 70 pages) shows how the pagination's cost grows with length:
fixing breaks one by one, each relaying out the rest of the sheet, grew with its square.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import ROOT, append_results, run_to_first_paint
from startup import make_store

COUNTS = (8, 50, 200)


def run_sheet(data_dir: Path, ids: list[str], out: Path, runs: int) -> list[float]:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mlorg_desktop",
                "sheet",
                "--data-dir",
                str(data_dir),
                "-o",
                str(out),
                "--ids",
                *ids,
            ],
            check=True,
            env=env,
            cwd=ROOT,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return times


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_store(Path(tmp) / "many", max(COUNTS))
        listed = subprocess.run(
            [sys.executable, "-m", "mlorg_desktop", "list", "--json", "--data-dir", str(folder)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        import json

        ids = [row["id"] for row in json.loads(listed)]
        floor = run_to_first_paint([sys.executable, "benchmarks/floors.py", "pg"], runs)
        rows = [f"floor_pg start-up: {floor.describe()}"]
        for count in COUNTS:
            times = run_sheet(folder, ids[:count], Path(tmp) / f"s{count}.pdf", runs)
            median = statistics.median(times)
            rows.append(
                f"sheet -o for {count} assessments (whole process): median "
                f"{median * 1000:.0f} ms (min {min(times) * 1000:.0f}, max "
                f"{max(times) * 1000:.0f}); ratio to floor_pg {median / floor.median:.2f}"
            )
    for row in rows:
        print(row)
    append_results("Comparison sheet", rows)


if __name__ == "__main__":
    main()
