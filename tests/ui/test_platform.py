"""The UI tests run on the platform they were asked to run on (offscreen, or xcb in CI)."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication


def test_qt_uses_the_requested_platform(qapp):
    expected = os.environ.get("MLORG_TEST_PLATFORM", "offscreen")
    assert QGuiApplication.platformName() == expected
