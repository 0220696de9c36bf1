"""Start-up seen from outside: process start until its top-level window is mapped on a real X
server (Xvfb), round-robin against the bare three-tab PySide6 window (floors.py bare).

Nothing inside the measured process reports anything. This process starts one Xvfb, selects
SubstructureNotify on its root window through libX11 (ctypes), notes the time just before
``Popen`` and the time the server tells it the new process's top-level window was mapped (a
MapNotify for a child of the root that is not override-redirect). Without a window manager a
mapped top-level is viewable at once. Both the app and the floor are told to quit after their
first paint (MLORG_FIRST_PAINT_EXIT=1), so each run ends by itself; peak RSS comes from wait4.
"""

from __future__ import annotations

import argparse
import compileall
import ctypes
import ctypes.util
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import ROOT, append_results

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class _MapEvent(ctypes.Structure):  # XMapEvent, the head of the XEvent union
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("map", _MapEvent), ("pad", ctypes.c_long * 24)]


class MapWatcher:
    """A connection to ``display`` that hears about every top-level window being mapped."""

    def __init__(self, display: str) -> None:
        self.x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        for name in ("XDefaultRootWindow", "XConnectionNumber", "XPending", "XFlush"):
            getattr(self.x, name).argtypes = [ctypes.c_void_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XFlush(self.dpy)
        self.fd = self.x.XConnectionNumber(self.dpy)

    def drain(self) -> None:
        event = _Event()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def wait_for_map(self, timeout: float) -> float:
        """perf_counter() when the next top-level window is mapped."""
        deadline = time.perf_counter() + timeout
        event = _Event()
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if event.map.type == MAP_NOTIFY and not event.map.override_redirect:
                    return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no window was mapped")
            select.select([self.fd], [], [], left)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as handle:
        number = handle.readline().strip()
    if not number:
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def one_run(watcher: MapWatcher, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from just before Popen to the window mapped, peak RSS in MiB)."""
    watcher.drain()
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        mapped = watcher.wait_for_map(30)
    finally:
        _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} exited with {os.waitstatus_to_exitcode(status)}")
    return mapped - started, usage.ru_maxrss / 1024


def measure(runs: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from startup import make_store

    # Bytecode as an installed app has it (see startup.py).
    compileall.compile_dir(str(ROOT / "mlorg_desktop"), quiet=1)
    server, display = start_xvfb()
    try:
        watcher = MapWatcher(display)
        with tempfile.TemporaryDirectory() as tmp:
            empty = make_store(Path(tmp) / "empty", 0)
            env = {
                **os.environ,
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "MLORG_FIRST_PAINT_EXIT": "1",
                "HOME": tmp,
            }
            commands = {
                "floor_bare": [sys.executable, "benchmarks/floors.py", "bare"],
                "app": [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(empty)],
            }
            for argv in commands.values():  # warm the page cache and bytecode once
                one_run(watcher, argv, env)
            seconds: dict[str, list[float]] = {name: [] for name in commands}
            rss: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(runs):  # round-robin: both see the same machine load
                for name, argv in commands.items():
                    took, peak = one_run(watcher, argv, env)
                    seconds[name].append(took)
                    rss[name].append(peak)
    finally:
        server.terminate()
        server.wait()
    load = Path("/proc/loadavg").read_text().split()[:3]
    rows = [
        f"{name}: window mapped on Xvfb after median {statistics.median(values) * 1000:.0f} ms "
        f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}), peak RSS median "
        f"{statistics.median(rss[name]):.0f} MiB"
        for name, values in seconds.items()
    ]
    ratio = statistics.median(seconds["app"]) / statistics.median(seconds["floor_bare"])
    rows.append(
        f"black-box start-up ratio (app, empty store, vs floor_bare; {runs} alternating runs, "
        f"load average {' '.join(load)}): {ratio:.2f} (target <= 1.5)"
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rows = measure(args.runs)
    for row in rows:
        print(row)
    append_results("Start-up seen from outside (Xvfb, window mapped)", rows)


if __name__ == "__main__":
    main()
