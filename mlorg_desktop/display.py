"""Choosing a Qt platform before the first Qt application exists."""

from __future__ import annotations

import os


def ensure_platform() -> None:
    """With no display at all, fall back to the offscreen platform instead of aborting."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
