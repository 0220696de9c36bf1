"""Opening the window skips building every command's parser: the quick path must give exactly
what the full parser gives, and leave everything else to it."""

from __future__ import annotations

import argparse

import pytest

from mlorg_desktop import cli


def _subcommands() -> set[str]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def test_the_quick_path_knows_every_command():
    assert _subcommands() == cli.COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--data-dir", "/tmp/somewhere"],
        ["--data-dir=/tmp/x", "--smoke-test"],
        ["--data-dir", "list"],  # a folder named like a command: the full parser decides
    ],
)
def test_window_arguments_parse_as_the_full_parser_parses_them(argv):
    assert cli.parse_args(argv) == cli.build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [["--no-such-option"], ["stray"], ["--data-dir"]])
def test_bad_window_arguments_get_the_full_parsers_error(argv, capsys):
    with pytest.raises(SystemExit) as quick:
        cli.parse_args(argv)
    quick_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as full:
        cli.build_parser().parse_args(argv)
    assert quick.value.code == full.value.code == 2
    assert quick_err == capsys.readouterr().err
    assert "COMMAND" in quick_err  # the usage line of the full parser


@pytest.mark.parametrize(
    ("command_line", "command", "demo"),
    [(["--demo"], None, True), (["list", "--json"], "list", False)],
)
def test_without_arguments_given_it_reads_the_command_line(
    monkeypatch, command_line, command, demo
):
    monkeypatch.setattr("sys.argv", ["mlorg-desktop", *command_line])
    args = cli.parse_args(None)
    assert (args.command, args.demo) == (command, demo)
