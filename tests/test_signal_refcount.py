"""Guard against PySide6 6.12.0's bool_dealloc abort on CPython 3.11 (see STYLE.md)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)
    named = Signal(str, str)


def test_emitting_many_signals_keeps_the_refcount_of_true(qtbot):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    emitter.named.connect(lambda a, b: None)
    before = sys.getrefcount(True)
    for _ in range(20_000):
        emitter.fired.emit(True)
        emitter.named.emit("q01", "q01a")
    after = sys.getrefcount(True)
    assert len(received) == 20_000
    # Immortal objects report a huge constant count; a leaking binding drops it on each emit.
    assert after >= before - 100
