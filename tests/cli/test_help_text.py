"""Every command's --help, word for word: the options, their argument names and their help are
what a user reads to learn the command line (a terminal 100 columns wide)."""

from __future__ import annotations

import pytest

HELP = {
    (): """\
usage: mlorg-desktop [-h] [--version] [--smoke-test] [--data-dir DIR] [--demo] COMMAND ...

MLOrg Desktop: see how your organization structures machine-learning work. Without a command,
opens the window.

positional arguments:
  COMMAND
    list          list saved assessments with archetype and coverage
    questionnaire
                  print the question bank with question and option ids
    export        write assessments to an exchange file (or CSV)
    sheet         render the comparison sheet to a PDF file or send it to a printer
    kit           write a respondent form: one offline HTML file people answer in their browser
    import        add assessments from exchange files (several files or folders at once)
    org           one organization's rounds: combined reading, disagreements, by-role split, trend
    plan          the answer changes that would bring one assessment closest to a target archetype

options:
  -h, --help      show this help message and exit
  --version       show program's version number and exit
  --smoke-test    build the window offscreen if there is no display, paint it, visit every tab,
                  save and reload an assessment in a temporary store, then exit (0 on success)
  --data-dir DIR  keep the store, logs and window state in DIR instead of the per-user folders
  --demo          use a throwaway store seeded with the example assessments; your own store is
                  never touched

Exit codes: 0 success, 1 failure, 2 bad input or usage, 3 damaged store, 4 store in use by another
process.
""",
    ("list",): """\
usage: mlorg-desktop list [-h] [--json] [--data-dir DIR] [--demo]

options:
  -h, --help      show this help message and exit
  --json          print JSON instead of a table
  --data-dir DIR  keep the store, logs and window state in DIR instead of the per-user folders
  --demo          use a throwaway store seeded with the example assessments; your own store is
                  never touched
""",
    ("questionnaire",): """\
usage: mlorg-desktop questionnaire [-h] [--json] [--version-number N] [--data-dir DIR] [--demo]

options:
  -h, --help          show this help message and exit
  --json              print JSON (the default is text)
  --version-number N  a specific questionnaire version (default: the latest)
  --data-dir DIR      keep the store, logs and window state in DIR instead of the per-user folders
  --demo              use a throwaway store seeded with the example assessments; your own store is
                      never touched
""",
    ("export",): """\
usage: mlorg-desktop export [-h] -o FILE [--ids ID [ID ...]] [--csv] [--data-dir DIR] [--demo]

options:
  -h, --help            show this help message and exit
  -o FILE, --output FILE
                        file to write ('-' for standard output); never the store, its backups or
                        logs
  --ids ID [ID ...]     only these assessments: full ids in any spelling, or unique prefixes (4+
                        characters)
  --csv                 write CSV for spreadsheets instead
  --data-dir DIR        keep the store, logs and window state in DIR instead of the per-user
                        folders
  --demo                use a throwaway store seeded with the example assessments; your own store
                        is never touched
""",
    ("sheet",): """\
usage: mlorg-desktop sheet [-h] (-o FILE.pdf | --printer NAME) [--ids ID [ID ...] | --all]
                           [--page-size {A4,Letter}] [--title TITLE] [--sections LIST]
                           [--data-dir DIR] [--demo]

options:
  -h, --help            show this help message and exit
  -o FILE.pdf, --output FILE.pdf
                        write a PDF file
  --printer NAME        send to this OS print queue
  --ids ID [ID ...]     only these assessments: full ids in any spelling, or unique prefixes (4+
                        characters)
  --all                 every saved assessment (default)
  --page-size {A4,Letter}
                        paper size (default: Letter in US locales, A4 elsewhere)
  --title TITLE         title printed at the top of the sheet
  --sections LIST       comma-separated sections to include (default: all):
                        summary,charts,table,organization,road,details,glossary
  --data-dir DIR        keep the store, logs and window state in DIR instead of the per-user
                        folders
  --demo                use a throwaway store seeded with the example assessments; your own store
                        is never touched
""",
    ("kit",): """\
usage: mlorg-desktop kit [-h] -o FILE.html [--organization NAME] [--unit UNIT] [--round LABEL]
                         [--title T] [--data-dir DIR] [--demo]

options:
  -h, --help            show this help message and exit
  -o FILE.html, --output FILE.html
                        the form to write; never the store, its backups or logs
  --organization NAME   fixed in the form
  --unit UNIT           fixed in the form
  --round LABEL         fixed in the form, e.g. '2026 Q4'
  --title T             the form's heading
  --data-dir DIR        keep the store, logs and window state in DIR instead of the per-user
                        folders
  --demo                use a throwaway store seeded with the example assessments; your own store
                        is never touched
""",
    ("import",): """\
usage: mlorg-desktop import [-h] [--data-dir DIR] [--demo] FILE.json [FILE.json ...]

Each file is checked on its own; the assessments of every valid file are added in one write. A
refused file changes nothing and does not stop the others (exit 2 when any file was refused). A
folder stands for the .json files in it.

positional arguments:
  FILE.json

options:
  -h, --help      show this help message and exit
  --data-dir DIR  keep the store, logs and window state in DIR instead of the per-user folders
  --demo          use a throwaway store seeded with the example assessments; your own store is
                  never touched
""",
    ("org",): """\
usage: mlorg-desktop org [-h] [--unit UNIT] [--json] [--data-dir DIR] [--demo] NAME

positional arguments:
  NAME            the organization (any case)

options:
  -h, --help      show this help message and exit
  --unit UNIT     the team or unit, when it has several
  --json          print JSON instead of a summary
  --data-dir DIR  keep the store, logs and window state in DIR instead of the per-user folders
  --demo          use a throwaway store seeded with the example assessments; your own store is
                  never touched
""",
    ("plan",): """\
usage: mlorg-desktop plan [-h] [--target ARCHETYPE] [--steps N] [--json] [--data-dir DIR] [--demo]
                          ID

positional arguments:
  ID                  an assessment id, or a unique prefix (4+ characters)

options:
  -h, --help          show this help message and exit
  --target ARCHETYPE  the archetype to become, or 'keep' (default: the assessment's own target)
  --steps N           at most N steps
  --json              print JSON instead of a summary
  --data-dir DIR      keep the store, logs and window state in DIR instead of the per-user folders
  --demo              use a throwaway store seeded with the example assessments; your own store is
                      never touched
""",
}


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "top")
def test_help_word_for_word(cli, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = cli(*command, "--help")
    assert (code, err) == (0, "")
    assert out == HELP[command]


@pytest.mark.parametrize("command", ["export", "kit"])
def test_the_output_file_is_required(cli, monkeypatch, command, tmp_path):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = cli(command, "--data-dir", str(tmp_path / "data"))
    assert (code, out) == (2, "")
    assert err.endswith(
        f"mlorg-desktop {command}: error: the following arguments are required: -o/--output\n"
    )


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_sheet_page_sizes_are_accepted_and_others_refused(qapp, cli, monkeypatch, size, tmp_path):
    monkeypatch.setenv("COLUMNS", "100")
    pdf = tmp_path / "sheet.pdf"
    code, _out, err = cli("sheet", "--demo", "-o", str(pdf), "--page-size", size)
    assert (code, err) == (0, "")
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _out, err = cli("sheet", "--demo", "-o", str(pdf), "--page-size", size.lower())
    assert code == 2
    assert f"invalid choice: '{size.lower()}' (choose from 'A4', 'Letter')" in err
