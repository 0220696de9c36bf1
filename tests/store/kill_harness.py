"""Kill a store writer with SIGKILL at random moments and check what is left on disk.

Each trial copies a base store, starts a child that saves single assessments and imports
batches in a loop, kills it after a random delay, then opens the store: it must validate and
hold exactly the state before or after the write that was interrupted. `make soak` runs
`python -m tests.store.soak --trials 2000`; `--naive` repeats the run with tinydb's own
in-place JSONStorage as a control, to show what the atomic writes prevent.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import random
import shutil
import signal
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mlorg_desktop.domain.exchange import read_exchange_file
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore, StoreDamagedError, repository
from mlorg_desktop.store.atomic import AtomicJSONStorage

MODULE = "tests.store.kill_harness"  # importable by name in the forkserver, even from -m
KNOWLEDGE = load_knowledge(resources_dir())
EXAMPLES = read_exchange_file(
    resources_dir() / "examples" / "demo-assessments.json", KNOWLEDGE
).assessments
BASE_RECORDS = 40
BATCH = 25


def _ids(op: int) -> list[str]:
    count = BATCH if op % 5 == 4 else 1  # every fifth write is a batch import
    return [str(uuid.uuid5(uuid.NAMESPACE_OID, f"op{op}-{j}")) for j in range(count)]


def expected_ids(ops_done: int) -> set[str]:
    return {i for op in range(ops_done) for i in _ids(op)}


class _NaiveStorage(AtomicJSONStorage):
    """The control: rewrite the file in place, like tinydb's JSONStorage."""

    def write(self, data: dict) -> None:  # type: ignore[type-arg]
        with open(self.path, "r+b" if self.path.exists() else "wb") as handle:
            handle.seek(0)
            handle.truncate()
            handle.write(self._cache.encode(data))
        self._data = data


def _writer(path: str, progress: Any, naive: bool) -> None:
    if naive:
        repository.AtomicJSONStorage = _NaiveStorage  # type: ignore[misc]
    store = AssessmentStore(Path(path), KNOWLEDGE.bank)
    op = 0
    progress.value = 0  # open: from here on the child only writes
    while True:
        items = [
            replace(EXAMPLES[(op + j) % len(EXAMPLES)], id=i, unit=f"op {op}")
            for j, i in enumerate(_ids(op))
        ]
        if len(items) == 1:
            store.save(items[0])
        else:
            store.import_many(items)
        op += 1
        progress.value = op


def _wait_for_writes(child: Any, progress: Any, writes: int, timeout: float = 60.0) -> None:
    """Return once the child has opened the store and completed ``writes`` writes."""
    deadline = time.monotonic() + timeout
    while progress.value < writes:
        if not child.is_alive():
            raise RuntimeError(f"the writer died (exit {child.exitcode}) before writing")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the writer completed {progress.value} writes in {timeout} s")
        time.sleep(0.001)


def make_base(folder: Path) -> Path:
    path = folder / "base.json"
    store = AssessmentStore(path, KNOWLEDGE.bank)
    store.import_many(
        replace(EXAMPLES[i % len(EXAMPLES)], id=str(uuid.uuid4())) for i in range(BASE_RECORDS)
    )
    store.close()
    return path


@dataclass
class Results:
    trials: int = 0
    intact: int = 0
    corrupt: int = 0
    mismatched: int = 0
    killed_after_ops: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def writing_when_killed(self) -> bool:
        """A run only counts when most kills landed after the writer had completed a write."""
        return sum(1 for n in self.killed_after_ops if n > 0) > self.trials // 2

    def line(self) -> str:
        ops = self.killed_after_ops
        return (
            f"{self.trials} trials in {self.seconds:.1f} s: {self.intact} intact, "
            f"{self.corrupt} unreadable, {self.mismatched} in a state neither before nor "
            f"after the interrupted write; writes completed before the kill: median "
            f"{statistics.median(ops) if ops else 0:.0f}, max {max(ops) if ops else 0}"
        )


def run_trials(
    trials: int,
    *,
    seed: int = 1,
    naive: bool = False,
    max_seconds: float = 600.0,
    max_delay: float = 0.06,
) -> Results:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([MODULE])
    rng = random.Random(seed)
    results = Results()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mlorg-kill-") as tmp:
        folder = Path(tmp)
        base = make_base(folder)
        base_ids = {a.id for a in AssessmentStore(base, KNOWLEDGE.bank, read_only=True).all()}
        target = folder / "assessments.json"
        for _ in range(trials):
            if time.monotonic() - started > max_seconds:
                break
            for leftover in folder.glob("assessments.json*"):
                leftover.unlink()
            for leftover in folder.glob(".assessments.json*"):
                leftover.unlink()
            shutil.copyfile(base, target)
            # No lock: a child killed while holding it would leave the parent waiting forever.
            progress = context.Value("i", -1, lock=False)
            writer = importlib.import_module(MODULE)._writer  # never __main__._writer
            child = context.Process(target=writer, args=(str(target), progress, naive))
            child.start()
            # Wait on the writer, not on the clock: a busy or slow machine delays its start
            # and its writes, so a fixed delay would kill it before it wrote anything. Three
            # kills in four land after 1-3 completed writes, one in four during the first.
            _wait_for_writes(child, progress, rng.choice((0, 1, 2, 3)))
            time.sleep(rng.uniform(0.0, max_delay))
            os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
            child.join()
            done = progress.value
            results.trials += 1
            results.killed_after_ops.append(done)
            try:
                ids = {a.id for a in AssessmentStore(target, KNOWLEDGE.bank).all()} - base_ids
            except StoreDamagedError:
                results.corrupt += 1
                continue
            if ids in (expected_ids(done), expected_ids(done + 1)):
                results.intact += 1
            else:
                results.mismatched += 1
    results.seconds = time.monotonic() - started
    return results
