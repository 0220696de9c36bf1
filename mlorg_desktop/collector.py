"""Bulk loads with the cyclic garbage collector paused.

Building tens of thousands of acyclic objects (a store's parsed records, their Assessments,
the saved list's rows) makes CPython's collector run again and again over everything already
alive: at 10,000 assessments that was more time than parsing the JSON. Nothing built there
forms a cycle (reference counting frees it all), so the collector is paused for the load and
resumed after; the window freezes what it keeps (ui.app) so later collections skip it too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
