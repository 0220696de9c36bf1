"""Every command-line test runs against the installed package and, in `make bundle-check`,
against the frozen bundle too (tests/frozen_tools.py)."""

from __future__ import annotations

import pytest

from tests.frozen_tools import MODES, make_cli


@pytest.fixture(params=MODES)
def cli(request, capsys, tmp_path):
    """run(cli, *argv) -> (exit code, stdout, stderr), in this process or in the bundle."""
    return make_cli(request.param, capsys, tmp_path / "home")
