"""Rules for the test suite itself, checked on its source."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
CONTEXT_MANAGERS_ONLY = {"waitExposed", "waitActive", "wait_exposed", "wait_active"}


def bare_waits(source: str) -> list[int]:
    """Lines calling qtbot.waitExposed/waitActive outside a ``with``: pytest-qt made them
    context managers, so a bare call returns at once and waits for nothing."""
    tree = ast.parse(source)
    in_with = {
        id(item.context_expr)
        for node in ast.walk(tree)
        if isinstance(node, ast.With | ast.AsyncWith)
        for item in node.items
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CONTEXT_MANAGERS_ONLY
        and id(node) not in in_with
    ]


def test_the_rule_finds_a_bare_wait_and_passes_one_in_a_with():
    assert bare_waits("qtbot.waitExposed(w)\nwith qtbot.waitActive(w):\n    w.show()\n") == [1]
    assert bare_waits("with qtbot.waitExposed(w), qtbot.waitActive(w):\n    pass\n") == []
    assert bare_waits("x = qtbot.wait_active(w)\n") == [1]


def test_no_test_waits_for_a_window_with_a_bare_context_manager():
    found = [
        f"{path.relative_to(TESTS)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        for line in bare_waits(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "use tests.window_tools.show_exposed/show_active instead"
