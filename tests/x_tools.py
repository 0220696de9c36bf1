"""A private X server (Xvfb) for tests that need a real window system, and reading it back."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest


def need(tool: str) -> str:
    """The path of ``tool``; missing tools skip locally but fail in CI, which installs them."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextlib.contextmanager
def xvfb() -> Iterator[dict[str, str]]:
    """Start Xvfb on a free display; yield an environment for xcb clients of it."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            need("Xvfb"),
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "1600x1200x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not report a display number")
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    env.pop("XAUTHORITY", None)
    try:
        yield env
    finally:
        server.terminate()
        server.wait(10)


def x(env: dict[str, str], *args: str) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout


def focused_window_name(env: dict[str, str]) -> str:
    done = subprocess.run(
        [need("xdotool"), "getwindowfocus", "getwindowname"],
        env=env,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def stacking(env: dict[str, str]) -> list[str]:
    """Titles of the top-level windows that have a WM_CLASS (real windows), topmost first."""
    out = x(env, need("xwininfo"), "-root", "-children")
    return re.findall(r'^\s*0x[0-9a-f]+ "(.*)": \("', out, re.MULTILINE)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)
