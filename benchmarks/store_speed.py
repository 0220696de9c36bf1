"""Save latency at N = 10 ... 10,000 stored assessments against the raw floor for the same data
(json.dumps + write + fsync + os.replace), and opening + listing 10,000 against json.load."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from harness import ROOT, append_results, timed

from mlorg_desktop.demo import seed_demo_store
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore


def raw_floor(path: Path, data: dict) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    tmp = path.with_name(path.name + ".floor.tmp")
    with open(tmp, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path.with_name(path.name + ".floor"))


def main() -> None:
    knowledge = load_knowledge(resources_dir())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = AssessmentStore(folder / "seed.json", knowledge.bank)
        seed_demo_store(seed, knowledge, resources_dir())
        examples = seed.all()
        for n in (10, 100, 1000, 10_000):
            path = folder / f"store-{n}.json"
            store = AssessmentStore(path, knowledge.bank)
            store.import_many(
                replace(examples[i % 6], id=str(uuid.uuid4()), unit=f"U{i}") for i in range(n)
            )
            target = store.all()[0]
            repeat = 15 if n <= 1000 else 7
            ours = timed(
                lambda s=store, t=target: s.save(replace(t, notes=str(time.time()))), repeat
            )
            data = json.loads(path.read_text(encoding="utf-8"))
            floor = timed(lambda p=path, d=data: raw_floor(p, d), repeat)
            ratio = statistics.median(ours) / statistics.median(floor)
            rows.append(
                f"save at N={n:>6,}: ours median {statistics.median(ours) * 1000:.1f} ms "
                f"(min {min(ours) * 1000:.1f}, max {max(ours) * 1000:.1f}), floor median "
                f"{statistics.median(floor) * 1000:.1f} ms; ratio {ratio:.2f} "
                "(target <= 1.3)"
            )
            store.close()
        big = folder / "store-10000.json"
        # The same bytes under another name, without a trust note: validated on every open.
        unsealed = folder / "unsealed" / "assessments.json"
        unsealed.parent.mkdir()
        unsealed.write_bytes(big.read_bytes())
        opened, validated, loaded = [], [], []
        for _ in range(7):  # round-robin, so all three see the same machine load
            opened += timed(lambda: AssessmentStore(big, knowledge.bank, read_only=True), 1)
            validated += timed(lambda: AssessmentStore(unsealed, knowledge.bank, read_only=True), 1)
            loaded += timed(lambda: json.loads(big.read_bytes()), 1)
        floor = statistics.median(loaded)
        rows.append(
            f"open 10,000, the file the app wrote (trusted, store.trust): median "
            f"{statistics.median(opened) * 1000:.0f} ms; the same bytes validated record by "
            f"record: {statistics.median(validated) * 1000:.0f} ms; json.load "
            f"{floor * 1000:.0f} ms; ratios {statistics.median(opened) / floor:.2f} and "
            f"{statistics.median(validated) / floor:.2f} ({_load()})"
        )
        rows.extend(list_and_filter(big, knowledge))
        rows.append(peak_memory(big))
    for row in rows:
        print(row)
    append_results("Store speed", rows)


def _load() -> str:
    return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])


# A child's ru_maxrss starts at its parent's size (Linux keeps the high-water mark across
# fork and exec), and this benchmark's process is large by then: each child reports its own.
_PRINT_HWM = "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0], flush=True)"


def peak_memory(path: Path) -> str:
    """Peak RSS of a process that opens 10,000 assessments and lists them in the window,
    beside the floor: a process that json.loads the same file and shows a bare window."""
    script = (
        "import json,sys,os;os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication,QLabel;app=QApplication([]);"
        "d=json.loads(open(sys.argv[1],'rb').read());w=QLabel(str(len(d)));w.show();"
        "app.processEvents();" + _PRINT_HWM
    )
    ours = (
        "import sys,os;os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication;app=QApplication([]);"
        "from mlorg_desktop.domain.knowledge import load_knowledge;"
        "from mlorg_desktop.resources import resources_dir;"
        "from mlorg_desktop.store import AssessmentStore;"
        "from mlorg_desktop.ui.dialogs.msgbox import Messenger;"
        "from mlorg_desktop.ui.tabs.saved_tab import SavedTab;"
        "k=load_knowledge(resources_dir());s=AssessmentStore(sys.argv[1],k.bank,read_only=True);"
        "t=SavedTab(k,s,Messenger(quiet=True));t.resize(1200,800);t.show();"
        "[app.processEvents() for _ in range(3)];" + _PRINT_HWM
    )
    peaks: dict[str, list[float]] = {"floor": [], "ours": []}
    for _ in range(3):  # alternating
        for name, code in (("floor", script), ("ours", ours)):
            out = subprocess.run(
                [sys.executable, "-c", code, str(path)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            peaks[name].append(int(out.split("VmHWM:")[1].split()[0]) / 1024)
    peak = {name: statistics.median(values) for name, values in peaks.items()}
    return (
        f"peak RSS (the process's own VmHWM) with 10,000 assessments open and listed: "
        f"{peak['ours']:.0f} MiB; floor (json.load of the same file + a bare PySide6 window): "
        f"{peak['floor']:.0f} MiB; ratio {peak['ours'] / peak['floor']:.2f}"
    )


def list_and_filter(path: Path, knowledge) -> list[str]:
    """Open + model + first paint of the list, and filtering, in a real (offscreen) window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from mlorg_desktop.ui.dialogs.msgbox import Messenger
    from mlorg_desktop.ui.tabs.saved_tab import SavedTab

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class Painted(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.done = True
            return False

    times, filters, ready, floors = [], [], [], []
    for _ in range(7):
        floors += timed(lambda: json.loads(path.read_bytes()), 1)  # alternating with ours
        started = time.perf_counter()
        store = AssessmentStore(path, knowledge.bank, read_only=True)
        tab = SavedTab(knowledge, store, Messenger(quiet=True))
        watcher = Painted()
        tab.table.viewport().installEventFilter(watcher)
        tab.resize(1200, 800)
        tab.show()
        while not watcher.done:
            app.processEvents()
        times.append(time.perf_counter() - started)
        while not tab.filter_ready:  # idle slices score the rows for the filter
            app.processEvents()
        ready.append(time.perf_counter() - started)
        for text in ("Meridian", "U99", "ml-first", ""):
            t0 = time.perf_counter()
            tab.filter.setText(text)
            app.processEvents()
            filters.append(time.perf_counter() - t0)
        tab.close()
    median = statistics.median(times)
    json_load = statistics.median(floors)
    return [
        f"open + list 10,000 to first paint (trusted file): median {median * 1000:.0f} ms vs "
        f"json.load {json_load * 1000:.0f} ms in the same alternating runs; ratio "
        f"{median / json_load:.2f} (target <= 1.5; {_load()})",
        f"filter ready (every row scored in idle slices after the first paint): median "
        f"{statistics.median(ready) * 1000:.0f} ms after the open started",
        f"filtering 10,000 rows once ready: median {statistics.median(filters) * 1000:.1f} ms, "
        f"max {max(filters) * 1000:.1f} ms (target: under one 16 ms frame)",
    ]


if __name__ == "__main__":
    main()
