"""main(): the one composition root. Parses the command line and wires everything explicitly."""

from __future__ import annotations

import gc

if __name__ == "__main__":
    # Start-up creates many long-lived objects and almost no garbage cycles; collecting during it
    # cost 15-30 ms of the ~250 ms to first paint here. Re-enabled after the first paint (GUI)
    # or before any command runs.
    gc.disable()

import argparse  # noqa: E402
import logging  # noqa: E402
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mlorg_desktop import cli
from mlorg_desktop.crash import log_to_stderr, stop_logging
from mlorg_desktop.demo import make_demo_paths, seed_demo_store
from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge
from mlorg_desktop.domain.validation import DataError
from mlorg_desktop.paths import AppPaths, resolve_paths
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.run_files import crash_file, create_data_folder, start_logging

if TYPE_CHECKING:
    from mlorg_desktop.store import AssessmentStore

log = logging.getLogger(__name__)
WRITING_COMMANDS = {"import"}
# Commands that only read the store: they work on a read-only folder and create nothing.
READING_COMMANDS = {"list", "export", "sheet", "org", "plan"}


def main(argv: Sequence[str] | None = None) -> int:
    return cli.quiet_on_closed_pipe(lambda: _main(argv))


def _main(argv: Sequence[str] | None) -> int:
    args = cli.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is not None or args.smoke_test:
        gc.enable()
    try:
        resources = resources_dir()
        # The window's first screen needs only the catalog: it loads the questionnaires just
        # after its first paint (ui.app), every command before it runs.
        knowledge = load_knowledge(
            resources, defer_bank=args.command is None and not args.smoke_test
        )
    except (DataError, FileNotFoundError) as exc:
        return cli.report_damaged_resources(exc)

    if args.smoke_test:
        return _smoke_test(knowledge, resources)

    with ExitStack() as cleanup:
        if args.demo:
            paths, folder = make_demo_paths()
            cleanup.callback(folder.cleanup)
        else:
            paths = resolve_paths(args.data_dir)
        if args.command == "questionnaire":
            return cli.cmd_questionnaire(args, knowledge, sys.stdout)
        if args.command == "kit":  # needs no store, only to know which files are the store's
            return cli.cmd_kit(args, knowledge, sys.stdout, protected=paths.protected_files())
        if args.command in READING_COMMANDS and not args.demo:
            return _read_only_command(args, knowledge, paths, cleanup)
        problem = create_data_folder(paths)
        if problem is not None:
            if args.command is None:
                from mlorg_desktop.ui.app import show_startup_error

                show_startup_error(resources, problem)
            print(f"error: {problem}", file=sys.stderr)
            return cli.EXIT_FAILURE
        log_dir = start_logging(paths)
        if log_dir is not None:  # About and the crash dialog name the folder really used
            paths = replace(paths, log_dir=log_dir)
        cleanup.callback(stop_logging)
        cleanup.enter_context(crash_file(log_dir))
        log.info("starting %s with data in %s", args.command or "gui", paths.data_dir)
        seed = partial(seed_demo_store, knowledge=knowledge, resources=resources)
        if args.command is None:
            from mlorg_desktop.ui.app import run_gui

            return run_gui(
                knowledge, paths, resources, demo=args.demo, seed=seed if args.demo else None
            )
        from mlorg_desktop.store import StoreBusyError, StoreLock  # the GUI loads it later

        if args.command in WRITING_COMMANDS:
            lock = StoreLock(paths.store_file)
            try:
                lock.acquire()
            except StoreBusyError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return cli.EXIT_STORE_BUSY
            except OSError as exc:
                print(
                    f"error: cannot write in the data folder {paths.data_dir} "
                    f"({exc.strerror}); nothing was changed",
                    file=sys.stderr,
                )
                return cli.EXIT_FAILURE
            cleanup.callback(lock.release)
        store = _open_store(paths, knowledge)
        if store is None:
            return cli.EXIT_STORE_DAMAGED
        cleanup.callback(store.close)
        if args.demo:
            seed(store)
        return _dispatch(args.command, args, knowledge, store, paths)
    return cli.EXIT_OK  # pragma: no cover - the with-block always returns


def _smoke_test(knowledge: Knowledge, resources: Path) -> int:
    from mlorg_desktop.ui.smoke_test import run_smoke_test

    try:
        return run_smoke_test(knowledge, resources)
    except Exception as exc:  # the smoke test reports any failure as a non-zero exit
        import traceback

        traceback.print_exc()
        print(f"error: smoke test failed: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE


def _read_only_command(
    args: argparse.Namespace, knowledge: Knowledge, paths: AppPaths, cleanup: ExitStack
) -> int:
    """list, export, sheet: the store opened read-only, no folder, log or lock file created
    (warnings go to stderr), so they work on a read-only folder and leave no trace."""
    if args.data_dir and not paths.data_dir.is_dir():
        # The user named a folder that is not there: say so and create nothing. (The default
        # folder missing just means nothing was saved yet: an empty list.)
        print(
            f"error: there is no store in {paths.data_dir}: the folder does not exist "
            "(nothing was created)",
            file=sys.stderr,
        )
        return cli.EXIT_BAD_INPUT
    log_to_stderr()
    cleanup.enter_context(crash_file(None))
    store = _open_store(paths, knowledge, read_only=True)
    if store is None:
        return cli.EXIT_STORE_DAMAGED
    cleanup.callback(store.close)
    return _dispatch(args.command, args, knowledge, store, paths)


def _open_store(
    paths: AppPaths, knowledge: Knowledge, *, read_only: bool = False
) -> AssessmentStore | None:
    """The store for a command; a damaged one is reported and left exactly as it is."""
    from mlorg_desktop.store import AssessmentStore, StoreDamagedError, StoreError
    from mlorg_desktop.store.recovery import damage_report, usable_backup

    try:
        return AssessmentStore(paths.store_file, knowledge.bank, read_only=read_only)
    except StoreDamagedError as exc:
        backup = usable_backup(paths.store_file, knowledge.bank)
        print(
            f"error: {damage_report(paths.store_file, exc.reason, backup)}\n"
            "Open MLOrg Desktop on this folder to move it aside and restore the backup or "
            "start empty.",
            file=sys.stderr,
        )
        return None
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _dispatch(
    command: str, args: object, knowledge: Knowledge, store: AssessmentStore, paths: AppPaths
) -> int:
    from mlorg_desktop.cli_org import cmd_org
    from mlorg_desktop.cli_plan import cmd_plan
    from mlorg_desktop.store import StoreError

    protected = paths.protected_files()  # what no export may write over
    handlers = {
        "list": cli.cmd_list,
        "export": partial(cli.cmd_export, protected=protected),
        "import": cli.cmd_import,
        "sheet": partial(cli.cmd_sheet, protected=protected),
        "org": cmd_org,
        "plan": cmd_plan,
    }
    try:
        return handlers[command](args, knowledge, store, sys.stdout)  # type: ignore[arg-type,operator]
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
