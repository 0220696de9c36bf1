"""main(): the one composition root. Parses the command line and wires everything explicitly."""

from __future__ import annotations

import gc

if __name__ == "__main__":
    # Start-up creates many long-lived objects and almost no garbage cycles; collecting during it
    # cost 15-30 ms of the ~250 ms to first paint here. Re-enabled after the first paint (GUI)
    # or before any command runs.
    gc.disable()

import logging  # noqa: E402
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mlorg_desktop import cli
from mlorg_desktop.crash import enable_faulthandler, setup_logging
from mlorg_desktop.demo import make_demo_paths, seed_demo_store
from mlorg_desktop.domain.catalog import CatalogError
from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge
from mlorg_desktop.domain.validation import DataError
from mlorg_desktop.paths import AppPaths, resolve_paths
from mlorg_desktop.resources import resources_dir

if TYPE_CHECKING:
    from mlorg_desktop.store import AssessmentStore

log = logging.getLogger(__name__)
WRITING_COMMANDS = {"import"}


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is not None or args.smoke_test:
        gc.enable()
    try:
        resources = resources_dir()
        knowledge = load_knowledge(resources)
    except (CatalogError, DataError, FileNotFoundError) as exc:
        kind = "catalog" if isinstance(exc, CatalogError) else "resources"
        print(f"error: MLOrg Desktop cannot start: its {kind} is damaged: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE

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
        try:
            paths.ensure()
        except OSError as exc:
            print(
                f"error: cannot create the data folder {paths.data_dir}: {exc.strerror}",
                file=sys.stderr,
            )
            return cli.EXIT_FAILURE
        setup_logging(paths.log_dir)
        cleanup.callback(logging.shutdown)
        cleanup.enter_context(enable_faulthandler(paths.log_dir))
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
            cleanup.callback(lock.release)
        store = _open_store(paths, knowledge)
        if store is None:
            return cli.EXIT_STORE_DAMAGED
        cleanup.callback(store.close)
        if args.demo:
            seed(store)
        return _dispatch(args.command, args, knowledge, store)
    return cli.EXIT_OK  # pragma: no cover - the with-block always returns


def _smoke_test(knowledge: Knowledge, resources: Path) -> int:
    from mlorg_desktop.ui.app import run_smoke_test

    try:
        return run_smoke_test(knowledge, resources)
    except Exception as exc:  # the smoke test reports any failure as a non-zero exit
        import traceback

        traceback.print_exc()
        print(f"error: smoke test failed: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE


def _open_store(paths: AppPaths, knowledge: Knowledge) -> AssessmentStore | None:
    """The store for a command; a damaged one is reported and left exactly as it is."""
    from mlorg_desktop.store import AssessmentStore, StoreDamagedError, StoreError
    from mlorg_desktop.store.recovery import damage_report, usable_backup

    try:
        return AssessmentStore(paths.store_file, knowledge.bank)
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


def _dispatch(command: str, args: object, knowledge: Knowledge, store: AssessmentStore) -> int:
    from mlorg_desktop.cli_org import cmd_org
    from mlorg_desktop.store import StoreError

    handlers = {
        "list": cli.cmd_list,
        "export": cli.cmd_export,
        "import": cli.cmd_import,
        "sheet": cli.cmd_sheet,
        "org": cmd_org,
    }
    try:
        return handlers[command](args, knowledge, store, sys.stdout)  # type: ignore[arg-type,operator]
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
