"""Command-line parsing and the headless commands that work on the same store as the window."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mlorg_desktop import APP_ID, __version__
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.report.sections import SECTIONS, SectionError, parse_sections

if TYPE_CHECKING:  # the window's start-up does not load the store before its first paint
    from mlorg_desktop.domain.assessment import Assessment
    from mlorg_desktop.store import AssessmentStore
    from mlorg_desktop.userfiles import Protected

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_STORE_DAMAGED = 3
EXIT_STORE_BUSY = 4
EXIT_CLOSED_PIPE = 141


def _store_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    # On subcommands the defaults are SUPPRESS so an option given before the subcommand
    # is not overwritten by the subcommand's default.
    default: object = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="keep the store, logs and window state in DIR instead of the per-user folders",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="use a throwaway store seeded with the example assessments; "
        "your own store is never touched",
    )


def report_damaged_resources(exc: Exception) -> int:
    """What a start with a damaged catalog or questionnaire says (stderr) and returns."""
    from mlorg_desktop.domain.catalog import CatalogError

    kind = "catalog" if isinstance(exc, CatalogError) else "resources"
    print(f"error: MLOrg Desktop cannot start: its {kind} is damaged: {exc}", file=sys.stderr)
    return EXIT_FAILURE


def quiet_on_closed_pipe(run: Callable[[], int]) -> int:
    """Run a command; if whoever reads its output goes away (``list --json | head -1``), end
    quietly with 141 (128 + SIGPIPE, what other Unix tools report) instead of a traceback."""
    try:
        code = run()
        if sys.stdout is not None:
            sys.stdout.flush()  # inside the try: a closed pipe often shows only at this flush
    except BrokenPipeError:
        # Python would flush stdout again at exit and complain; point it at /dev/null first.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        return EXIT_CLOSED_PIPE
    return code


def _top_level_parser(**options: object) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description="MLOrg Desktop: see how your organization structures machine-learning work. "
        "Without a command, opens the window.",
        epilog="Exit codes: 0 success, 1 failure, 2 bad input or usage, 3 damaged store, "
        "4 store in use by another process.",
        **options,  # type: ignore[arg-type]
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the window offscreen if there is no display, paint it, visit "
        "every tab, save and reload an assessment in a temporary store, "
        "then exit (0 on success)",
    )
    _store_options(parser, top_level=True)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_level_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("list", help="list saved assessments with archetype and coverage")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "questionnaire", help="print the question bank with question and option ids"
    )
    p.add_argument("--json", action="store_true", help="print JSON (the default is text)")
    p.add_argument(
        "--version-number",
        type=int,
        metavar="N",
        dest="questionnaire_version",
        help="a specific questionnaire version (default: the latest)",
    )
    _store_options(p, top_level=False)

    p = commands.add_parser("export", help="write assessments to an exchange file (or CSV)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="file to write ('-' for standard output); never the store, its backups or logs",
    )
    p.add_argument(
        "--ids",
        nargs="+",
        metavar="ID",
        help="only these assessments: full ids in any spelling, or unique prefixes (4+ characters)",
    )
    p.add_argument("--csv", action="store_true", help="write CSV for spreadsheets instead")
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "sheet", help="render the comparison sheet to a PDF file or send it to a printer"
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="FILE.pdf", help="write a PDF file")
    target.add_argument("--printer", metavar="NAME", help="send to this OS print queue")
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument(
        "--ids",
        nargs="+",
        metavar="ID",
        help="only these assessments: full ids in any spelling, or unique prefixes (4+ characters)",
    )
    chosen.add_argument("--all", action="store_true", help="every saved assessment (default)")
    p.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        help="paper size (default: Letter in US locales, A4 elsewhere)",
    )
    p.add_argument("--title", help="title printed at the top of the sheet")
    p.add_argument(
        "--sections",
        type=_sections,
        default=None,
        metavar="LIST",
        help="comma-separated sections to include (default: all): " + ",".join(SECTIONS),
    )
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "kit",
        help="write a respondent form: one offline HTML file people answer in their browser",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.html",
        help="the form to write; never the store, its backups or logs",
    )
    p.add_argument("--organization", metavar="NAME", default="", help="fixed in the form")
    p.add_argument("--unit", metavar="UNIT", default="", help="fixed in the form")
    p.add_argument("--round", metavar="LABEL", default="", help="fixed in the form, e.g. '2026 Q4'")
    p.add_argument("--title", metavar="T", default="", help="the form's heading")
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "import",
        help="add assessments from exchange files (several files or folders at once)",
        description="Each file is checked on its own; the assessments of every valid file are "
        "added in one write. A refused file changes nothing and does not stop the others "
        "(exit 2 when any file was refused). A folder stands for the .json files in it.",
    )
    p.add_argument("files", nargs="+", metavar="FILE.json")
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "org",
        help="one organization's rounds: combined reading, disagreements, by-role split, trend",
    )
    p.add_argument("name", metavar="NAME", help="the organization (any case)")
    p.add_argument("--unit", metavar="UNIT", help="the team or unit, when it has several")
    p.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    _store_options(p, top_level=False)

    p = commands.add_parser(
        "plan",
        help="the answer changes that would bring one assessment closest to a target archetype",
    )
    p.add_argument("id", metavar="ID", help="an assessment id, or a unique prefix (4+ characters)")
    p.add_argument(
        "--target",
        metavar="ARCHETYPE",
        help="the archetype to become, or 'keep' (default: the assessment's own target)",
    )
    p.add_argument("--steps", type=_positive, metavar="N", help="at most N steps")
    p.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    _store_options(p, top_level=False)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def _sections(text: str) -> frozenset[str]:
    try:
        return parse_sections(text)
    except SectionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


COMMANDS = frozenset({"list", "questionnaire", "export", "import", "kit", "sheet", "org", "plan"})
_FULL_PARSER_WORDS = COMMANDS | {"-h", "--help", "--version"}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; opening the window (no command) skips building every command's parser,
    which was a noticeable part of start-up. Anything unusual goes to the full parser, so
    its help, errors and results are exactly the same."""
    tokens = list(sys.argv[1:] if argv is None else argv)
    if _FULL_PARSER_WORDS.isdisjoint(tokens):
        quick = _top_level_parser(exit_on_error=False)
        try:
            args, extra = quick.parse_known_args(tokens)
        except argparse.ArgumentError:
            extra = tokens
        if not extra:
            args.command = None
            return args
    return build_parser().parse_args(argv)


# Commands --------------------------------------------------------------------------------------


def cmd_list(
    args: argparse.Namespace, knowledge: Knowledge, store: AssessmentStore, out: TextIO
) -> int:
    from mlorg_desktop.domain.reading_text import reading_label

    names = {a.id: a.name for a in knowledge.catalog.archetypes}
    rows = []
    for a in sorted(store.all(), key=lambda a: (a.organization.casefold(), a.assessed_on)):
        result = knowledge.score(a.questionnaire_version, a.answers)
        rows.append(
            {
                "id": a.id,
                "organization": a.organization,
                "unit": a.unit,
                "respondent": a.respondent,
                "assessed_on": a.assessed_on,
                "primary_archetype": result.primary,
                "primary_archetype_name": names.get(result.primary or ""),
                "reading": result.reading,
                "reading_label": reading_label(result, names),
                "leader": result.leader,
                "runner_up": result.runner_up,
                "margin": round(result.margin, 2),
                "answered": result.answered,
                "total": result.total,
                "coverage": round(result.coverage, 4),
                "questionnaire_version": a.questionnaire_version,
                "target": a.target or None,
                "scenarios": [s.name for s in a.scenarios],
            }
        )
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not rows:
        out.write(f"No saved assessments in {store.path}\n")
        return EXIT_OK
    for r in rows:
        out.write(
            f"{r['id']}  {r['assessed_on']}  {r['organization']}"
            f"{' / ' + r['unit'] if r['unit'] else ''}  —  {r['reading_label']}, "
            f"{r['answered']} of {r['total']} answered\n"
        )
    return EXIT_OK


def cmd_questionnaire(args: argparse.Namespace, knowledge: Knowledge, out: TextIO) -> int:
    from mlorg_desktop.domain.questionnaire import SPECIAL_LABELS

    version = args.questionnaire_version or knowledge.bank.latest.version
    try:
        questionnaire = knowledge.bank.get(version)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    doc = {
        "version": questionnaire.version,
        "title": questionnaire.title,
        "special_answers": SPECIAL_LABELS,
        "split_answer": {"mainly": "option id", "partly": "option id"},
        "naming": {"rule": questionnaire.naming.rule, "floor": questionnaire.naming.floor},
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "questions": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "allow_not_applicable": q.allow_not_applicable,
                        "allow_split": q.allow_split,
                        "options": [
                            {
                                "id": o.id,
                                "text": o.text,
                                "evidence": o.evidence,
                                "positions": o.positions,
                            }
                            for o in q.options
                        ],
                    }
                    for q in s.questions
                ],
            }
            for s in questionnaire.sections
        ],
    }
    if args.json:
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(f"{questionnaire.title} (version {questionnaire.version})\n")
    for s in questionnaire.sections:
        out.write(f"\n== {s.title}\n")
        for q in s.questions:
            split = "  (mainly / partly allowed)" if q.allow_split else ""
            out.write(f"{q.id}: {q.text}{split}\n")
            for o in q.options:
                out.write(f"    {o.id}: {o.text}\n")
    return EXIT_OK


def _chosen(
    args: argparse.Namespace, store: AssessmentStore, default: list[Assessment]
) -> list[Assessment] | None:
    """The assessments named by --ids (full ids in any spelling, or unique prefixes like git's),
    in that order, or ``default``; None (after saying why) when an id is unknown or ambiguous."""
    if not args.ids:
        return default
    from mlorg_desktop.domain.ids import MIN_PREFIX, resolve_ids

    found = resolve_ids(args.ids, (a.id for a in store.all()))
    if found.unknown:
        print(
            f"error: no saved assessment has the {'id' if len(found.unknown) == 1 else 'ids'}: "
            f"{', '.join(found.unknown)}",
            file=sys.stderr,
        )
    for prefix in found.too_short:
        print(
            f"error: the id prefix '{prefix}' is too short; give at least {MIN_PREFIX} characters",
            file=sys.stderr,
        )
    for prefix, candidates in found.ambiguous:
        print(
            f"error: the id prefix '{prefix}' is ambiguous; it matches:\n"
            + "".join(f"  {c}  {store.get(c).label}\n" for c in candidates),
            file=sys.stderr,
            end="",
        )
    if not found.ok:
        return None
    return [store.get(i) for i in found.ids]


def cmd_export(
    args: argparse.Namespace,
    knowledge: Knowledge,
    store: AssessmentStore,
    out: TextIO,
    *,
    protected: Sequence[Protected],
) -> int:
    chosen = _chosen(args, store, store.all())
    if chosen is None:
        return EXIT_BAD_INPUT
    from mlorg_desktop.domain.exchange import exchange_csv, exchange_json

    text = exchange_csv(chosen, knowledge) if args.csv else exchange_json(chosen)
    if args.output == "-":
        out.write(text)
        return EXIT_OK
    # Files get a byte-order mark so spreadsheet programs read the CSV as UTF-8.
    payload = text.encode("utf-8-sig" if args.csv else "utf-8")
    target = _write_output(Path(args.output), payload, protected)
    if isinstance(target, int):
        return target
    print(f"Exported {plural(len(chosen), 'assessment')} to {target}", file=out)
    return EXIT_OK


def cmd_import(
    args: argparse.Namespace, knowledge: Knowledge, store: AssessmentStore, out: TextIO
) -> int:
    from mlorg_desktop.domain.batch_import import plan_import, read_files
    from mlorg_desktop.domain.exchange import future_dated

    plan = plan_import(read_files([Path(f) for f in args.files], knowledge), store)
    for warning in future_dated(plan.to_add):
        print(f"warning: {warning}", file=sys.stderr)
    report = store.import_many(plan.to_add)  # one write for every accepted file
    accepted = len(plan.accepted)
    if accepted:
        files = (
            f" from {accepted} of {plural(len(plan.outcomes), 'file')}"
            if len(plan.outcomes) > 1
            else ""
        )
        print(
            f"Imported {plural(len(report.added), 'assessment')}{files} into {store.path}", file=out
        )
        present = [i for o in plan.accepted for i in o.already_present]
        if present:
            print(
                f"Skipped {len(present)} already in the store (same id): " + ", ".join(present),
                file=out,
            )
        if len(plan.outcomes) > 1:
            for outcome in plan.accepted:
                print(f"  {outcome.describe()}", file=out)
    for outcome in plan.refused:
        print(
            f"error: {'nothing imported from ' if accepted else 'nothing imported: '}"
            f"{outcome.path}: {outcome.error}",
            file=sys.stderr,
        )
    return EXIT_BAD_INPUT if plan.refused else EXIT_OK


def cmd_kit(
    args: argparse.Namespace,
    knowledge: Knowledge,
    out: TextIO,
    *,
    protected: Sequence[Protected],
) -> int:
    """Write the respondent form (latest questionnaire) through the guarded writer."""
    from mlorg_desktop.domain.form import FormSettings, FormSettingsError, render_form

    settings = FormSettings(
        organization=args.organization, unit=args.unit, round=args.round, title=args.title
    )
    try:
        html = render_form(knowledge.bank.latest, settings)
    except FormSettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    target = _write_output(Path(args.output), html.encode("utf-8"), protected)
    if isinstance(target, int):
        return target
    version = knowledge.bank.latest.version
    print(f"Wrote the respondent form (questionnaire version {version}) to {target}", file=out)
    return EXIT_OK


def cmd_sheet(
    args: argparse.Namespace,
    knowledge: Knowledge,
    store: AssessmentStore,
    out: TextIO,
    *,
    protected: Sequence[Protected],
) -> int:
    """Render the comparison sheet headless; Qt is loaded only for this command."""
    everyone = sorted(store.all(), key=lambda a: (a.organization.casefold(), a.assessed_on))
    chosen = _chosen(args, store, everyone)
    if chosen is None:
        return EXIT_BAD_INPUT
    if not chosen:
        print(
            f"error: there are no saved assessments in {store.path} to put on a sheet",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT

    from PySide6.QtGui import QGuiApplication

    from mlorg_desktop.display import ensure_platform
    from mlorg_desktop.report.output import (
        SheetOutputError,
        default_page_size_name,
        make_printer,
        print_sheet,
        write_pdf,
    )
    from mlorg_desktop.report.sheet import TITLE, build_sheet_data

    ensure_platform()
    _app = QGuiApplication.instance() or QGuiApplication([APP_ID])
    source = "demo data" if args.demo else str(store.path)
    data = build_sheet_data(
        knowledge, chosen, source, title=args.title or TITLE, sections=args.sections or SECTIONS
    )
    page_size = args.page_size or default_page_size_name()
    try:
        if args.printer:
            printer = make_printer(args.printer, page_size)
            pages = print_sheet(printer, data)
            print(
                f"Sent a {pages}-page sheet of {plural(len(chosen), 'assessment')} to printer "
                f"{args.printer}",
                file=out,
            )
        else:
            pages = write_pdf(Path(args.output), data, page_size, protected)
            print(
                f"Wrote a {pages}-page sheet of {plural(len(chosen), 'assessment')} to "
                f"{args.output}",
                file=out,
            )
    except SheetOutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT if args.printer or exc.refused else EXIT_FAILURE
    del _app
    return EXIT_OK


def _write_output(path: Path, payload: bytes, protected: Sequence[Protected]) -> Path | int:
    """Write a user file through the guard: the file written, or the exit code after saying
    why not (2 for one of the app's own files, 1 for a write that failed)."""
    from mlorg_desktop.userfiles import ProtectedDestinationError, UserFileError, write_user_file

    try:
        return write_user_file(path, payload, protected)
    except ProtectedDestinationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UserFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
