"""The sheet needs a QGuiApplication for fonts; qapp from pytest-qt provides one."""

from __future__ import annotations

from dataclasses import replace

import pytest


@pytest.fixture
def many(examples):
    """n assessments made from the examples, with distinct units and long notes."""

    def build(n: int, note_repeats: int = 1):
        out = []
        for i in range(n):
            a = examples[i % len(examples)]
            out.append(
                replace(
                    a,
                    id=f"00000000-0000-4000-8000-{i:012d}",
                    unit=f"Unit {i + 1}",
                    notes=(a.notes + " ") * note_repeats,
                )
            )
        return out

    return build
