"""The Assessment tab as a Linux screen reader gets it: over AT-SPI, from a real window on an
X server, through a D-Bus session with the accessibility bus (at-spi2-core)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = ("dbus-run-session", "xvfb-run")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
PROBE = Path(__file__).parents[1] / "atspi_probe.py"
LABELLED_BY = 2  # AtspiRelationType ATSPI_RELATION_LABELLED_BY

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS) or not BUS_LAUNCHER.exists(),
    reason="needs dbus-run-session, xvfb-run and at-spi2-core (installed by .ci/run)",
)


@pytest.fixture(scope="module")
def seen(tmp_path_factory) -> dict:
    pytest.importorskip("jeepney")
    out = tmp_path_factory.mktemp("atspi") / "seen.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI"))}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1200x24",
            sys.executable,
            str(PROBE),
            str(out),
        ],  # fmt: skip
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0 and out.exists(), done.stderr[-4000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    return result


def test_questions_are_named_groups_whose_options_point_at_them(seen, knowledge):
    nodes = seen["nodes"]
    groups = {n["name"]: n for n in nodes.values() if n["role"] == "panel"}
    questions = [q for s in knowledge.bank.latest.sections for q in s.questions]
    for number, question in enumerate(questions, start=1):
        group = groups[f"Question {number}: {question.text}"]
        options = [nodes[c] for c in group["children"] if nodes[c]["role"] == "radio button"]
        assert [o["name"] for o in options] == [
            question.answer_text(a) for a in question.valid_answers()
        ]
        for option in options:
            assert [LABELLED_BY, [group["path"]]] in option["relations"]


def test_the_headline_is_heard_as_the_result(seen):
    labels = [n["name"] for n in seen["nodes"].values() if n["role"] == "label"]
    heard = [name for name in labels if name.startswith("Result: ")]
    # 18 of 27 answered with the first option: an archetype is named at 67 % coverage.
    assert len(heard) == 1 and heard[0].endswith("coverage 67% (18 of 27 answered).")
    assert heard[0] == seen["headline"]  # what the window holds is what went over the bus
    assert "Result headline" not in labels
